import { describe, expect, it } from 'vitest';
import { FALLBACK_FILE_NAME, MAX_FILE_NAME_LENGTH, sanitiseFileName } from '../../../domain/attachments/file-name.js';

describe('sanitiseFileName', () => {
  it.each([
    ['keeps an ordinary name', 'kaçak-su.jpg', 'kaçak-su.jpg'],
    ['keeps Persian and Azerbaijani letters', 'رسید خرید.pdf', 'رسید خرید.pdf'],
    ['keeps only the last segment of a Unix path', '../../etc/passwd', 'passwd'],
    ['keeps only the last segment of a Windows path', 'C:\\Users\\ayşe\\Desktop\\fatura.pdf', 'fatura.pdf'],
    ['drops NUL and control characters', 'photo\u0000.png\u0007', 'photo.png'],
    ['drops right-to-left overrides that disguise an extension', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['drops zero-width characters and the BOM', '\uFEFFre\u200Bceipt.pdf', 'receipt.pdf'],
    ['replaces reserved characters', 'a:b*c?"d"<e>|f.png', 'a_b_c__d__e__f.png'],
    ['removes leading dots (no hidden files, no ..)', '...htaccess', 'htaccess'],
    ['collapses white space', '  my   photo\t.png  ', 'my photo.png'],
    ['drops a lone surrogate', 'x\uD800y.png', 'xy.png'],
  ])('%s', (_what, given, expected) => {
    expect(sanitiseFileName(given)).toBe(expected);
  });

  it('names a file with nothing readable left', () => {
    expect(sanitiseFileName('')).toBe(FALLBACK_FILE_NAME);
    expect(sanitiseFileName('../..')).toBe(FALLBACK_FILE_NAME);
    expect(sanitiseFileName('\u202E\u0000')).toBe(FALLBACK_FILE_NAME);
  });

  it(`cuts a long name to ${MAX_FILE_NAME_LENGTH} characters, not splitting a character`, () => {
    const name = sanitiseFileName('😀'.repeat(300));
    expect([...name]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
