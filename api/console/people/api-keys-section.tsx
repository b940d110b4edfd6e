// A person's API keys on their People page (administrators): the list with status, expiry and
// last use, a form that makes a key (its secret shown once, on the page that answers the form),
// and rotate / revoke buttons, each through /v1/api-keys.
import type { Role } from '../../../domain/complaint.js';
import { formatInstant } from '../../../texts/format.js';
import type { ApiKeyView } from '../../staff/api-keys.schemas.js';
import type { ApiError } from '../api-client.js';
import type { StaffSession } from '../env.js';
import { CsrfField } from '../pages/csrf-field.js';
import { FieldError, FormErrorSummary, fieldAttributes, issuesByPath } from '../pages/form-errors.js';
import { PostButton } from '../pages/post-button.js';

export interface IssuedSecret {
  prefix: string;
  secret: string;
}

const when = (staff: StaffSession, iso: string) => formatInstant(iso, staff.language, null, { withZoneName: true }) ?? iso;

function KeyStatus({ staff, apiKey }: { staff: StaffSession; apiKey: ApiKeyView }) {
  const { t } = staff;
  if (apiKey.status === 'rotating' && apiKey.graceEndsAt) return <span class="badge clock-warning">{t('console.api-keys.status.rotating', { time: when(staff, apiKey.graceEndsAt) })}</span>;
  const badge = apiKey.status === 'active' ? 'badge' : 'badge clock-breached';
  return <span class={badge}>{t(`console.api-keys.status.${apiKey.status}`)}</span>;
}

export function ApiKeysSection(props: {
  staff: StaffSession;
  personId: string;
  roles: readonly Role[];
  keys: readonly ApiKeyView[];
  maxDays: number;
  graceHours: number;
  issued?: IssuedSecret | undefined;
  error?: ApiError | undefined;
}) {
  const { staff, personId, keys, issued, error } = props;
  const { t } = staff;
  const base = `/console/people/${encodeURIComponent(personId)}/api-keys`;
  const form = 'new-api-key';
  const issues = issuesByPath(error);
  const attrs = (path: string) => fieldAttributes(issues, form, path);
  return (
    <section class="card" aria-labelledby="person-api-keys">
      <h2 id="person-api-keys">{t('console.api-keys.heading')}</h2>
      <p class="muted">{t('console.api-keys.intro')}</p>
      {issued && (
        <div class="notice" role="status" id="issued-api-key">
          <h3>{t('console.api-keys.secret.heading')}</h3>
          <p>{t('console.api-keys.secret.text', { prefix: issued.prefix })}</p>
          <p>
            <code data-api-key-secret>{issued.secret}</code>
          </p>
        </div>
      )}
      {keys.length === 0 ? (
        <p class="muted">{t('console.api-keys.none')}</p>
      ) : (
        <div class="table-wrap" tabindex={0} role="region" aria-labelledby="person-api-keys">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.api-keys.col.label')}</th>
                <th scope="col">{t('console.api-keys.col.prefix')}</th>
                <th scope="col">{t('console.api-keys.col.role')}</th>
                <th scope="col">{t('console.api-keys.col.status')}</th>
                <th scope="col">{t('console.api-keys.col.expires')}</th>
                <th scope="col">{t('console.api-keys.col.lastUsed')}</th>
                <th scope="col">{t('console.api-keys.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr data-api-key={k.id}>
                  <td>{k.label}</td>
                  <td>
                    <code>{k.prefix}</code>
                  </td>
                  <td>{t('console.shell.role', { role: k.role })}</td>
                  <td>
                    <KeyStatus staff={staff} apiKey={k} />
                  </td>
                  <td>{when(staff, k.expiresAt)}</td>
                  <td>{k.lastUsedAt ? when(staff, k.lastUsedAt) : t('console.api-keys.never')}</td>
                  <td>
                    {k.status === 'active' && (
                      <PostButton action={`${base}/${k.id}/rotation`} csrf={staff.csrfToken} formClass="inline" button={{ class: 'secondary', 'aria-label': t('console.api-keys.rotate.label', { prefix: k.prefix }) }}>
                        {t('console.api-keys.rotate')}
                      </PostButton>
                    )}
                    {(k.status === 'active' || k.status === 'rotating') && (
                      <PostButton action={`${base}/${k.id}/revoke`} csrf={staff.csrfToken} formClass="inline" button={{ class: 'danger', 'aria-label': t('console.api-keys.revoke.label', { prefix: k.prefix }) }}>
                        {t('console.api-keys.revoke')}
                      </PostButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted">{t('console.api-keys.rotate.explain', { hours: props.graceHours })}</p>
      <h3>{t('console.api-keys.create.heading')}</h3>
      {props.roles.length === 0 ? (
        <p class="muted">{t('console.api-keys.create.noRole')}</p>
      ) : (
        <form method="post" action={base} novalidate>
          <CsrfField token={staff.csrfToken} />
          <FormErrorSummary error={error} issues={issues} t={t} fieldIds={{ label: `${form}-label`, role: `${form}-role`, expiresInDays: `${form}-days` }} />
          <label for={`${form}-label`}>{t('console.api-keys.field.label')}</label>
          <input id={`${form}-label`} name="label" maxlength={80} required {...attrs('label')} />
          <FieldError issues={issues} formId={form} path="label" />
          <label for={`${form}-role`}>{t('console.api-keys.field.role')}</label>
          <select id={`${form}-role`} name="role" {...attrs('role')}>
            {props.roles.map((role) => (
              <option value={role}>{t('console.shell.role', { role })}</option>
            ))}
          </select>
          <FieldError issues={issues} formId={form} path="role" />
          <label for={`${form}-days`}>{t('console.api-keys.field.days', { max: props.maxDays })}</label>
          <input id={`${form}-days`} name="expiresInDays" type="number" min={1} max={props.maxDays} value={String(props.maxDays)} {...attrs('expiresInDays')} />
          <FieldError issues={issues} formId={form} path="expiresInDays" />
          <p>
            <button type="submit">{t('console.api-keys.create.submit')}</button>
          </p>
        </form>
      )}
    </section>
  );
}
