// The link lifetime is checked against the answer deadlines at start: a link must not die before
// the customer's answer is due, holidays included.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import { checkLinkLifetime, longestCalendarDays } from '../../config/link-lifetime.js';
import { addBusinessDuration } from '../../domain/calendar/index.js';
import { getCalendar } from '../../domain/calendar/registry.js';
import type { ProcessDefinition } from '../../domain/process-definition.js';

const FROM = new Date('2027-01-01T00:00:00Z');
const tr = getCalendar('TR', { from: 2026, to: 2029 });

describe('longestCalendarDays', () => {
  it('counts weekends and holidays: 10 working days take more than two weeks around a religious holiday', () => {
    const days = longestCalendarDays(tr, { workingDays: 10 }, FROM);
    // Two weeks of weekends alone; Kurban Bayramı (four and a half days) adds more.
    expect(days).toBeGreaterThan(16);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('is an upper bound for starts off its hourly grid, around the 2027 holidays', () => {
    const longest = longestCalendarDays(tr, { workingDays: 10 }, FROM) * 86_400_000;
    for (let t = Date.parse('2027-05-01T00:00:00Z'); t < Date.parse('2027-06-30T00:00:00Z'); t += 7 * 60_000) {
      const { deadline } = addBusinessDuration(tr, new Date(t), { workingDays: 10 });
      expect(deadline.getTime() - t).toBeLessThanOrEqual(longest);
    }
  });
});

describe('checkLinkLifetime', () => {
  it('accepts the default 30-day links with the default process', () => {
    expect(() => checkLinkLifetime({ linkTtlDays: 30, definition: DEFAULT_PROCESS_DEFINITION, from: FROM })).not.toThrow();
  });

  it('refuses links shorter than the answer deadlines, naming the setting, each deadline and the days needed', () => {
    const needed = longestCalendarDays(tr, { workingDays: 10 }, FROM);
    expect(() => checkLinkLifetime({ linkTtlDays: 14, definition: DEFAULT_PROCESS_DEFINITION, from: FROM })).toThrow(
      new Error(
        'SIGNED_LINK_TTL_DAYS=14 is shorter than the longest answer deadline of process iso-10002-default@1, ' +
          "so a customer's link could die before their answer is due:\n" +
          `  acceptance.answerDeadline (10 working days) can take up to ${needed} calendar days on the TR calendar\n` +
          `  infoRequest.answerDeadline (10 working days) can take up to ${needed} calendar days on the TR calendar\n` +
          `Set SIGNED_LINK_TTL_DAYS to at least ${needed}.`,
      ),
    );
    expect(() => checkLinkLifetime({ linkTtlDays: needed, definition: DEFAULT_PROCESS_DEFINITION, from: FROM })).not.toThrow();
  });

  it('checks the information-request deadline too', () => {
    const slowInfo: ProcessDefinition = {
      ...DEFAULT_PROCESS_DEFINITION,
      infoRequest: { ...DEFAULT_PROCESS_DEFINITION.infoRequest, answerDeadline: { workingDays: 25 } },
    };
    expect(() => checkLinkLifetime({ linkTtlDays: 30, definition: slowInfo, from: FROM })).toThrow(
      /^SIGNED_LINK_TTL_DAYS=30 [^]*\n {2}infoRequest\.answerDeadline \(25 working days\) can take up to \d+ calendar days on the TR calendar\nSet SIGNED_LINK_TTL_DAYS to at least \d+\.$/,
    );
  });
});
