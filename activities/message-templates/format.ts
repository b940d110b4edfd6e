// Shared pieces of the message texts: the language choice, a forgiving parameter reader (a missing
// or malformed param reads as null, so a text leaves the sentence out instead of printing
// "undefined"), date and money formatting, and the human words for the ids that params carry.
import { COMPLAINT_STATUSES, customerLabel, type ComplaintStatus } from '../../domain/complaint.js';
import type { LocalizedRemedy, NotificationParams } from '../../domain/lifecycle/effects.js';

/** The languages Plaint writes in; every other locale gets English. */
export type MessageLanguage = 'tr' | 'en';

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

/** `tr`, `tr-TR`, `TR`, `tr_TR` → `tr`; anything else → `en`. */
export function messageLanguage(locale: string): MessageLanguage {
  return locale.trim().toLowerCase().split(/[-_]/)[0] === 'tr' ? 'tr' : 'en';
}

/** A pair of texts, Turkish first. */
export type Words = readonly [tr: string, en: string];

const INTL_LOCALE: Record<MessageLanguage, string> = { tr: 'tr-TR', en: 'en-GB' };

/** Everything a template needs: the language and typed, null-safe access to the params. */
export interface MessageContext {
  lang: MessageLanguage;
  /** Picks the text of the message's language. */
  t(tr: string, en: string): string;
  /** A non-empty string param (trimmed), or a finite number as digits; else null. */
  text(key: string): string | null;
  /** A positive integer param, or null. */
  count(key: string): number | null;
  /** Whether a boolean param is `true`. */
  flag(key: string): boolean;
  /** An ISO instant as a local date and time in the `timeZone` param; `YYYY-MM-DD` as a date. */
  when(key: string): string | null;
  /** An amount with its currency, in local number format. */
  money(amountKey: string, currencyKey: string): string | null;
  /** The words for an id param; null when the param is missing or not in the table. */
  label(table: Readonly<Record<string, Words>>, key: string): string | null;
  /** Like `label`, but an unknown id reads as words (`qualityManager` → `quality manager`). */
  labelOrId(table: Readonly<Record<string, Words>>, key: string): string | null;
  /** The customer-facing status label (domain/complaint.ts), never the status id. */
  status(key: string): string | null;
  remedies(): readonly MessageRemedy[];
}

export function messageContext(locale: string, params: MessageParams): MessageContext {
  const lang = messageLanguage(locale);
  const text = (key: string): string | null => {
    const value = params[key];
    if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return null;
  };
  const label = (table: Readonly<Record<string, Words>>, key: string): string | null => {
    const id = text(key);
    const words = id !== null && Object.hasOwn(table, id) ? table[id] : undefined;
    return words ? words[lang === 'tr' ? 0 : 1] : null;
  };
  return {
    lang,
    t: (tr, en) => (lang === 'tr' ? tr : en),
    text,
    flag: (key) => params[key] === true,
    count(key) {
      const value = params[key];
      return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
    },
    when(key) {
      const value = text(key);
      return value === null ? null : formatWhen(value, lang, text('timeZone'));
    },
    money(amountKey, currencyKey) {
      const amount = params[amountKey];
      if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
      return formatMoney(amount, text(currencyKey), lang);
    },
    label,
    labelOrId: (table, key) => label(table, key) ?? humanize(text(key)),
    status(key) {
      const id = text(key);
      return isStatus(id) ? customerLabel(id, lang) : null;
    },
    remedies: () =>
      (Array.isArray(params.remedies) ? params.remedies : []).filter(
        (r): r is MessageRemedy => typeof r?.name === 'string' && r.name.trim() !== '',
      ),
  };
}

function isStatus(id: string | null): id is ComplaintStatus {
  return id !== null && (COMPLAINT_STATUSES as readonly string[]).includes(id);
}

/** Local date and time of an instant; a calendar date stays that date whatever the zone. */
export function formatWhen(value: string, lang: MessageLanguage, timeZone: string | null): string | null {
  const locale = INTL_LOCALE[lang];
  const day = { day: 'numeric', month: 'long', year: 'numeric' } as const;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return null;
    return new Intl.DateTimeFormat(locale, { ...day, timeZone: 'UTC' }).format(date);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  const withTime = { ...day, hour: '2-digit', minute: '2-digit' } as const;
  try {
    if (timeZone) return new Intl.DateTimeFormat(locale, { ...withTime, timeZone }).format(instant);
  } catch {
    // An unknown zone: fall through to UTC, named, rather than the server's own zone.
  }
  return new Intl.DateTimeFormat(locale, { ...withTime, timeZone: 'UTC', timeZoneName: 'short' }).format(instant);
}

export function formatMoney(amount: number, currency: string | null, lang: MessageLanguage): string {
  const locale = INTL_LOCALE[lang];
  if (currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
    } catch {
      return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
    }
  }
  return new Intl.NumberFormat(locale).format(amount);
}

/** `qualityManager` / `product_defect` → `quality manager` / `product defect`. */
export function humanize(id: string | null): string | null {
  if (id === null) return null;
  return id.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
}

/** Upper-cases the first letter the Turkish way when needed (`i` → `İ`). */
export function capitalize(text: string, lang: MessageLanguage): string {
  return text.charAt(0).toLocaleUpperCase(INTL_LOCALE[lang]) + text.slice(1);
}

/** Joins the parts that are present into lines of one paragraph ('' when none is). */
/** The Turkish noun phrase with the reference ("CMP-… numaralı şikâyetinizi"), or the noun alone. */
export function trRef(c: MessageContext, noun: string, sentenceStart = true): string {
  const reference = c.text('reference');
  const phrase = reference ? `${reference} numaralı ${noun}` : noun;
  return sentenceStart ? capitalize(phrase, 'tr') : phrase;
}

export function lines(...parts: readonly (string | null | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
}

/** Joins the parts that are present into paragraphs. */
export function paragraphs(...parts: readonly (string | null | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
}

/** A subject that names the complaint when the reference is known. */
export function subjectLine(c: MessageContext, text: string): string {
  const reference = c.text('reference');
  return reference ? `${text} (${reference})` : text;
}

// Human words for the ids in params.

export const STAGE_NAMES: Readonly<Record<string, Words>> = {
  acknowledgement: ['alındı bildirimi', 'acknowledgement'],
  initialReview: ['ön inceleme', 'initial review'],
  investigation: ['araştırma ve değerlendirme', 'investigation'],
  conclusion: ['sonuçlandırma', 'conclusion'],
  reinvestigation: ['yeniden değerlendirme', 'reinvestigation'],
};

/** Staff-facing status words: more precise than the customer labels. */
export const STAFF_STATUS_NAMES: Readonly<Record<string, Words>> = {
  received: ['alındı', 'received'],
  acknowledged: ['alındı bildirildi, atanmayı bekliyor', 'acknowledged, waiting to be assigned'],
  in_review: ['ön incelemede', 'in initial review'],
  investigating: ['araştırılıyor', 'under investigation'],
  awaiting_customer: ['müşteriden bilgi bekleniyor', 'waiting for information from the customer'],
  resolution_proposed: [
    'çözüm önerildi, müşteri yanıtı bekleniyor',
    "resolution proposed, awaiting the customer's answer",
  ],
  reinvestigating: ['yeniden değerlendiriliyor', 'being reinvestigated'],
  open_external: [
    'açık, müşteri dış başvuru yollarına yönlendirildi',
    'open, customer referred to external remedies',
  ],
  closed: ['kapatıldı', 'closed'],
};

export const ESCALATION_LEVEL_NAMES: Readonly<Record<string, Words>> = {
  assignee: ['atanan uzman', 'assigned specialist'],
  teamLead: ['ekip lideri', 'team lead'],
  complaintsManager: ['şikâyet yönetimi müdürü', 'complaints manager'],
  director: ['direktör', 'director'],
};

export const SEVERITY_NAMES: Readonly<Record<string, Words>> = {
  low: ['düşük', 'low'],
  medium: ['orta', 'medium'],
  high: ['yüksek', 'high'],
  critical: ['kritik', 'critical'],
};

export const REMEDY_NAMES: Readonly<Record<string, Words>> = {
  refund: ['para iadesi', 'refund'],
  replacement: ['ürün değişimi', 'replacement'],
  repair: ['onarım', 'repair'],
  credit: ['hesabınıza alacak tanımlanması', 'credit to your account'],
  apology: ['yazılı özür', 'a formal apology'],
  explanation: ['ayrıntılı açıklama', 'a detailed explanation'],
};

export const EXTERNAL_DECISION_NAMES: Readonly<Record<string, Words>> = {
  upheld: ['şikâyet haklı bulundu', 'the complaint was upheld'],
  partially_upheld: ['şikâyet kısmen haklı bulundu', 'the complaint was partially upheld'],
  not_upheld: ['şikâyet haklı bulunmadı', 'the complaint was not upheld'],
  settled: ['taraflar uzlaştı', 'the parties reached a settlement'],
  dismissed: ['başvuru reddedildi', 'the application was dismissed'],
};
