// /console/complaints/new (agents, supervisors, admins): the New complaint form. It files through
// POST /v1/complaints as the signed-in person, with the form's own Idempotency-Key, so the API's
// rules, roles and double-submit protection apply; once filed, the browser goes to the new
// complaint's page, which shows its tracking PIN once (filed-notice.ts).
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { IntakeOptions } from '../../intake/intake-options.js';
import type { ApiError } from '../api-client.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { consoleRole } from '../guard.js';
import { renderConsolePage, renderConsoleProblem } from '../pages/shell.js';
import { leaveFiledNotice } from './filed-notice.js';
import { filingBody, filingValues, localNow, type FilingValues } from './filing-form.js';
import { NewComplaintPage } from './new-complaint-page.js';

type Ctx = Context<ConsoleEnv>;

/** The roles that file complaints in the API. */
const FILERS = ['agent', 'supervisor', 'admin'] as const;

/** A key as the API takes it (8–200 visible ASCII characters); else a fresh one. */
const formKeyOf = (posted: unknown) => (typeof posted === 'string' && /^[\x21-\x7e]{8,200}$/.test(posted) ? posted : `console-${randomUUID()}`);

export function intakePageRoutes(deps: Pick<ConsoleDeps, 'api' | 'settings' | 'sealedBox'>) {
  async function page(c: Ctx, status: ContentfulStatusCode, values: FilingValues, formKey: string, error?: ApiError) {
    const staff = c.get('staff');
    const options = await deps.api(c).get<IntakeOptions>('/v1/intake-options');
    if (!options.ok) return renderConsoleProblem(c, 503, '503');
    return renderConsolePage(c, status, {
      title: staff.t('console.intake.title'),
      active: 'new',
      children: <NewComplaintPage staff={staff} options={options.data} values={values} formKey={formKey} error={error} />,
    });
  }

  return new Hono<ConsoleEnv>()
    .use('/complaints/new', consoleRole(...FILERS))
    .get('/complaints/new', (c) => page(c, 200, { receivedAt: localNow(new Date()) }, formKeyOf(undefined)))
    .post('/complaints/new', async (c) => {
      const posted = await c.req.parseBody();
      const values = filingValues(posted);
      const formKey = formKeyOf(posted._key);
      const filed = await deps.api(c).post<{ reference: string; pin: string }>('/v1/complaints', filingBody(values), { 'idempotency-key': formKey });
      if (filed.ok) {
        leaveFiledNotice(c, deps.sealedBox, deps.settings, c.get('staff'), { reference: filed.data.reference, pin: filed.data.pin });
        return c.redirect(`/console/complaints/${filed.data.reference}`, 303);
      }
      // A key the API refused (the same key with other content) is spent: the form gets a new one.
      const nextKey = filed.status === 409 ? formKeyOf(undefined) : formKey;
      const status = (filed.status >= 400 && filed.status < 600 ? filed.status : 400) as ContentfulStatusCode;
      return page(c, status, values, nextKey, filed.error);
    });
}
