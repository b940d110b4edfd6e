// The People page (administrators): the directory with each person's sign-in state, the form that
// adds a person (through POST /v1/staff, so the directory's own validation speaks beside the
// fields), and one person's page with their password, lockout and whether they may sign in.
import type { Role } from '../../../domain/complaint.js';
import { ROLES } from '../../../domain/complaint.js';
import type { CredentialStatus } from '../../../read-model/staff-credentials.js';
import type { Person } from '../../staff/staff-directory.schemas.js';
import { formatInstant } from '../../../texts/format.js';
import type { StaffSession } from '../env.js';
import type { ApiError } from '../api-client.js';
import { CsrfField } from '../pages/csrf-field.js';
import { FieldError, FormErrorSummary, fieldAttributes, issuesByPath, type IssuesByPath } from '../pages/form-errors.js';

export const DIRECTORY_LANGUAGES = ['tr', 'en', 'fa', 'az'] as const;

const when = (staff: StaffSession, at: Date) => formatInstant(at.toISOString(), staff.language, null, { withZoneName: true }) ?? at.toISOString();

export function SignInState({ staff, credential }: { staff: StaffSession; credential: CredentialStatus | undefined }) {
  const { t } = staff;
  if (!credential) return <span class="muted">{t('console.people.password.none')}</span>;
  if (credential.lockedUntil) return <span class="badge clock-breached">{t('console.people.lockedUntil', { time: when(staff, credential.lockedUntil) })}</span>;
  return <span>{t('console.people.password.set')}</span>;
}

export function PeopleList({ staff, people, credentials }: { staff: StaffSession; people: readonly Person[]; credentials: ReadonlyMap<string, CredentialStatus> }) {
  const { t } = staff;
  return (
    <section aria-labelledby="people-list-heading">
      <h2 id="people-list-heading">{t('console.people.list.heading', { count: people.length })}</h2>
      <div class="table-wrap" tabindex={0} role="region" aria-labelledby="people-list-heading">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.people.field.name')}</th>
              <th scope="col">{t('console.people.field.email')}</th>
              <th scope="col">{t('console.people.field.roles')}</th>
              <th scope="col">{t('console.people.teams')}</th>
              <th scope="col">{t('console.people.status')}</th>
              <th scope="col">{t('console.people.signIn')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <th scope="row">
                  <a href={`/console/people/${encodeURIComponent(p.id)}`}>{p.name}</a>
                  <br />
                  <span class="muted">{p.id}</span>
                </th>
                <td>{p.email ?? <span class="muted">{t('console.people.none')}</span>}</td>
                <td>{p.roles.length ? p.roles.map((role) => t('console.shell.role', { role })).join(', ') : <span class="muted">{t('console.people.none')}</span>}</td>
                <td>{p.teams.length ? p.teams.join(', ') : <span class="muted">{t('console.people.none')}</span>}</td>
                <td>{p.active ? t('console.people.active') : <span class="muted">{t('console.people.inactive')}</span>}</td>
                <td>
                  <SignInState staff={staff} credential={credentials.get(p.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export interface CreateFormValues {
  id?: string;
  name?: string;
  email?: string;
  phone?: string;
  language?: string;
  roles?: readonly string[];
}

const FORM = 'new-person';
const fieldId = (path: string) => `${FORM}-${path}`;

function TextField({ staff, issues, path, type = 'text', value, autocomplete, hint, required }: { staff: StaffSession; issues: IssuesByPath; path: string; type?: string; value: string | undefined; autocomplete?: string; hint?: string; required?: boolean }) {
  const attrs = fieldAttributes(issues, FORM, path);
  const hintId = hint ? `${fieldId(path)}-hint` : undefined;
  const describedBy = [hintId, attrs['aria-describedby']].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label for={fieldId(path)}>{staff.t(`console.people.field.${path}` as 'console.people.field.name')}</label>
      {hint && (
        <p class="muted hint" id={hintId}>
          {hint}
        </p>
      )}
      <input id={fieldId(path)} name={path} type={type} value={value ?? ''} autocomplete={autocomplete ?? 'off'} required={required} {...attrs} aria-describedby={describedBy} />
      <FieldError issues={issues} formId={FORM} path={path} />
    </div>
  );
}

export function CreatePersonForm({ staff, values = {}, error }: { staff: StaffSession; values?: CreateFormValues; error?: ApiError | undefined }) {
  const { t } = staff;
  const issues = issuesByPath(error);
  const roles = new Set(values.roles ?? ['agent']);
  const fieldIds = Object.fromEntries(['id', 'name', 'email', 'phone', 'language', 'roles', 'password'].map((p) => [p, fieldId(p)]));
  return (
    <section aria-labelledby="new-person-heading" class="card">
      <h2 id="new-person-heading">{t('console.people.create.heading')}</h2>
      <FormErrorSummary error={error} issues={issues} t={t} fieldIds={fieldIds} />
      <form method="post" action="/console/people" id={FORM} novalidate>
        <CsrfField token={staff.csrfToken} />
        <div class="grid">
          <TextField staff={staff} issues={issues} path="name" value={values.name} required />
          <TextField staff={staff} issues={issues} path="id" value={values.id} hint={t('console.people.field.id.hint')} required />
          <TextField staff={staff} issues={issues} path="email" type="email" value={values.email} hint={t('console.people.field.email.hint')} />
          <TextField staff={staff} issues={issues} path="phone" type="tel" value={values.phone} hint={t('console.people.field.phone.hint')} />
          <div>
            <label for={fieldId('language')}>{t('console.people.field.language')}</label>
            <select id={fieldId('language')} name="language" {...fieldAttributes(issues, FORM, 'language')}>
              {DIRECTORY_LANGUAGES.map((l) => (
                <option value={l} selected={(values.language ?? 'tr') === l}>
                  {t('console.people.language', { language: l })}
                </option>
              ))}
            </select>
            <FieldError issues={issues} formId={FORM} path="language" />
          </div>
          <TextField staff={staff} issues={issues} path="password" type="password" value={undefined} autocomplete="new-password" hint={t('console.people.password.rules')} />
        </div>
        <fieldset id={fieldId('roles')} {...(issues.has('roles') ? { 'aria-describedby': `${FORM}-roles-error` } : {})}>
          <legend>{t('console.people.field.roles')}</legend>
          {ROLES.map((role: Role) => (
            <label class="check">
              <input type="checkbox" name="roles" value={role} checked={roles.has(role)} /> {t('console.shell.role', { role })}
            </label>
          ))}
          <FieldError issues={issues} formId={FORM} path="roles" />
        </fieldset>
        <p>
          <button type="submit">{t('console.people.create.submit')}</button>
        </p>
      </form>
    </section>
  );
}

/** The set-password form: for an administrator on a person's page, and (with the current password) for oneself. */
export function PasswordForm({ staff, action, error, own, notice }: { staff: StaffSession; action: string; error?: ApiError | undefined; own?: boolean; notice?: string | undefined }) {
  const { t } = staff;
  const issues = issuesByPath(error);
  const form = own ? 'own-password' : 'set-password';
  const attrs = (path: string) => fieldAttributes(issues, form, path);
  return (
    <form method="post" action={action} id={form} novalidate>
      <CsrfField token={staff.csrfToken} />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <FormErrorSummary error={error} issues={issues} t={t} fieldIds={{ password: `${form}-password`, currentPassword: `${form}-currentPassword` }} />
      {own && (
        <>
          <label for={`${form}-currentPassword`}>{t('console.people.password.current')}</label>
          <input id={`${form}-currentPassword`} name="currentPassword" type="password" autocomplete="current-password" required {...attrs('currentPassword')} />
          <FieldError issues={issues} formId={form} path="currentPassword" />
        </>
      )}
      <label for={`${form}-password`}>{t('console.people.password.new')}</label>
      <p class="muted hint" id={`${form}-password-hint`}>
        {t('console.people.password.rules')}
      </p>
      <input
        id={`${form}-password`}
        name="password"
        type="password"
        autocomplete="new-password"
        required
        {...attrs('password')}
        aria-describedby={[`${form}-password-hint`, attrs('password')['aria-describedby']].filter(Boolean).join(' ')}
      />
      <FieldError issues={issues} formId={form} path="password" />
      <p>
        <button type="submit">{t(own ? 'console.people.password.changeOwn' : 'console.people.password.submit')}</button>
      </p>
    </form>
  );
}

export function PersonDetails({ staff, person, credential, error, notice }: { staff: StaffSession; person: Person; credential: CredentialStatus | undefined; error?: ApiError | undefined; notice?: string | undefined }) {
  const { t } = staff;
  const path = `/console/people/${encodeURIComponent(person.id)}`;
  const self = person.id === staff.person.id;
  return (
    <>
      <p>
        <a href="/console/people">{t('console.people.back')}</a>
      </p>
      {notice && !error && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <div class="grid">
        <section class="card" aria-labelledby="person-facts">
          <h2 id="person-facts">{t('console.people.details')}</h2>
          <dl class="facts">
            <dt>{t('console.people.field.id')}</dt>
            <dd>{person.id}</dd>
            <dt>{t('console.people.field.email')}</dt>
            <dd>{person.email ?? t('console.people.none')}</dd>
            <dt>{t('console.people.field.phone')}</dt>
            <dd>{person.phone ?? t('console.people.none')}</dd>
            <dt>{t('console.people.field.language')}</dt>
            <dd>{t('console.people.language', { language: person.language })}</dd>
            <dt>{t('console.people.field.roles')}</dt>
            <dd>{person.roles.length ? person.roles.map((role) => t('console.shell.role', { role })).join(', ') : t('console.people.none')}</dd>
            <dt>{t('console.people.teams')}</dt>
            <dd>{person.teams.length ? person.teams.join(', ') : t('console.people.none')}</dd>
            <dt>{t('console.people.status')}</dt>
            <dd>{person.active ? t('console.people.active') : t('console.people.inactive')}</dd>
            <dt>{t('console.people.signIn')}</dt>
            <dd>
              <SignInState staff={staff} credential={credential} />
            </dd>
          </dl>
          {credential?.lockedUntil && (
            <form method="post" action={`${path}/unlock`}>
              <CsrfField token={staff.csrfToken} />
              <p>
                <button type="submit">{t('console.people.unlock')}</button>
              </p>
            </form>
          )}
        </section>
        <section class="card" aria-labelledby="person-password">
          <h2 id="person-password">{t('console.people.password.heading')}</h2>
          <p class="muted">{t('console.people.password.endsSessions')}</p>
          <PasswordForm staff={staff} action={`${path}/password`} error={error} />
        </section>
        <section class="card" aria-labelledby="person-access">
          <h2 id="person-access">{t('console.people.access.heading')}</h2>
          {self ? (
            <>
              <p class="muted">{t('console.people.access.self')}</p>
              <p>
                <a href="/console/account/password">{t('console.people.own.title')}</a>
              </p>
            </>
          ) : (
            <form method="post" action={`${path}/active`}>
              <CsrfField token={staff.csrfToken} />
              <input type="hidden" name="active" value={person.active ? 'false' : 'true'} />
              <p>{t(person.active ? 'console.people.deactivate.explain' : 'console.people.reactivate.explain')}</p>
              <p>
                <button type="submit" class={person.active ? 'danger' : 'secondary'}>
                  {t(person.active ? 'console.people.deactivate' : 'console.people.reactivate')}
                </button>
              </p>
            </form>
          )}
        </section>
      </div>
    </>
  );
}
