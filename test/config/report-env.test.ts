import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.js';

describe('KPI report configuration', () => {
  it('reads dates in Europe/Istanbul and counts repeats within 30 days by default', () => {
    const config = parseConfig({});
    expect(config.REPORT_TIME_ZONE).toBe('Europe/Istanbul');
    expect(config.REPEAT_COMPLAINT_WINDOW_DAYS).toBe(30);
  });

  it('takes another zone and window, and refuses an unknown zone or a window of no days', () => {
    expect(parseConfig({ REPORT_TIME_ZONE: 'Europe/London', REPEAT_COMPLAINT_WINDOW_DAYS: '90' })).toMatchObject({
      REPORT_TIME_ZONE: 'Europe/London',
      REPEAT_COMPLAINT_WINDOW_DAYS: 90,
    });
    expect(() => parseConfig({ REPORT_TIME_ZONE: 'Mars/Olympus' })).toThrow(/REPORT_TIME_ZONE: expected an IANA time zone/);
    expect(() => parseConfig({ REPEAT_COMPLAINT_WINDOW_DAYS: '0' })).toThrow(/REPEAT_COMPLAINT_WINDOW_DAYS/);
  });
});
