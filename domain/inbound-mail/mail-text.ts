// The customer's own words from an e-mail. A reply quotes what we sent below (or above) what the
// customer wrote, and what we sent may hold a live answer link: neither belongs on a timeline
// that staff read. So the quoted part is cut, and any of our signed links left is replaced by
// the placeholder the outbox uses.

/** Where our signed links stand in a stored text (read-model/outbox.ts ANSWER_LINK_PLACEHOLDER). */
export const LINK_PLACEHOLDER = '[answer link]';

/**
 * Lines that start the quoted message in the mail clients customers use: "On … wrote:" in the
 * languages we write in, Outlook's "-----Original Message-----" and its "From: … Sent:" block.
 */
const QUOTE_HEADERS: readonly RegExp[] = [
  /^-{2,}\s*(original message|orijinal ileti|ilk mesaj|iletilen ileti|forwarded message)\s*-{2,}/i,
  /^_{10,}\s*$/,
  /^(on|am|le)\s.{4,200}\s(wrote|schrieb|a écrit)\s*:\s*$/i,
  /^.{4,200}\starihinde\s.{1,200}\s(şunu )?yazdı\s*:\s*$/i,
  /^.{4,200}\s(yazdı|نوشت|yazıb)\s*:\s*$/i,
  /^(from|kimden|gönderen|از)\s*:\s.+/i,
];

/** What the customer wrote above the quoted message; the whole text when nothing is quoted. */
export function ownWords(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('>') || QUOTE_HEADERS.some((h) => h.test(line))) {
      end = i;
      break;
    }
  }
  const own = lines.slice(0, end).join('\n').trim();
  // A reply written below the quote (bottom-posting): the unquoted lines after it are the words.
  if (own === '') return lines.filter((l) => !l.trim().startsWith('>')).join('\n').trim();
  return own;
}

/** Our own signed links (`{base}/r/…`, `{base}/s/…`) replaced by the placeholder. */
export function withoutOurLinks(text: string, publicBaseUrl: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`${base}/[rs]/[A-Za-z0-9._~-]+`, 'g'), LINK_PLACEHOLDER);
}

/** At most `max` characters (code points), cut with an ellipsis; NULs and lone surrogates dropped (PostgreSQL cannot store them). */
export function storableWithin(text: string, max: number): { text: string; cut: boolean } {
  const clean = text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '').trim();
  const chars = [...clean];
  if (chars.length <= max) return { text: clean, cut: false };
  return { text: `${chars.slice(0, max - 1).join('').trimEnd()}…`, cut: true };
}

/** References named in a subject (`Re: Şikâyetiniz alındı: CMP-2026-000123`), upper case, first first. */
export function referencesIn(subject: string): string[] {
  return [...new Set([...subject.toUpperCase().matchAll(/\bCMP-\d{4}-\d{6,10}\b/g)].map((m) => m[0]))];
}
