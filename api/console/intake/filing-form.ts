// The New complaint form as posted, turned into the body of POST /v1/complaints. The console only
// reshapes: every rule (which channel needs an office, how far back a received time may lie, a
// letter's address) is the API's, whose refusal comes back beside the field it names. Field names
// are the API's paths (`customer.name`), so a refusal finds its field by path.
import { TZDate } from '@date-fns/tz';
import { CHANNELS, type Channel } from '../../../domain/complaint.js';

/** The zone the form's received time is read in: the console's working zone, as the dashboard and the audit trail read dates. */
export const INTAKE_TIME_ZONE = 'Europe/Istanbul';

/** Channels an agent enters: every one but `web`, which is the customer's own form. */
export const AGENT_CHANNELS = CHANNELS.filter((c): c is Exclude<Channel, 'web'> => c !== 'web');

/** The form's fields in page order: the API's paths. */
export const FILING_FIELDS = [
  'channel',
  'receivedAt',
  'frontOffice',
  'intermediary',
  'customer.name',
  'customer.email',
  'customer.phone',
  'customer.locale',
  'customer.country',
  'customer.postalAddress',
  'subject',
  'description',
  'category',
  'product',
] as const;
export type FilingField = (typeof FILING_FIELDS)[number];

export type FilingValues = Partial<Record<FilingField, string>>;

/** The posted form's own fields (the CSRF token and the idempotency key are read apart). */
export function filingValues(posted: Record<string, unknown>): FilingValues {
  const values: FilingValues = {};
  for (const field of FILING_FIELDS) {
    const value = posted[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

const DATETIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A `datetime-local` value (wall time, no zone) as an ISO instant with the offset `timeZone` has
 * then; anything else as typed, for the API to refuse by name. Empty: none (received now).
 */
export function receivedAtOf(local: string | undefined, timeZone: string = INTAKE_TIME_ZONE): string | undefined {
  const text = local?.trim();
  if (!text) return undefined;
  const m = DATETIME_LOCAL.exec(text);
  if (!m) return text;
  const [year, month, day, hour, minute, second] = m.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  return new TZDate(year, month - 1, day, hour, minute, second, timeZone).toISOString();
}

/** `now` as a `datetime-local` value in `timeZone`, to the minute: the form's starting point. */
export function localNow(now: Date, timeZone: string = INTAKE_TIME_ZONE): string {
  const at = new TZDate(now.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** The API body: optional fields left out when empty, required ones sent as typed (empty too) so the API names them. */
export function filingBody(values: FilingValues, timeZone: string = INTAKE_TIME_ZONE): Record<string, unknown> {
  const optional = (field: FilingField) => {
    const text = values[field]?.trim();
    return text ? text : undefined;
  };
  const prune = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return prune({
    channel: values.channel ?? '',
    receivedAt: receivedAtOf(values.receivedAt, timeZone),
    frontOffice: optional('frontOffice'),
    intermediary: optional('intermediary'),
    customer: prune({
      name: values['customer.name']?.trim() ?? '',
      email: optional('customer.email'),
      phone: optional('customer.phone'),
      locale: values['customer.locale'] ?? '',
      country: optional('customer.country')?.toUpperCase(),
      postalAddress: optional('customer.postalAddress'),
    }),
    subject: values.subject?.trim() ?? '',
    description: values.description ?? '',
    category: optional('category'),
    product: optional('product'),
  });
}
