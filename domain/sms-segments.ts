// How many SMS segments a text takes, as a handset network counts them (3GPP TS 23.038 / 23.040).
// A text of GSM 03.38 default-alphabet characters goes as GSM-7: 160 septets in one SMS, 153 per
// segment once it is split (the 6-octet concatenation header takes 7 septets); the extension
// characters (€ [ ] { } \ ^ ~ | and form feed) cost two septets (ESC + code), and an ESC pair is
// never split across segments. Any other character turns the whole text to UCS-2: 70 UTF-16 code
// units in one SMS, 67 per segment, and a surrogate pair (an emoji) is never split.
//
// We use the default alphabet only, no national language shift tables: a Turkish ş, ğ, ı, İ or ç
// (GSM-7 has Ç, Ö, ö, Ü, ü but not these), a Persian letter or the Azerbaijani ə forces UCS-2. The
// Turkish shift tables would save segments, but not every handset and gateway honours them, so
// counting without them is the count that holds everywhere (at worst an overestimate).

/** The two encodings an SMS can go in. */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentation {
  encoding: SmsEncoding;
  /** Segments the text is sent as (an empty text still costs one). */
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Units one segment holds: 160 or 153 (GSM-7), 70 or 67 (UCS-2). */
  unitsPerSegment: number;
}

/** GSM 03.38 default alphabet, one septet each (ESC, 0x1B, is not a character of its own). */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** GSM 03.38 extension table: ESC + one septet each. */
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

const LIMITS = {
  'GSM-7': { single: 160, concatenated: 153 },
  'UCS-2': { single: 70, concatenated: 67 },
} as const;

/** Whether every character of `text` is in the GSM-7 default alphabet or its extension table. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
  return true;
}

/** The characters that force `text` into UCS-2, once each, in order of appearance. */
export function nonGsm7Characters(text: string): string[] {
  const found = new Set<string>();
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) found.add(ch);
  return [...found];
}

/** Encoding, segment count and size of `text`. */
export function countSmsSegments(text: string): SmsSegmentation {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  // Cost of each unsplittable piece: a character (code point) in units of the encoding.
  const costs: number[] = [];
  for (const ch of text) costs.push(encoding === 'GSM-7' ? (EXTENSION.has(ch) ? 2 : 1) : ch.length);
  const units = costs.reduce((a, b) => a + b, 0);
  const { single, concatenated } = LIMITS[encoding];
  if (units <= single) return { encoding, segments: 1, units, unitsPerSegment: single };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > concatenated) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments, units, unitsPerSegment: concatenated };
}
