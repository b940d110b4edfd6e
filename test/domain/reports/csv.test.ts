import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../domain/reports/csv.js';

describe('csv', () => {
  it('quotes only fields that need it, doubling quotes (RFC 4180), rows ending in CRLF', () => {
    expect(toCsv(['a', 'b'], [['plain', 'with, comma'], ['say "hi"', 'two\nlines'], [null, 0.5]])).toBe(
      'a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n,0.5\r\n',
    );
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    // Numbers are ours: a negative one stays a number.
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('a=b')).toBe('a=b');
  });
});
