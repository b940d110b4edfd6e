// What the customer's HTML pages share (/r/{token} answer pages, /track): reading a posted form,
// dates in the complaint's calendar zone, the problem texts and the proposal block, in hono/jsx.
// The page frame and its security headers are in frame.tsx; the words are in texts/.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { CALENDAR_DEFINITIONS } from '../../../domain/calendar/definitions.js';
import { formatInstant, formatMoney } from '../../../texts/format.js';
import { languageMetadata, type Language } from '../../../texts/languages.js';
import { hasMessage, translate } from '../../../texts/translate.js';
import type { CustomerComplaintRow, CustomerView } from '../view.js';

/** The posted form, or undefined when its body cannot be read as one (e.g. a malformed multipart body). */
export async function readForm(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    return await c.req.parseBody();
  } catch {
    return undefined;
  }
}

/** A posted field as text, trimmed; undefined when missing, blank or a file. */
export function textField(form: Record<string, unknown>, name: string, trim = true): string | undefined {
  const value = form[name];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return trim ? value.trim() : value;
}

/** The zone of the complaint's calendar, where its business-time deadlines are counted. */
export function complaintTimeZone(complaint: CustomerComplaintRow): string {
  return CALENDAR_DEFINITIONS.find((d) => d.id === complaint.lifecycle?.calendarId)?.timeZone ?? 'UTC';
}

/** An instant as the page shows it: local date and time in the complaint's zone, the zone named. */
export function pageInstant(at: string, language: Language, timeZone: string): string {
  return formatInstant(at, language, timeZone, { withZoneName: true }) ?? at;
}

/** Title and text of the page for a refused link or answer, by error code (a code without its own words reads as INTERNAL). */
export function problemText(language: Language, code: string): { title: string; text: string } {
  const title = `page.problem.${code}.title`;
  const text = `page.problem.${code}.text`;
  return hasMessage(title) && hasMessage(text)
    ? { title: translate(language, title), text: translate(language, text) }
    : { title: translate(language, 'page.problem.INTERNAL.title'), text: translate(language, 'page.problem.INTERNAL.text') };
}

/**
 * A left-to-right code (a reference, `CMP-2026-000123`) inside a right-to-left sentence, isolated so
 * the bidi algorithm keeps it whole: unisolated, Persian pages showed `-CMP-2026 000123`.
 */
export function isolatedCode(code: string, language: Language): string {
  return languageMetadata(language).direction === 'rtl' ? `\u2066${code}\u2069` : code;
}

/** Why a form came back: an alert with the summary and one item per thing to fix. */
export function FormProblem({ summary, fixes = [] }: { summary: string; fixes?: readonly string[] }) {
  return (
    <div class="error" role="alert">
      <p>{summary}</p>
      {fixes.length > 0 && (
        <ul>
          {fixes.map((fix) => (
            <li>{fix}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Text the customer or our staff wrote: kept as typed (line breaks) and set in its own direction. */
export function WrittenText({ children }: { children: string }) {
  return (
    <p class="text" dir="auto">
      {children}
    </p>
  );
}

export interface ProposalSectionProps {
  proposal: NonNullable<CustomerView['proposal']>;
  language: Language;
  timeZone: string;
  /** Ends the section (the answer given, or where to answer). */
  children?: Child;
}

/** The proposal: heading, summary, remedy, amount and the answer's due date. */
export function ProposalSection({ proposal: p, language, timeZone, children }: ProposalSectionProps) {
  const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) => translate(language, key, values);
  const money = p.amount !== null && p.currency !== null ? formatMoney(p.amount, p.currency, language) : null;
  return (
    <section>
      <h2>{t('page.proposal.heading', { again: p.round > 1 ? 'yes' : 'no', round: p.round })}</h2>
      <WrittenText>{p.summary}</WrittenText>
      <dl>
        <dt>{t('page.proposal.remedy')}</dt>
        <dd>{p.remedyLabel}</dd>
        {money && (
          <>
            <dt>{t('page.proposal.amount')}</dt>
            <dd>{money}</dd>
          </>
        )}
      </dl>
      {p.answerDueAt && <p>{t('page.proposal.answerBy', { answerDueAt: pageInstant(p.answerDueAt, language, timeZone) })}</p>}
      {children}
    </section>
  );
}
