// A chat or social conversation as a platform sends it with a complaint: ordered by time, and the
// subject taken from what the customer wrote first when the platform gives none.

export const TRANSCRIPT_SPEAKERS = ['customer', 'agent', 'bot'] as const;
export type TranscriptSpeaker = (typeof TRANSCRIPT_SPEAKERS)[number];

export interface TranscriptMessage {
  from: TranscriptSpeaker;
  /** ISO 8601 instant with an offset. */
  at: string;
  text: string;
}

/** The messages by time; messages of the same instant keep the order the platform sent them in. */
export function orderedTranscript(messages: readonly TranscriptMessage[]): TranscriptMessage[] {
  return messages
    .map((message, index) => ({ message, index, ms: Date.parse(message.at) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ message }) => message);
}

/**
 * A subject from the customer's words, in order, on one line, cut at a word within `maxLength`
 * (with an ellipsis); null when the customer wrote fewer than `minLength` characters.
 */
export function subjectFromTranscript(messages: readonly TranscriptMessage[], maxLength: number, minLength: number): string | null {
  const words = orderedTranscript(messages)
    .filter((m) => m.from === 'customer')
    .map((m) => m.text.replace(/\s+/g, ' ').trim())
    .join(' ')
    .trim();
  if ([...words].length < minLength) return null;
  if (words.length <= maxLength) return words;
  const cut = words.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  // A word boundary unless it would throw away most of the line (one very long word).
  const head = lastSpace >= maxLength / 2 ? cut.slice(0, lastSpace) : cut;
  // Never end on half of a surrogate pair: the subject must stay storable text.
  return `${head.replace(/[\uD800-\uDBFF]$/, '').trimEnd()}…`;
}
