// When a complaint counts as received: the time staff give, within the backdating limit and the
// clock skew, as UTC and never later than now.
import { describe, expect, it } from 'vitest';
import { receiptTime, RECEIPT_CLOCK_SKEW_MS } from '../../domain/receipt-time.js';

const NOW = new Date('2026-03-02T12:00:00.000Z');
const DAY = 86_400_000;

describe('receiptTime', () => {
  it.each([
    ['none given: now', undefined, NOW.toISOString()],
    ['an earlier time, with its offset, as UTC', '2026-03-02T10:05:00+03:00', '2026-03-02T07:05:00.000Z'],
    ['exactly the limit back', new Date(NOW.getTime() - 7 * DAY).toISOString(), '2026-02-23T12:00:00.000Z'],
    ['a little ahead of our clock: now', new Date(NOW.getTime() + RECEIPT_CLOCK_SKEW_MS).toISOString(), NOW.toISOString()],
  ])('takes %s', (_, given, expected) => {
    expect(receiptTime(given, NOW, 7)).toEqual({ ok: true, receivedAt: expected });
  });

  it.each([
    ['beyond the clock skew', new Date(NOW.getTime() + RECEIPT_CLOCK_SKEW_MS + 1).toISOString(), /must not be in the future/],
    ['a millisecond past the limit', new Date(NOW.getTime() - 7 * DAY - 1).toISOString(), /at most 7 days before now: not before 2026-02-23T12:00:00.000Z/],
    ['not a time', 'yesterday', /ISO 8601/],
  ])('refuses a time %s', (_, given, message) => {
    const result = receiptTime(given, NOW, 7);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('takes nothing earlier than now when backdating is off (0 days)', () => {
    expect(receiptTime(new Date(NOW.getTime() - 1000).toISOString(), NOW, 0).ok).toBe(false);
    expect(receiptTime(NOW.toISOString(), NOW, 0)).toEqual({ ok: true, receivedAt: NOW.toISOString() });
  });
});
