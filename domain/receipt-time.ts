// When a complaint counts as received. Staff entering a phone call, a letter or a walk-in give the
// time it really reached us, and every clock starts there, not at data entry: within a configured
// number of days back (INTAKE_BACKDATE_MAX_DAYS), and never in the future.

/**
 * How far (ms) a given time may lie ahead of our clock and still be taken, as now. Clocks of
 * telephony systems, scanners and agents' machines differ from the server's by seconds and some by
 * a minute or two (a drifting NTP-less PC); refusing a call stamped "in 40 seconds" would only
 * make the agent retype it. Two minutes covers that, and is too short to schedule anything with.
 */
export const RECEIPT_CLOCK_SKEW_MS = 2 * 60_000;

const DAY_MS = 86_400_000;

export type ReceiptTime = { ok: true; receivedAt: string } | { ok: false; message: string };

/**
 * The instant a complaint is received at: `given` (an ISO 8601 instant) when staff gave one, as
 * UTC, never later than `now`; else `now`. Refused when later than now beyond the clock skew, or
 * more than `maxBackdateDays` before now.
 */
export function receiptTime(given: string | undefined, now: Date, maxBackdateDays: number): ReceiptTime {
  if (given === undefined) return { ok: true, receivedAt: now.toISOString() };
  const at = Date.parse(given);
  if (Number.isNaN(at)) return { ok: false, message: 'expected an ISO 8601 instant with offset, e.g. 2026-03-02T14:05:00+03:00' };
  if (at > now.getTime() + RECEIPT_CLOCK_SKEW_MS) {
    return { ok: false, message: `must not be in the future: it is ${now.toISOString()} now` };
  }
  const earliest = new Date(now.getTime() - maxBackdateDays * DAY_MS);
  if (at < earliest.getTime()) {
    return {
      ok: false,
      message: `must be at most ${maxBackdateDays} days before now: not before ${earliest.toISOString()}`,
    };
  }
  return { ok: true, receivedAt: new Date(Math.min(at, now.getTime())).toISOString() };
}
