import { describe, expect, it } from 'vitest';
import { orderedTranscript, subjectFromTranscript, type TranscriptMessage } from '../../domain/transcript.js';

const said = (from: TranscriptMessage['from'], at: string, text: string): TranscriptMessage => ({ from, at, text });

describe('orderedTranscript', () => {
  it('orders by instant whatever the offsets, keeping the sent order for messages of the same instant', () => {
    const messages = [
      said('agent', '2026-12-01T14:05:00+03:00', 'third'),
      said('customer', '2026-12-01T11:03:00Z', 'first'),
      said('bot', '2026-12-01T14:03:00+03:00', 'second, same instant as first'),
    ];
    expect(orderedTranscript(messages).map((m) => m.text)).toEqual(['first', 'second, same instant as first', 'third']);
  });
});

describe('subjectFromTranscript', () => {
  it('takes the customer’s words only, in time order, on one line', () => {
    const messages = [
      said('customer', '2026-12-01T10:01:00Z', 'SP-99812'),
      said('bot', '2026-12-01T10:00:30Z', 'Numaranız?'),
      said('customer', '2026-12-01T10:00:00Z', 'Kapak\n  kırık geldi'),
    ];
    expect(subjectFromTranscript(messages, 200, 3)).toBe('Kapak kırık geldi SP-99812');
  });

  it('cuts a long text at a word within the limit, with an ellipsis', () => {
    const subject = subjectFromTranscript([said('customer', '2026-12-01T10:00:00Z', 'çamaşır makinesi '.repeat(20))], 40, 3)!;
    expect(subject).toBe('çamaşır makinesi çamaşır makinesi…');
    expect(subject.length).toBeLessThanOrEqual(40);
  });

  it('never cuts an emoji in half', () => {
    const subject = subjectFromTranscript([said('customer', '2026-12-01T10:00:00Z', `a${'😡'.repeat(30)}`)], 20, 3)!;
    expect(subject).toMatch(/^a(😡)+…$/u);
  });

  it('gives none when the customer wrote fewer characters than a subject needs', () => {
    expect(subjectFromTranscript([said('customer', '2026-12-01T10:00:00Z', ' ok ')], 200, 3)).toBeNull();
  });
});
