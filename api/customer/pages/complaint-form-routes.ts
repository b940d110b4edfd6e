// GET/POST /complaints/new: the public complaint form, the recommended channel. The POST files
// through the same intake as POST /v1/complaints (fileComplaint), counted against the same
// per-address budget (complaintFormAdmission, before the body is read), and answers with the
// confirmation page itself: no redirect, so the PIN is in no URL, and pressing submit twice (or
// reloading) sends the same hidden form key and shows the same complaint again.
import { randomInt, randomUUID } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import type { ComplaintFormSettings } from '../../../config/complaint-form.js';
import { DomainError } from '../../../domain/errors.js';
import { formatReference } from '../../../domain/reference.js';
import { generatePin } from '../../../security/pin.js';
import { isLanguage, type Language } from '../../../texts/languages.js';
import { translate } from '../../../texts/translate.js';
import type { AppEnv } from '../../http/app-env.js';
import { clientAddress, clientNetwork, type ClientAddressHasher } from '../../http/client-address.js';
import { idempotencyKeySchema } from '../../http/idempotency-key.js';
import type { RateLimiter } from '../../http/rate-limit.js';
import { callerScopedKey } from '../../intake/routes.js';
import type { FormGuard } from '../complaint-form-csrf.js';
import { checkForm, fileThroughForm, readPostedForm, type FormIntakeDeps, type FormValues } from '../complaint-form.js';
import { renderConfirmationPage, renderForeignOriginPage } from './complaint-form-confirmation.js';
import { privacyNoticeText, renderFormPage, type FormPageProps } from './complaint-form-page.js';
import { acceptedLanguage } from './page-language.js';

export interface ComplaintFormDeps extends FormIntakeDeps {
  settings: ComplaintFormSettings;
  guard: FormGuard;
  trustProxy: boolean;
  hashClientAddress: ClientAddressHasher;
  log: Logger;
}

export function complaintFormRoutes(deps: ComplaintFormDeps) {
  const { settings, guard, log } = deps;
  /** The form again with a new key and token: nothing of the refused post is reused but its words. */
  const freshForm = (c: Context, status: ContentfulStatusCode, language: Language, extra: Partial<FormPageProps> = {}) =>
    renderFormPage(c, status, { language, settings, formKey: randomUUID(), csrfToken: guard.issueToken(c), ...extra });

  return new Hono<AppEnv>()
    .get('/new', (c) => freshForm(c, 200, pageLanguage(c, c.req.query('lang'))))
    .post('/new', async (c) => {
      let language = pageLanguage(c, c.req.query('lang'));
      if (!(await guard.sameOrigin(c))) return renderForeignOriginPage(c, language);
      const form = await readPostedForm(c);
      if (!form) return freshForm(c, 400, language, { notice: translate(language, 'form.problem.unreadable') });
      language = pageLanguage(c, form.pageLanguage ?? c.req.query('lang'));
      const values: FormValues = form.values;
      const formKey = idempotencyKeySchema.safeParse(form.formKey);
      if (!guard.tokenMatches(c, form.csrfToken) || !formKey.success) {
        return freshForm(c, 403, language, { values, notice: translate(language, 'form.problem.expired') });
      }
      if (form.honeypot !== '') {
        // Looks filed, files nothing: a bot learns nothing from the answer.
        log.info({ requestId: c.get('requestId') }, 'complaint form: honeypot filled, nothing filed');
        return renderConfirmationPage(c, 201, {
          language,
          reference: formatReference(new Date(), randomInt(1, 1_000_000)),
          pin: generatePin(),
          email: values.email || undefined,
          phone: values.phone || undefined,
          attachmentCount: form.files.length,
        });
      }
      const checked = checkForm(values, form.files, settings);
      if (!checked.ok) {
        return renderFormPage(c, 400, { language, settings, values, problems: checked.problems, formKey: formKey.data, csrfToken: guard.issueToken(c) });
      }
      const scopedKey = callerScopedKey(undefined, deps.hashClientAddress(clientAddress(c, deps.trustProxy)), formKey.data);
      try {
        const result = await fileThroughForm(
          deps,
          { request: checked.request, files: checked.files, noticeText: privacyNoticeText(settings, language), noticeLanguage: language },
          scopedKey,
        );
        if (result.workflowPending) {
          log.warn({ requestId: c.get('requestId'), complaintId: result.response.id }, 'complaint stored but its workflow could not start (Temporal unavailable); the intake reconciler will start it');
        }
        const { customer } = checked.request;
        return renderConfirmationPage(c, result.created ? 201 : 200, {
          language,
          reference: result.response.reference,
          pin: result.response.pin,
          email: customer.email,
          phone: customer.phone,
          attachmentCount: result.attachmentCount,
        });
      } catch (err) {
        if (err instanceof DomainError && err.code === 'CONFLICT') {
          return freshForm(c, 409, language, { values, notice: translate(language, 'form.problem.alreadySent') });
        }
        log.error({ err, requestId: c.get('requestId') }, 'complaint form: filing failed');
        return freshForm(c, 500, language, { values, notice: translate(language, 'form.problem.internal') });
      }
    });
}

/**
 * Counts a POST /complaints/new against the address's intake budget, shared with keyless POST
 * /v1/complaints, before the body is read; over it, the form again with 429.
 */
export function complaintFormAdmission(deps: Pick<ComplaintFormDeps, 'settings' | 'guard' | 'trustProxy'> & { publicIntakeLimiter: RateLimiter }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const verdict = await deps.publicIntakeLimiter.hit(clientNetwork(clientAddress(c, deps.trustProxy)));
    if (!verdict.allowed) {
      const language = pageLanguage(c, c.req.query('lang'));
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      return renderFormPage(c, 429, {
        language,
        settings: deps.settings,
        formKey: randomUUID(),
        csrfToken: deps.guard.issueToken(c),
        notice: translate(language, 'form.problem.rateLimited', { minutes }),
      });
    }
    await next();
  };
}

/** The form again when its body passes the form's limit (the files together are too large). */
export function complaintFormTooLarge(deps: Pick<ComplaintFormDeps, 'settings' | 'guard'>) {
  return (c: Context) =>
    renderFormPage(c, 413, {
      language: pageLanguage(c, c.req.query('lang')),
      settings: deps.settings,
      formKey: randomUUID(),
      csrfToken: deps.guard.issueToken(c),
      problems: [{ field: 'attachments', key: 'form.error.attachments.tooLargeTotal', values: { totalSize: deps.settings.attachments.maxTotalBytes } }],
    });
}

/** The form's body limit: every file at its largest within the total, and the text fields around them. */
export function complaintFormBodyLimit(settings: ComplaintFormSettings): number {
  return settings.attachments.maxTotalBytes + 256 * 1024;
}

/** `?lang=` (or the form's `lang`) if we have texts in it, else the browser's preference, else Turkish. */
function pageLanguage(c: Context, requested: string | undefined): Language {
  const asked = requested?.toLowerCase();
  return (asked !== undefined && isLanguage(asked) ? asked : undefined) ?? acceptedLanguage(c.req.header('accept-language')) ?? 'tr';
}
