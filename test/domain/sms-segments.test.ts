// Segment counting against known cases and, by property, against Twilio's independent
// calculator (sms-segments-calculator, a devDependency we did not write).
import fc from 'fast-check';
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { countSmsSegments, isGsm7, nonGsm7Characters } from '../../domain/sms-segments.js';

const repeat = (s: string, n: number) => s.repeat(n);

describe('countSmsSegments', () => {
  it.each([
    ['', 'GSM-7', 1, 0],
    ['Hello', 'GSM-7', 1, 5],
    [repeat('a', 160), 'GSM-7', 1, 160],
    [repeat('a', 161), 'GSM-7', 2, 161],
    [repeat('a', 306), 'GSM-7', 2, 306],
    [repeat('a', 307), 'GSM-7', 3, 307],
    // Extension characters take two septets each.
    [repeat('€', 80), 'GSM-7', 1, 160],
    [repeat('€', 81), 'GSM-7', 2, 162],
    ['{}[]~^|\\\f', 'GSM-7', 1, 18],
    // 152 septets, then an ESC pair that does not fit the first segment whole: it moves to the second.
    [repeat('a', 152) + '€' + repeat('a', 10), 'GSM-7', 2, 164],
    [repeat('a', 70), 'GSM-7', 1, 70],
    ['ş', 'UCS-2', 1, 1],
    [repeat('ş', 70), 'UCS-2', 1, 70],
    [repeat('ş', 71), 'UCS-2', 2, 71],
    [repeat('ş', 134), 'UCS-2', 2, 134],
    [repeat('ş', 135), 'UCS-2', 3, 135],
    // An emoji is a surrogate pair: two code units, never split.
    ['😀', 'UCS-2', 1, 2],
    [repeat('😀', 35), 'UCS-2', 1, 70],
    [repeat('x', 69) + '😀', 'UCS-2', 2, 71],
    [repeat('😀', 36), 'UCS-2', 2, 72],
  ] as const)('%j is %s in %i segment(s) of %i units', (text, encoding, segments, units) => {
    expect(countSmsSegments(text)).toMatchObject({ encoding, segments, units });
  });

  it('keeps a surrogate pair whole at a segment boundary (66 units, then an emoji that would straddle 67)', () => {
    // 134 units would fill exactly two segments of 67, but the first can take only 66 x and not
    // half the emoji: the pair moves on, and the last x needs a third segment.
    expect(countSmsSegments(repeat('x', 66) + '😀' + repeat('x', 66))).toMatchObject({ segments: 3, units: 134 });
    expect(countSmsSegments(repeat('x', 65) + '😀' + repeat('x', 67))).toMatchObject({ segments: 2, units: 134 });
  });

  it('sends Turkish with ş, ğ, ı, İ or lower-case ç as UCS-2, but Ç, Ö, ö, Ü, ü as GSM-7', () => {
    for (const ch of ['ş', 'Ş', 'ğ', 'Ğ', 'ı', 'İ', 'ç']) expect(isGsm7(`Şikayet ${ch}`)).toBe(false);
    expect(isGsm7('ÇÖöÜü')).toBe(true);
    expect(countSmsSegments('Sikayetiniz alindi. Ref PLT-2026-000123').encoding).toBe('GSM-7');
    expect(countSmsSegments('Şikâyetiniz alındı.').encoding).toBe('UCS-2');
  });

  it('sends Persian and Azerbaijani ə as UCS-2', () => {
    expect(countSmsSegments('شکایت شما دریافت شد').encoding).toBe('UCS-2');
    expect(countSmsSegments('Şikayətiniz qəbul edildi').encoding).toBe('UCS-2');
    expect(nonGsm7Characters('Şikayətiniz qəbul edildi')).toEqual(['Ş', 'ə']);
  });

  it('knows the 127 default characters and the 10 extension ones', () => {
    const twilioGsm = (ch: string) => new SegmentedMessage(ch).encodingName === 'GSM-7';
    const bmp = Array.from({ length: 0x3000 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\u001b');
    expect(bmp.filter(isGsm7)).toEqual(bmp.filter(twilioGsm));
    expect(bmp.filter(isGsm7)).toHaveLength(137);
  });
});

// Characters where a code point is one grapheme, so Twilio's grapheme-based splitting and our
// code-point-based splitting must agree exactly. Left out on purpose: CR (Twilio keeps CR LF as
// one grapheme), combining marks, ZWNJ and ZWJ, variation selectors and flags, which Twilio keeps
// with their neighbour while we only keep surrogate pairs whole (handsets rejoin the rest).
const ALPHABET = [
  ...'@£$¥èéùìòÇ\nØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡AZÄÖÑÜ§¿azäöñüà',
  ...'\f^{}\\[~]|€',
  ...'şŞğĞıİçâûə Əöü',
  ...'شکایتمادریفپژگچ۰۱۲۹؟،',
  ...'жЯ中文',
  '😀',
  '🎉',
  '𝄞',
];

describe('countSmsSegments agrees with an independent calculator', () => {
  const gsmOnly = ALPHABET.filter(isGsm7);
  const text = (alphabet: string[], max: number) =>
    fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((chars) => chars.join(''));

  it.each([
    ['any mix of characters', text(ALPHABET, 400)],
    ['GSM-7 only, around the 160/153 boundaries', text(gsmOnly, 480)],
    ['mostly GSM-7 with one other character', fc.tuple(text(gsmOnly, 200), fc.constantFrom(...ALPHABET)).map(([t, c]) => t + c)],
  ])('on %s', (_name, texts) => {
    fc.assert(
      fc.property(texts, (t) => {
        const ours = countSmsSegments(t);
        const theirs = new SegmentedMessage(t);
        expect({ encoding: ours.encoding, segments: ours.segments }).toEqual({
          encoding: theirs.encodingName,
          segments: theirs.segmentsCount,
        });
      }),
      { numRuns: 1500 },
    );
  });
});
