import { describe, expect, it } from 'vitest';
import { sniffContentType } from '../../../domain/attachments/content-type.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((ch) => ch.charCodeAt(0)) : p)));

/** An ISO-BMFF `ftyp` box: size, 'ftyp', major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 8], 'mdat');
};

describe('sniffContentType', () => {
  it.each([
    ['a PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['a JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'image/jpeg'],
    ['a JPEG (Exif, as phones write)', bytes([0xff, 0xd8, 0xff, 0xe1, 0, 16], 'Exif'), 'image/jpeg'],
    ['a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n'), 'application/pdf'],
    ['a HEIC photo (major brand heic)', ftyp('heic', 'mif1', 'heic'), 'image/heic'],
    ['an iPhone HEIC (mif1 with heic compatible)', ftyp('mif1', 'mif1', 'heic', 'miaf'), 'image/heic'],
  ])('recognises %s from its first bytes', (_what, content, type) => {
    expect(sniffContentType(content)).toBe(type);
  });

  it.each([
    ['plain text named .png', bytes('hello, this is not a picture')],
    ['an HTML page', bytes('<!doctype html><script>alert(1)</script>')],
    ['a RIFF that is a WAV, not a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['an AVIF (HEIF container, not HEIC)', ftyp('avif', 'mif1', 'avif')],
    ['an MP4 video', ftyp('isom', 'isom', 'mp41')],
    ['a file with %PDF- later on (a polyglot)', bytes('GIF89a....%PDF-1.4')],
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['a ZIP (or .docx)', bytes('PK', [3, 4, 20, 0])],
    ['an empty file', bytes()],
    ['two bytes of a PNG', bytes([0x89, 0x50])],
    ['an ftyp box claiming more bytes than there are', bytes([0, 0, 1, 0], 'ftyp', 'heic', [0, 0, 0, 0])],
  ])('refuses %s', (_what, content) => {
    expect(sniffContentType(content)).toBeUndefined();
  });
});
