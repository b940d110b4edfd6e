// What a file is, read from its first bytes (its "magic number"), never from its name or from the
// type the browser claims: both are whatever the sender wrote. Only the types a complaint's
// evidence may have are recognised; anything else is undefined and refused.

/** The types an attachment may have: photos as phones take them, and PDFs. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The usual file extension of each type (for a download's name when the original has none). */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<AttachmentType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

/** HEIF brands of HEIC still images and sequences (ISO/IEC 23008-12); `mif1`/`msf1` only name the container. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const HEIF_CONTAINER_BRANDS = new Set(['mif1', 'msf1']);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The type `bytes` start like, or undefined when they are none of ATTACHMENT_TYPES. */
export function sniffContentType(bytes: Uint8Array): AttachmentType | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  // JPEG: Start Of Image, then the first marker's 0xFF.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF container whose form type is WEBP.
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  // PDF readers accept the header within the first 1024 bytes, but a PDF we take starts with it:
  // a file that only contains %PDF- somewhere is something else (a polyglot).
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (isHeic(bytes)) return 'image/heic';
  return undefined;
}

/** ISO base media file: a `ftyp` box first, whose major or a compatible brand is a HEIC brand. */
function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return false;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (boxSize < 16 || boxSize > bytes.length || boxSize % 4 !== 0) return false;
  const major = ascii(bytes, 8, 4);
  if (HEIC_BRANDS.has(major)) return true;
  if (!HEIF_CONTAINER_BRANDS.has(major)) return false;
  for (let at = 16; at + 4 <= boxSize; at += 4) if (HEIC_BRANDS.has(ascii(bytes, at, 4))) return true;
  return false;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (bytes.length < offset + length) return '';
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
