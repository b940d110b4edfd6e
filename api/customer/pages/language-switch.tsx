// The language switch every customer page carries: one link per language we have texts in, each
// named in its own language and marked with `lang`/`hreflang`, the page's own marked current.
// A link is this page's URL with `lang` set, so the rest of the query (e.g. `?reference=`) stays.
import { LANGUAGES, languageMetadata, type Language } from '../../../texts/languages.js';
import { translate } from '../../../texts/translate.js';

export interface LanguageSwitchProps {
  /** The page's language. */
  current: Language;
  /** The URL of the page (its query is kept). */
  url: string;
  /** Query parameters to set besides `lang`, e.g. a POST result's reference, so the switched page starts from it. */
  keep?: Readonly<Record<string, string>> | undefined;
}

/** The href that shows the page at `url` in `language`: a query-only relative link, same path. */
export function switchHref(url: string, language: Language, keep: Readonly<Record<string, string>> = {}): string {
  const query = new URL(url, 'http://page.invalid').searchParams;
  for (const [name, value] of Object.entries(keep)) query.set(name, value);
  query.set('lang', language);
  return `?${query.toString()}`;
}

export function LanguageSwitch({ current, url, keep }: LanguageSwitchProps) {
  return (
    <nav class="languages" aria-label={translate(current, 'page.languageSwitch.label')}>
      <ul>
        {LANGUAGES.map((language) => (
          <li>
            <a
              href={switchHref(url, language, keep)}
              hreflang={language}
              lang={language}
              dir={languageMetadata(language).direction}
              aria-current={language === current ? 'true' : undefined}
            >
              {languageMetadata(language).name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
