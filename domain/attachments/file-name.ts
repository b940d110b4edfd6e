// The name an attachment is kept and offered for download under. The sender chose it, so it may
// hold a path (`../../etc/passwd`, `C:\…`), control characters, a NUL, or right-to-left overrides
// that make `invoice‮fdp.exe` read as `invoiceexe.pdf`. We keep what a person would read as the
// name, and nothing that could act as a path or disguise itself.

/** Longest kept name, in characters (code points). */
export const MAX_FILE_NAME_LENGTH = 200;

/** The name given when nothing readable is left. */
export const FALLBACK_FILE_NAME = 'attachment';

/**
 * C0/C1 controls, DEL, bidirectional controls (LRE…RLO, LRI…PDI, LRM/RLM/ALM), zero-width and
 * other invisible format characters, BOM, and lone surrogates.
 */
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters that are path separators or reserved on common file systems. */
const RESERVED = /[\\/:*?"<>|]/g;

/** A safe, readable file name from whatever the sender called the file. */
export function sanitiseFileName(name: string): string {
  // Only the last path segment: browsers send a bare name, old ones (and scripts) a full path.
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(UNWANTED, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading dot hides the file on Unix, and `..` alone would still read as a path.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const limited = [...cleaned].slice(0, MAX_FILE_NAME_LENGTH).join('').trim();
  return limited === '' ? FALLBACK_FILE_NAME : limited;
}
