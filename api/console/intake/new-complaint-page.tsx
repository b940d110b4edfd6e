// The New complaint page (agents, supervisors, admins): a complaint that came by phone, letter, at
// an office, … entered by staff, posted to POST /v1/complaints as the signed-in person. A refusal
// shows the API's messages beside the fields they name, with a summary linking to each.
import type { Child } from 'hono/jsx';
import { CUSTOMER_LANGUAGES } from '../../../config/complaint-form.js';
import type { IntakeOptions } from '../../intake/intake-options.js';
import type { ApiError } from '../api-client.js';
import type { StaffSession } from '../env.js';
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import { CsrfField } from '../pages/csrf-field.js';
import { FieldError, FormErrorSummary, fieldAttributes, fieldErrorId, issuesByPath, type IssuesByPath } from '../pages/form-errors.js';
import { AGENT_CHANNELS, FILING_FIELDS, INTAKE_TIME_ZONE, type FilingField, type FilingValues } from './filing-form.js';

const FORM = 'new-complaint';
const fieldId = (path: string) => `${FORM}-${path.replace(/\./g, '-')}`;

interface FieldProps {
  staff: StaffSession;
  issues: IssuesByPath;
  path: FilingField;
  hint?: string | undefined;
  required?: boolean;
  children: (attrs: Record<string, string | boolean | undefined>) => Child;
}

/** A label, a hint, the control and its error; the control is described by both. */
function Field({ staff, issues, path, hint, required, children }: FieldProps) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorAttrs = fieldAttributes(issues, FORM, path);
  const describedBy = [hintId, issues.has(path) ? fieldErrorId(FORM, path) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{staff.t(`console.intake.field.${path}` as 'console.intake.field.channel', { timeZone: INTAKE_TIME_ZONE })}</label>
      {hint && (
        <p class="muted hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, name: path, required, ...errorAttrs, 'aria-describedby': describedBy })}
      <FieldError issues={issues} formId={FORM} path={path} />
    </div>
  );
}

export interface NewComplaintProps {
  staff: StaffSession;
  options: IntakeOptions;
  values: FilingValues;
  /** The Idempotency-Key this rendering of the form files with: a double submit files once. */
  formKey: string;
  error?: ApiError | undefined;
}

export function NewComplaintPage({ staff, options, values, formKey, error }: NewComplaintProps) {
  const { t } = staff;
  const issues = issuesByPath(error);
  const optional = t('console.intake.optional');
  const text = (path: FilingField, hint?: string, required = false, type = 'text', autocomplete = 'off') => (
    <Field staff={staff} issues={issues} path={path} hint={hint} required={required}>
      {(attrs) => <input {...attrs} type={type} value={values[path] ?? ''} autocomplete={autocomplete} />}
    </Field>
  );
  const channel = values.channel ?? 'phone';
  const locale = values['customer.locale'] ?? 'tr';
  return (
    <>
      <p>{t('console.intake.intro')}</p>
      <FormErrorSummary error={error} issues={issues} t={t} fieldIds={Object.fromEntries(FILING_FIELDS.map((f) => [f, fieldId(f)]))} />
      <form method="post" action="/console/complaints/new" id={FORM} novalidate>
        <CsrfField token={staff.csrfToken} />
        <input type="hidden" name="_key" value={formKey} />
        <fieldset>
          <legend>{t('console.intake.how.heading')}</legend>
          <div class="grid">
            <Field staff={staff} issues={issues} path="channel" required>
              {(attrs) => (
                <select {...attrs}>
                  {AGENT_CHANNELS.map((c) => (
                    <option value={c} selected={c === channel}>
                      {t('console.intake.channel', { value: c })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field staff={staff} issues={issues} path="receivedAt" hint={t('console.intake.field.receivedAt.hint', { days: options.backdateMaxDays })}>
              {(attrs) => <input {...attrs} type="datetime-local" step={60} value={values.receivedAt ?? ''} />}
            </Field>
            <Field staff={staff} issues={issues} path="frontOffice" hint={t('console.intake.field.frontOffice.hint')}>
              {(attrs) => (
                <select {...attrs}>
                  <option value="" selected={!values.frontOffice}>
                    {t('console.intake.field.frontOffice.none')}
                  </option>
                  {options.frontOffices.map((o) => (
                    <option value={o.id} selected={o.id === values.frontOffice}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text('intermediary', t('console.intake.field.intermediary.hint'))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('console.intake.customer.heading')}</legend>
          <div class="grid">
            {text('customer.name', undefined, true, 'text')}
            <Field staff={staff} issues={issues} path="customer.locale" hint={t('console.intake.field.customer.locale.hint')} required>
              {(attrs) => (
                <select {...attrs}>
                  {CUSTOMER_LANGUAGES.map((l) => (
                    <option value={l} selected={l === locale}>
                      {t('console.intake.language', { language: l })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text('customer.email', optional, false, 'email')}
            {text('customer.phone', t('console.intake.field.customer.phone.hint'), false, 'tel')}
            {text('customer.country', t('console.intake.field.customer.country.hint'))}
            <Field staff={staff} issues={issues} path="customer.postalAddress" hint={t('console.intake.field.customer.postalAddress.hint')}>
              {(attrs) => (
                <textarea {...attrs} rows={4}>
                  {values['customer.postalAddress'] ?? ''}
                </textarea>
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('console.intake.complaint.heading')}</legend>
          {text('subject', undefined, true)}
          <Field staff={staff} issues={issues} path="description" required>
            {(attrs) => (
              <textarea {...attrs} rows={8}>
                {values.description ?? ''}
              </textarea>
            )}
          </Field>
          <div class="grid">
            {text('category', optional)}
            {text('product', optional)}
          </div>
        </fieldset>
        <p>
          <button type="submit">{t('console.intake.submit')}</button>
        </p>
      </form>
    </>
  );
}

/** On the new complaint's page, once: its reference and tracking PIN, to give the customer now. */
export function FiledNotice({ t, reference, pin }: { t: ConsoleTranslate; reference: string; pin: string }) {
  return (
    <section class="notice" role="status" aria-labelledby="filed-heading">
      <h2 id="filed-heading">{t('console.intake.filed.heading', { reference })}</h2>
      <p>
        <strong>{t('console.intake.filed.pin', { pin })}</strong>
      </p>
      <p>{t('console.intake.filed.pinOnce')}</p>
    </section>
  );
}
