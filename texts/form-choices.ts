// What a category or product of the complaint form is called in a language: the configured label,
// else the catalog's `form.category.<id>` (or `form.product.<id>`), else English, else the id. The
// customer's form and the staff's classify form name a value alike.
import type { FormChoice } from '../config/complaint-form.js';
import type { Language } from './languages.js';
import { hasMessage, translate } from './translate.js';

export function choiceLabel(list: 'category' | 'product', choice: FormChoice, language: Language): string {
  const configured = choice.labels?.[language];
  if (configured) return configured;
  const key = `form.${list}.${choice.id}`;
  if (hasMessage(key)) return translate(language, key);
  return choice.labels?.en ?? choice.labels?.tr ?? choice.id;
}
