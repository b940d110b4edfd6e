// A chat or social conversation as a complaint's description, in the customer's language (the
// customer reads their description back on the tracking page): a heading naming the platform and
// the handle, then one line per message in time order, each with its time in `timeZone`.
import { orderedTranscript, type TranscriptMessage } from '../../domain/transcript.js';
import { formatInstant } from '../format.js';
import { languageOf } from '../languages.js';
import { given, translate } from '../translate.js';

export interface TranscriptDescription {
  platform: string;
  handle: string;
  displayName?: string | undefined;
  conversationUrl?: string | undefined;
  messages: readonly TranscriptMessage[];
  /** Where the times are read (the centre's zone, as the reports read theirs). */
  timeZone: string;
}

export function renderTranscriptDescription(locale: string, p: TranscriptDescription): string {
  const language = languageOf(locale);
  const heading = translate(language, 'integration.transcript.heading', {
    platform: p.platform, handle: p.handle, name: p.displayName ?? '', withName: given(p.displayName),
  });
  const link = p.conversationUrl && translate(language, 'integration.transcript.conversationUrl', { platform: p.platform, url: p.conversationUrl });
  const lines = orderedTranscript(p.messages).map((m) =>
    translate(language, 'integration.transcript.line', {
      at: formatInstant(m.at, language, p.timeZone, { withZoneName: true }) ?? m.at,
      speaker: translate(language, `integration.transcript.speaker.${m.from}`),
      // A message of several lines stays one entry: its later lines indented under it.
      text: m.text.trim().replace(/\r\n|\r|\n/g, '\n  '),
    }),
  );
  return [[heading, link].filter(Boolean).join('\n'), lines.join('\n')].join('\n\n');
}

/** The subject when the customer's words are too few to make one. */
export function fallbackTranscriptSubject(locale: string, platform: string): string {
  return translate(languageOf(locale), 'integration.subject.fallback', { platform });
}
