// A file's size as a person reads it, in their language's digits and unit names (Intl).
import { languageMetadata, type Language } from './languages.js';

/** `1,2 MB`, `350 kB`, `۱٫۲ مگابایت`: kilobytes below one megabyte, megabytes (one decimal) above. */
export function formatFileSize(bytes: number, language: Language): string {
  const mega = bytes >= 1024 * 1024;
  const value = mega ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024));
  return new Intl.NumberFormat(languageMetadata(language).intlLocale, {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mega ? 1 : 0,
  }).format(value);
}
