// A forgiving reader of a message's params: a missing or malformed param reads as null, so a text
// leaves the sentence out instead of printing "undefined". Dates and money come out formatted.
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../domain/complaint.js';
import type { LocalizedRemedy, NotificationParams } from '../../domain/lifecycle/effects.js';
import { formatInstant, formatMoney } from '../format.js';
import { languageOf, type Language } from '../languages.js';
import { given, hasMessage, translate, type MessageKey, type MessageValues } from '../translate.js';

/** A message ready for a notifier: plain text, links on their own line. */
export interface RenderedMessage {
  subject: string;
  body: string;
}

/** One external remedy, already in the customer's language. */
export type MessageRemedy = Pick<LocalizedRemedy, 'name' | 'description' | 'url'>;

/** The effect's params plus what the activity adds (links, time zone, the remedies list). */
export interface MessageParams {
  readonly [key: string]: NotificationParams[string] | readonly MessageRemedy[] | undefined;
  readonly remedies?: readonly MessageRemedy[] | undefined;
}

/** Everything a template needs: the language, its messages and typed, null-safe access to the params. */
export interface MessageContext {
  language: Language;
  /** The message `key` with `values`, plus `reference` and `withReference` that every text may use. */
  t(key: MessageKey, values?: MessageValues): string;
  /** A non-empty string param (trimmed), or a finite number as digits; else null. */
  text(key: string): string | null;
  /** A positive integer param, or null. */
  count(key: string): number | null;
  /** An ISO instant as a local date and time in the `timeZone` param; `YYYY-MM-DD` as a date. */
  when(key: string): string | null;
  /** An ISO instant param as epoch ms, or null. */
  instant(key: string): number | null;
  /** An amount with its currency, in local number format. */
  money(amountKey: string, currencyKey: string): string | null;
  /** The words for an id param: the message `${prefix}.${id}`, or null when there is none. */
  label(prefix: string, key: string): string | null;
  /** Like `label`, but an unknown id reads as words (`qualityManager` → `quality manager`). */
  labelOrId(prefix: string, key: string): string | null;
  /** Whether a boolean param is `true`. */
  flag(key: string): boolean;
  /** A status param, when it is one. */
  status(key: string): ComplaintStatus | null;
  remedies(): readonly MessageRemedy[];
}

export function messageContext(locale: string, params: MessageParams): MessageContext {
  const language = languageOf(locale);
  const text = (key: string): string | null => {
    const value = params[key];
    if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return null;
  };
  const reference = text('reference');
  const label = (prefix: string, key: string): string | null => {
    const id = text(key);
    const messageKey = `${prefix}.${id}`;
    return id !== null && hasMessage(messageKey) ? translate(language, messageKey) : null;
  };
  return {
    language,
    t: (key, values) => translate(language, key, { reference: reference ?? '', withReference: given(reference), ...values }),
    text,
    count(key) {
      const value = params[key];
      return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
    },
    when(key) {
      const value = text(key);
      return value === null ? null : formatInstant(value, language, text('timeZone'));
    },
    instant(key) {
      const value = text(key);
      const ms = value === null ? NaN : Date.parse(value);
      return Number.isNaN(ms) ? null : ms;
    },
    money(amountKey, currencyKey) {
      const amount = params[amountKey];
      if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
      return formatMoney(amount, text(currencyKey), language);
    },
    label,
    labelOrId: (prefix, key) => label(prefix, key) ?? humanize(text(key)),
    flag: (key) => params[key] === true,
    status(key) {
      const id = text(key);
      return id !== null && (COMPLAINT_STATUSES as readonly string[]).includes(id) ? (id as ComplaintStatus) : null;
    },
    remedies: () =>
      (Array.isArray(params.remedies) ? params.remedies : []).filter(
        (r): r is MessageRemedy => typeof r?.name === 'string' && r.name.trim() !== '',
      ),
  };
}

/** `qualityManager` / `product_defect` → `quality manager` / `product defect`: an id nobody named. */
export function humanize(id: string | null): string | null {
  if (id === null) return null;
  return id.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
}

/** Joins the parts that are present into lines of one paragraph ('' when none is). */
export function lines(...parts: readonly (string | null | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
}

/** Joins the parts that are present into paragraphs. */
export function paragraphs(...parts: readonly (string | null | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
}
