// /console/complaints/{reference}: one complaint for the staff who handle or audit it, read and
// decided through the API as the signed-in person. A decision form posts here; the handler sends
// it to POST /v1/complaints/{reference}/decisions with the page's ETag as If-Match, and answers a
// redirect back (303) or the page again with the API's refusal beside the fields.
import { Hono, type Context } from 'hono';
import { DECISION_TYPES, type DecisionType } from '../../../domain/complaint.js';
import { REFERENCE_PATTERN } from '../../../domain/reference.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { consoleRole } from '../guard.js';
import { renderConsoleFragment, renderConsolePage, renderConsoleProblem } from '../pages/shell.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ComplaintView } from '../../staff/complaints.schemas.js';
import { CLASSIFIED_FIELDS, confirmNewField, nearMiss } from './classify-values.js';
import { decisionBody, type FormValues } from './decision-fields.js';
import type { RefusedForm } from './decision-forms.js';
import { ComplaintPage, ViewerList, type PageState } from './page.js';
import { complaintIdOf, markViewing, otherViewers, stopViewing } from './presence.js';
import { instantFormatter, loadComplaintPage, loadVocabulary, timeZoneOf } from './view.js';
import { takeFiledNotice } from '../intake/filed-notice.js';
import { readModelReached } from '../../../read-model/complaint-queries.js';

type Ctx = Context<ConsoleEnv>;

/** Who opens complaint pages: the roles that read complaints in the API (process owners do not). */
const READERS = ['agent', 'supervisor', 'auditor', 'admin'] as const;

const isReference = (value: string) => REFERENCE_PATTERN.test(value);
/** The ETag a complaint page puts in its forms (`"<seq>"`): anything else was never ours, and could not even be a header. */
const isPageEtag = (value: string) => /^(W\/)?"\d{1,9}"$/.test(value);
const isDecisionType = (value: string): value is DecisionType => (DECISION_TYPES as readonly string[]).includes(value);

/** A posted form's string fields (files and repeated names are not part of any decision form). */
async function formValues(c: Ctx): Promise<FormValues> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function complaintPageRoutes(deps: ConsoleDeps) {
  /**
   * A classify form whose category or product is almost a known value and not confirmed as new,
   * as a refusal beside those fields (classify-values.ts says why); undefined to send it on.
   */
  async function nearMissesOf(c: Ctx, reference: string, values: FormValues): Promise<RefusedForm | undefined> {
    const api = deps.api(c);
    const staff = c.get('staff');
    const complaint = await api.get<ComplaintView>(`/v1/complaints/${reference}`);
    if (!complaint.ok) return undefined; // the decision's own call answers it
    const vocabulary = await loadVocabulary(api, complaint.data, staff.language);
    const details = CLASSIFIED_FIELDS.flatMap((field) => {
      if (values[confirmNewField(field)] === 'yes') return [];
      const meant = nearMiss(values[field] ?? '', vocabulary[field]);
      return meant ? [{ field, path: field, message: staff.t('console.complaint.classify.nearMiss', { field, value: (values[field] ?? '').trim(), known: meant.value }) }] : [];
    });
    if (details.length === 0) return undefined;
    return {
      type: 'classify',
      values,
      nearMisses: details.map((d) => d.field),
      error: { code: 'VALIDATION_FAILED', message: staff.t('console.complaint.classify.nearMissSummary'), details: details.map(({ path, message }) => ({ path, message })) },
    };
  }

  const app = new Hono<ConsoleEnv>();
  app.use('/complaints/:reference', consoleRole(...READERS));
  app.use('/complaints/:reference/*', consoleRole(...READERS));

  /** The page, as the API shows it to this person now; the viewer is marked present. */
  async function page(c: Ctx, status: ContentfulStatusCode, state: PageState = {}) {
    const reference = c.req.param('reference')!;
    if (!isReference(reference)) return renderConsoleProblem(c, 404, '404');
    const staff = c.get('staff');
    const loaded = await loadComplaintPage(deps.api(c), reference, staff.language);
    if (!loaded.ok) return renderConsoleProblem(c, loaded.status === 403 ? 403 : loaded.status === 404 || loaded.status === 400 || loaded.status === 422 ? 404 : 503, loaded.status === 403 ? '403' : loaded.status === 404 || loaded.status === 400 || loaded.status === 422 ? '404' : '503');
    const { complaint } = loaded.data;
    await markViewing(deps.sql, complaint.id, staff.person.id);
    const viewers = await otherViewers(deps.sql, complaint.id, staff.person.id);
    const at = instantFormatter(staff.language, timeZoneOf(complaint));
    return renderConsolePage(c, status, {
      title: staff.t('console.complaint.title', { reference: complaint.reference }),
      scripts: ['complaint.js'],
      children: ComplaintPage({ data: loaded.data, role: staff.role, csrfToken: staff.csrfToken, t: staff.t, at, viewers, state }),
    });
  }

  app.get('/complaints/:reference', (c) => {
    const reference = c.req.param('reference');
    // Just filed on the console by this session: its PIN, this once (intake/filed-notice.ts).
    const filed = isReference(reference) ? takeFiledNotice(c, deps.sealedBox, deps.settings, c.get('staff'), reference) : undefined;
    return page(c, 200, { done: c.req.query('done'), retried: c.req.query('retried'), filed });
  });

  app.post('/complaints/:reference/decisions/:type', async (c) => {
    const reference = c.req.param('reference');
    const type = c.req.param('type');
    if (!isReference(reference) || !isDecisionType(type)) return renderConsoleProblem(c, 404, '404');
    const values = await formValues(c);
    const etag = values._etag;
    if (etag && !isPageEtag(etag)) return renderConsoleProblem(c, 400, '400', { fields: [{ field: '_etag', reason: 'etag' }] });
    if (type === 'classify') {
      const asked = await nearMissesOf(c, reference, values);
      if (asked) return page(c, 400, { refused: asked });
    }
    const result = await deps.api(c).post(`/v1/complaints/${reference}/decisions`, decisionBody(type, values), etag ? { 'if-match': etag } : {});
    if (result.ok) {
      // The page after the decision shows it: the read model gets its transitions moments after the answer.
      await readModelReached(deps.sql, reference, (result.data as { seq: number }).seq);
      return c.redirect(`/console/complaints/${reference}?done=${type}#decisions`, 303);
    }
    if (result.status === 412) return page(c, 412, { stale: true, refused: null });
    if (result.status === 404) return renderConsoleProblem(c, 404, '404');
    const status = (result.status >= 400 && result.status < 600 ? result.status : 400) as ContentfulStatusCode;
    // A refusal for a decision the page offers goes beside its form; one for a decision it does not
    // offer (a role that takes none, a form from an older page) goes at the top.
    const refused = { type, values, error: result.error };
    return page(c, status, { refused, alert: result.status === 403 || result.status === 409 || result.status === 503 ? result.error.message : null });
  });

  app.post('/complaints/:reference/messages/:id/retry', async (c) => {
    const reference = c.req.param('reference');
    const id = c.req.param('id');
    if (!isReference(reference) || !/^[1-9][0-9]{0,15}$/.test(id)) return renderConsoleProblem(c, 404, '404');
    const result = await deps.api(c).post(`/v1/complaints/${reference}/messages/${id}/retry`);
    if (result.ok) return c.redirect(`/console/complaints/${reference}?retried=${id}#messages-title`, 303);
    if (result.status === 404) return renderConsoleProblem(c, 404, '404');
    return page(c, result.status as ContentfulStatusCode, { alert: result.error.message });
  });

  /** The evidence file, streamed from the API as it serves it (download, nosniff, sandboxed). */
  app.get('/complaints/:reference/attachments/:id', async (c) => {
    const reference = c.req.param('reference');
    const id = c.req.param('id');
    if (!isReference(reference) || !/^[0-9a-f-]{36}$/i.test(id)) return renderConsoleProblem(c, 404, '404');
    const response = await deps.api(c).raw(`/v1/complaints/${reference}/attachments/${id}`);
    if (!response.ok) {
      await response.body?.cancel();
      return renderConsoleProblem(c, response.status === 403 ? 403 : 404, response.status === 403 ? '403' : '404');
    }
    const headers = new Headers();
    for (const name of ['content-type', 'content-disposition', 'content-length', 'x-content-type-options', 'content-security-policy', 'cache-control']) {
      const value = response.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    return new Response(response.body, { status: 200, headers });
  });

  /** htmx: renews this person's presence and lists the others seen in the last minute. */
  app.get('/complaints/:reference/viewers', async (c) => {
    const reference = c.req.param('reference');
    if (!isReference(reference)) return renderConsoleProblem(c, 404, '404');
    const staff = c.get('staff');
    const id = await complaintIdOf(deps.sql, reference);
    if (!id) return renderConsoleFragment(c, 404, ViewerList({ viewers: [], t: staff.t }));
    await markViewing(deps.sql, id, staff.person.id);
    return renderConsoleFragment(c, 200, ViewerList({ viewers: await otherViewers(deps.sql, id, staff.person.id), t: staff.t }));
  });

  /** The page closed (navigator.sendBeacon on pagehide, the token in the form body). */
  app.post('/complaints/:reference/viewers/leave', async (c) => {
    const reference = c.req.param('reference');
    if (!isReference(reference)) return c.body(null, 404);
    const id = await complaintIdOf(deps.sql, reference);
    if (id) await stopViewing(deps.sql, id, c.get('staff').person.id);
    return c.body(null, 204);
  });

  return app;
}
