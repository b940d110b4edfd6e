// Choosing the external remedies a customer is told about: by country, then in their language.
import type { ExternalRemedy, ProcessDefinition } from '../process-definition.js';
import type { Effect, LocalizedRemedy } from './effects.js';
import type { ComplaintState } from './state.js';

/**
 * The customer's country list, else the default list, else the calendar country's list (the
 * schema guarantees one of the last two). Texts: exact locale, then its language, then fallback.
 */
export function localizedRemedies(
  definition: ProcessDefinition,
  country: string | null,
  locale: string,
): LocalizedRemedy[] {
  const { byCountry, fallbackLocale } = definition.externalRemedies;
  const remedies =
    (country ? byCountry[country] : undefined) ??
    definition.externalRemedies.default ??
    byCountry[definition.calendarId.slice(0, 2)] ??
    [];
  const language = locale.split('-')[0] ?? locale;
  return remedies.map((remedy) => localize(remedy, [locale, language, fallbackLocale]));
}

function localize(remedy: ExternalRemedy, locales: readonly string[]): LocalizedRemedy {
  const chosen = locales.find((l) => remedy.texts[l]) ?? Object.keys(remedy.texts)[0] ?? '';
  const text = remedy.texts[chosen] ?? { name: remedy.id, description: '' };
  return { id: remedy.id, name: text.name, description: text.description, url: remedy.url ?? null, locale: chosen };
}

export function externalRemediesEffect(state: ComplaintState, definition: ProcessDefinition): Effect {
  const country = state.customer.country ?? definition.calendarId.slice(0, 2);
  return {
    kind: 'inform_external_remedies',
    country,
    locale: state.customer.locale,
    remedies: localizedRemedies(definition, country, state.customer.locale),
  };
}
