// Which language a customer page speaks. The customer's own choice wins (the switch's `?lang=`, or
// the form's `lang` field a switched page posts back), then the complaint's language where the page
// knows the complaint, then the browser's preference, then Turkish.
import type { Context } from 'hono';
import { isLanguage, languageOf, type Language } from '../../../texts/languages.js';

/** Where a page's language comes from, besides `?lang=` and `Accept-Language`. */
export interface LanguageSources {
  /** The posted form's `lang` field; wins over `?lang=`. */
  formField?: string | undefined;
  /** The complaint's locale (`tr`, `fa-IR`), when the page knows the complaint. */
  complaintLocale?: string | undefined;
}

/** The language for the page answering `c`. */
export function pageLanguage(c: Context, sources: LanguageSources = {}): Language {
  return (
    chosenLanguage(c, sources.formField) ??
    // The language our messages about the complaint are written in (English for a locale we have no texts in).
    (sources.complaintLocale !== undefined ? languageOf(sources.complaintLocale) : undefined) ??
    acceptedLanguage(c.req.header('accept-language')) ??
    'tr'
  );
}

/** The language the customer picked (form field, else `?lang=`), if we have texts in it. */
export function chosenLanguage(c: Context, formField?: string): Language | undefined {
  return catalogLanguage(formField) ?? catalogLanguage(c.req.query('lang'));
}

/** `fa`, `FA`, `fa-IR`, `fa_IR` → `fa`; undefined for a language we have no texts in. */
function catalogLanguage(locale: string | undefined): Language | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return primary !== undefined && isLanguage(primary) ? primary : undefined;
}

/** The most preferred language of `Accept-Language` that we have texts for (q-weights honoured), if any. */
export function acceptedLanguage(header: string | undefined): Language | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((l) => catalogLanguage(l.tag)).find((l) => l !== undefined);
}
