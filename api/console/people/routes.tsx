// /console/people (administrators): the staff directory with sign-in state, adding a person,
// setting a password, unlocking, deactivating, each through the API (/v1/staff…), so its roles,
// validation and audit apply. /console/account/password (everyone signed in): a person changes
// their own password, proving the current one first.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { isDomainError } from '../../../domain/errors.js';
import { credentialOf, credentialStatuses, recordFailedSignIn } from '../../../read-model/staff-credentials.js';
import { verifyPassword } from '../../../security/passwords.js';
import type { Person } from '../../staff/staff-directory.schemas.js';
import { setStaffPassword } from '../../staff/staff-passwords.js';
import type { ApiError } from '../api-client.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { consoleRole } from '../guard.js';
import { renderConsolePage, renderConsoleProblem } from '../pages/shell.js';
import { setSessionCookie } from '../session-cookie.js';
import { createSession, endSessionsOf } from '../session-store.js';
import { recordStaffAction } from '../staff-audit.js';
import { CreatePersonForm, PasswordForm, PeopleList, PersonDetails, type CreateFormValues } from './people-pages.js';
import { ApiKeysSection, type IssuedSecret } from './api-keys-section.js';
import { DEFAULT_API_KEY_POLICY } from '../../../domain/staff-access/api-keys.js';
import type { ApiKeyView } from '../../staff/api-keys.schemas.js';

type Form = Record<string, string | File | (string | File)[]>;
const text = (form: Form, name: string): string | undefined => {
  const v = form[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};
const readForm = async (c: Context): Promise<Form> => {
  try {
    return (await c.req.parseBody({ all: true })) as Form;
  } catch {
    return {};
  }
};
const NOTICES = ['created', 'password', 'unlocked', 'deactivated', 'reactivated', 'createdWithoutPassword', 'keyRevoked'] as const;
type Notice = (typeof NOTICES)[number];
const noticeOf = (c: Context): Notice | undefined => NOTICES.find((n) => n === c.req.query('done'));

export function peopleRoutes(deps: Pick<ConsoleDeps, 'sql' | 'api' | 'settings' | 'apiKeyPolicy'>) {
  const { sql, settings } = deps;
  const keyPolicy = deps.apiKeyPolicy ?? DEFAULT_API_KEY_POLICY;
  const personPath = (id: string) => `/console/people/${encodeURIComponent(id)}`;

  const listPage = async (c: Context<ConsoleEnv>, status: 200 | 400 | 409, form?: { values: CreateFormValues; error: ApiError }) => {
    const staff = c.get('staff');
    const [people, credentials] = await Promise.all([deps.api(c).get<{ people: Person[] }>('/v1/staff'), credentialStatuses(sql)]);
    if (!people.ok) return renderConsoleProblem(c, 503, '503');
    return renderConsolePage(c, status, {
      title: staff.t('console.people.title'),
      active: 'people',
      children: (
        <>
          <CreatePersonForm staff={staff} values={form?.values} error={form?.error} />
          <PeopleList staff={staff} people={people.data.people} credentials={credentials} />
        </>
      ),
    });
  };

  const personPage = async (
    c: Context<ConsoleEnv>,
    id: string,
    status: 200 | 201 | 400 | 409 = 200,
    error?: ApiError,
    keys: { issued?: IssuedSecret; error?: ApiError } = {},
  ) => {
    const staff = c.get('staff');
    const person = await deps.api(c).get<Person>(`/v1/staff/${encodeURIComponent(id)}`);
    if (!person.ok) return renderConsoleProblem(c, person.status === 404 || person.status === 400 ? 404 : 503, person.status === 404 || person.status === 400 ? '404' : '503');
    const apiKeys = await deps.api(c).get<{ keys: ApiKeyView[] }>('/v1/api-keys', { personId: person.data.id });
    const credential = (await credentialStatuses(sql)).get(person.data.id);
    const notice = noticeOf(c);
    const noticeText = notice === 'keyRevoked' ? staff.t('console.api-keys.done.revoked') : notice && staff.t(`console.people.done.${notice}`);
    return renderConsolePage(c, status, {
      title: person.data.name,
      active: 'people',
      children: (
        <>
          <PersonDetails staff={staff} person={person.data} credential={credential} error={error} notice={noticeText} />
          <ApiKeysSection
            staff={staff}
            personId={person.data.id}
            roles={person.data.roles}
            keys={apiKeys.ok ? apiKeys.data.keys : []}
            maxDays={keyPolicy.maxDays}
            graceHours={keyPolicy.defaultGraceHours}
            issued={keys.issued}
            error={keys.error}
          />
        </>
      ),
    });
  };
  const keyIssued = (c: Context<ConsoleEnv>, id: string, answer: Awaited<ReturnType<ReturnType<ConsoleDeps['api']>['post']>>) => {
    if (!answer.ok) return answer.status === 404 ? renderConsoleProblem(c, 404, '404') : personPage(c, id, answer.status === 409 ? 409 : 400, undefined, { error: answer.error });
    const issued = answer.data as { key: ApiKeyView; secret: string };
    // The secret is on this answer's page only: never in a URL, a redirect or a cookie.
    c.header('Cache-Control', 'no-store');
    return personPage(c, id, 201, undefined, { issued: { prefix: issued.key.prefix, secret: issued.secret } });
  };

  const ownPasswordPage = (c: Context<ConsoleEnv>, status: 200 | 400 | 423, error?: ApiError) => {
    const staff = c.get('staff');
    return renderConsolePage(c, status, {
      title: staff.t('console.people.own.title'),
      children: (
        <>
          <p>{staff.t('console.people.own.intro')}</p>
          <PasswordForm staff={staff} action="/console/account/password" own error={error} notice={c.req.query('done') === 'password' ? staff.t('console.people.own.done') : undefined} />
        </>
      ),
    });
  };

  const admin = new Hono<ConsoleEnv>()
    .use('/people', consoleRole('admin'))
    .use('/people/*', consoleRole('admin'))
    .get('/people', (c) => listPage(c, 200))
    .post('/people', async (c) => {
      const form = await readForm(c);
      const roles = ([] as unknown[]).concat(form.roles ?? []).filter((r): r is string => typeof r === 'string');
      const values: CreateFormValues = { id: text(form, 'id'), name: text(form, 'name'), email: text(form, 'email'), phone: text(form, 'phone'), language: text(form, 'language'), roles };
      const password = typeof form.password === 'string' ? form.password : '';
      const body = Object.fromEntries(Object.entries({ ...values, id: values.id ?? '', name: values.name ?? '' }).filter(([, v]) => v !== undefined));
      const created = await deps.api(c).post<Person>('/v1/staff', body);
      if (!created.ok) return listPage(c, created.status === 409 ? 409 : 400, { values, error: created.error });
      const staff = c.get('staff');
      await recordStaffAction(sql, { actorId: staff.person.id, actorRole: staff.role, action: 'person_created', subject: created.data.id, details: { roles: created.data.roles } });
      if (!password) return c.redirect(`${personPath(created.data.id)}?done=createdWithoutPassword`, 303);
      const set = await deps.api(c).put(`/v1/staff/${encodeURIComponent(created.data.id)}/password`, { password });
      // The person exists now; a refused password is shown on their page to set again.
      if (!set.ok) return personPage(c, created.data.id, 400, set.error);
      return c.redirect(`${personPath(created.data.id)}?done=created`, 303);
    })
    .get('/people/:id', (c) => personPage(c, c.req.param('id')))
    .post('/people/:id/password', async (c) => {
      const id = c.req.param('id');
      const form = await readForm(c);
      const set = await deps.api(c).put(`/v1/staff/${encodeURIComponent(id)}/password`, { password: typeof form.password === 'string' ? form.password : '' });
      if (!set.ok) return set.status === 404 ? renderConsoleProblem(c, 404, '404') : personPage(c, id, 400, set.error);
      return c.redirect(`${personPath(id)}?done=password`, 303);
    })
    .post('/people/:id/unlock', async (c) => {
      const id = c.req.param('id');
      const done = await deps.api(c).post(`/v1/staff/${encodeURIComponent(id)}/unlock`);
      if (!done.ok) return done.status === 404 ? renderConsoleProblem(c, 404, '404') : personPage(c, id, 400, done.error);
      return c.redirect(`${personPath(id)}?done=unlocked`, 303);
    })
    .post('/people/:id/api-keys', async (c) => {
      const id = c.req.param('id');
      const form = await readForm(c);
      const days = text(form, 'expiresInDays');
      const body = { personId: id, role: text(form, 'role') ?? '', label: text(form, 'label') ?? '', ...(days !== undefined ? { expiresInDays: /^\d+$/.test(days) ? Number(days) : days } : {}) };
      return keyIssued(c, id, await deps.api(c).post('/v1/api-keys', body));
    })
    .post('/people/:id/api-keys/:keyId/rotation', async (c) => {
      const { id, keyId } = c.req.param();
      return keyIssued(c, id, await deps.api(c).post(`/v1/api-keys/${encodeURIComponent(keyId)}/rotation`, {}));
    })
    .post('/people/:id/api-keys/:keyId/revoke', async (c) => {
      const { id, keyId } = c.req.param();
      const done = await deps.api(c).delete(`/v1/api-keys/${encodeURIComponent(keyId)}`);
      if (!done.ok) return done.status === 404 || done.status === 400 ? renderConsoleProblem(c, 404, '404') : personPage(c, id, 400, undefined, { error: done.error });
      return c.redirect(`${personPath(id)}?done=keyRevoked`, 303);
    })
    .post('/people/:id/active', async (c) => {
      const id = c.req.param('id');
      const staff = c.get('staff');
      const active = text(await readForm(c), 'active') === 'true';
      // Deactivating oneself would lock the last administrator out; another administrator does it.
      if (id === staff.person.id) return renderConsoleProblem(c, 403, '403');
      const changed = await deps.api(c).patch<Person>(`/v1/staff/${encodeURIComponent(id)}`, { active });
      if (!changed.ok) return changed.status === 404 ? renderConsoleProblem(c, 404, '404') : personPage(c, id, 400, changed.error);
      const sessionsEnded = active ? 0 : await endSessionsOf(sql, id, 'deactivated');
      await recordStaffAction(sql, { actorId: staff.person.id, actorRole: staff.role, action: active ? 'person_reactivated' : 'person_deactivated', subject: id, details: { sessionsEnded } });
      return c.redirect(`${personPath(id)}?done=${active ? 'reactivated' : 'deactivated'}`, 303);
    });

  return admin
    .get('/account/password', (c) => ownPasswordPage(c, 200))
    .post('/account/password', async (c) => {
      const staff = c.get('staff');
      const form = await readForm(c);
      const current = typeof form.currentPassword === 'string' ? form.currentPassword : '';
      const password = typeof form.password === 'string' ? form.password : '';
      const credential = await credentialOf(sql, staff.person.id);
      const stored = credential?.passwordHash;
      const t = staff.t;
      const wrongCurrent = (message: string): ApiError => ({ code: 'VALIDATION_FAILED', message, details: [{ path: 'currentPassword', message }] });
      if (credential?.lockedUntil) {
        const minutes = Math.max(1, Math.ceil((credential.lockedUntil.getTime() - Date.now()) / 60_000));
        return ownPasswordPage(c, 423, wrongCurrent(t('console.sign-in.locked', { minutes })));
      }
      if (!stored || current.length > 1000 || !(await verifyPassword(current, stored))) {
        // Wrong guesses count toward the lockout as at sign-in: a borrowed session cannot try passwords at leisure.
        if (stored) await recordFailedSignIn(sql, staff.person.id, { maxFailures: settings.signInMaxFailures, lockMinutes: settings.signInLockoutMinutes });
        return ownPasswordPage(c, 400, wrongCurrent(t('console.people.own.currentWrong')));
      }
      try {
        await setStaffPassword(sql, { personId: staff.person.id, password, actor: { id: staff.person.id, role: staff.role } });
      } catch (err) {
        // The policy is a rule stated in words (UNPROCESSABLE); the form shows it beside the field as any other.
        if (isDomainError(err) && (err.code === 'VALIDATION_FAILED' || err.code === 'UNPROCESSABLE')) return ownPasswordPage(c, 400, { code: err.code, message: err.message, details: err.details });
        throw err;
      }
      // Every session of the person ended with the old password; this browser goes on in a new one.
      const session = await createSession(sql, { personId: staff.person.id, role: staff.role, absoluteHours: settings.sessionAbsoluteHours, userAgent: c.req.header('user-agent') });
      setSessionCookie(c, settings, session.token);
      return c.redirect('/console/account/password?done=password', 303);
    });
}
