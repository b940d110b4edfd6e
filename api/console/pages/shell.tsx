// The frame of every console page, in hono/jsx (escaping by construction): <html lang>, a skip
// link, the header with the sections of the session's role, the person, a role switch when they
// hold several, and sign-out; one <main> with the page's heading. Scripts are our own files only
// (CSP script-src 'self'); htmx sends the session's CSRF token with every request it makes.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ConsoleEnv, StaffSession } from '../env.js';
import { CsrfField } from './csrf-field.js';
import { PostButton } from './post-button.js';
import { NAVIGATION, type NavId } from './navigation.js';
import { consoleTranslator } from '../../../texts/console/translate.js';
import { CONSOLE_FALLBACK_LANGUAGE } from '../../../texts/console/languages.js';

const consoleCsp = (styleSrc: string) =>
  `default-src 'none'; script-src 'self'; style-src ${styleSrc}; img-src 'self' data:; connect-src 'self'; font-src 'self'; ` +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** Styles from our stylesheet only: no inline <style>, no style attributes (htmx's indicator style is off). */
export const CONSOLE_CSP = consoleCsp("'self'");
/** The script that draws a process diagram (Mermaid) writes its SVG's styles inline: only pages that load it allow that. */
export const DIAGRAM_PAGE_CSP = consoleCsp("'self' 'unsafe-inline'");
const DIAGRAM_SCRIPT = 'mermaid.min.js';

export interface ConsolePageProps {
  title: string;
  /** The header section this page belongs to (marked aria-current). */
  active?: NavId;
  /** Scripts of ours this page needs besides htmx and console.js: file names under /console/assets/. */
  scripts?: readonly string[];
  children?: Child;
}

function Header({ staff, active }: { staff: StaffSession; active: NavId | undefined }) {
  const { t } = staff;
  const sections = NAVIGATION.filter((n) => n.roles.includes(staff.role));
  return (
    <header class="console-header">
      <a class="skip-link" href="#main">
        {t('console.shell.skipToContent')}
      </a>
      <span class="product">{t('console.shell.product')}</span>
      <nav aria-label={t('console.shell.nav.label')}>
        <ul>
          {sections.map((n) => (
            <li>
              <a href={n.href} aria-current={n.id === active ? 'page' : undefined}>
                {t(`console.shell.nav.${n.id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="who">
        <span>{t('console.shell.signedInAs', { name: staff.person.name, role: t('console.shell.role', { role: staff.role }) })}</span>
        {staff.person.roles.length > 1 && (
          <form method="post" action="/console/session/role" class="inline">
            <CsrfField token={staff.csrfToken} />
            <label for="switch-role">{t('console.shell.switchRole')}</label>
            <select id="switch-role" name="role">
              {staff.person.roles.map((role) => (
                <option value={role} selected={role === staff.role}>
                  {t('console.shell.role', { role })}
                </option>
              ))}
            </select>
            <button type="submit">{t('console.shell.switchRole.submit')}</button>
          </form>
        )}
        <a href="/console/account/password">{t('console.shell.changePassword')}</a>
        <PostButton action="/console/sign-out" csrf={staff.csrfToken} formClass="inline">
          {t('console.shell.signOut')}
        </PostButton>
      </div>
    </header>
  );
}

/** The whole document for a signed-in staff member. */
export function ConsolePage({ staff, title, active, scripts = [], children }: ConsolePageProps & { staff: StaffSession }) {
  return (
    <html lang={staff.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}' />
        <title>{`${title} · ${staff.t('console.shell.product')}`}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/htmx.min.js" defer></script>
        <script src="/console/assets/console.js" defer></script>
        {scripts.map((file) => (
          <script src={`/console/assets/${file}`} defer></script>
        ))}
      </head>
      <body hx-headers={JSON.stringify({ 'X-CSRF-Token': staff.csrfToken })}>
        <Header staff={staff} active={active} />
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

function securityHeaders(c: Context, scripts: readonly string[] = []) {
  c.header('Content-Security-Policy', scripts.includes(DIAGRAM_SCRIPT) ? DIAGRAM_PAGE_CSP : CONSOLE_CSP);
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Referrer-Policy', 'same-origin');
}

/** A console page response for the signed-in staff member of `c`. */
export function renderConsolePage(c: Context<ConsoleEnv>, status: ContentfulStatusCode, props: ConsolePageProps) {
  securityHeaders(c, props.scripts);
  const staff = c.get('staff');
  c.header('Content-Language', staff.language);
  return c.html(`<!doctype html>${String(<ConsolePage staff={staff} {...props} />)}`, status);
}

/** A piece of a page for htmx to swap in (no frame). */
export function renderConsoleFragment(c: Context, status: ContentfulStatusCode, content: Child) {
  securityHeaders(c);
  return c.html(String(<>{content}</>), status);
}

/** A page before sign-in (the sign-in form): the frame without header sections. */
export function renderPublicConsolePage(
  c: Context,
  status: ContentfulStatusCode,
  props: { language: StaffSession['language']; title: string; children?: Child; /** A console path the page moves on to at once (meta refresh). */ refreshTo?: string },
) {
  securityHeaders(c);
  const t = consoleTranslator(props.language);
  c.header('Content-Language', props.language);
  const page = (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {props.refreshTo && <meta http-equiv="refresh" content={`0;url=${props.refreshTo}`} />}
        <title>{`${props.title} · ${t('console.shell.product')}`}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
      </head>
      <body>
        <header class="console-header">
          <span class="product">{t('console.shell.product')}</span>
        </header>
        <main id="main">
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
  return c.html(`<!doctype html>${String(page)}`, status);
}

export type ProblemCode = '400' | '403' | '404' | '413' | '415' | 'CSRF' | '503';

/** A refused field of a 400 page, and why (console.shell.problem.400.field). */
export interface FieldProblem {
  field: string;
  reason: 'nul' | 'file' | 'etag' | 'other';
}

/** What a refusal page says besides its code's text. */
export interface ProblemDetails {
  /** 400: each refused field. */
  fields?: readonly FieldProblem[];
  /** 400: the body is no form at all (said instead of the code's text). */
  unreadable?: boolean;
  /** The placeholders of the code's text (413: kib, 415: type). */
  values?: Readonly<Record<string, string | number>>;
}

/** A refusal as a page: for a signed-in person in their frame, else bare. */
export function renderConsoleProblem(c: Context, status: ContentfulStatusCode, code: ProblemCode, details: ProblemDetails = {}) {
  const staff = (c as Context<ConsoleEnv>).get('staff') as StaffSession | undefined;
  const t = staff?.t ?? consoleTranslator(CONSOLE_FALLBACK_LANGUAGE);
  const fields = details.fields ?? [];
  const body = (
    <>
      <p>{details.unreadable ? t('console.shell.problem.400.unreadable') : t(`console.shell.problem.${code}.text`, details.values)}</p>
      {fields.length > 0 && (
        <ul class="problem-fields">
          {fields.map((f) => (
            <li>{t('console.shell.problem.400.field', { field: f.field, reason: f.reason })}</li>
          ))}
        </ul>
      )}
    </>
  );
  if (c.req.header('hx-request')) return renderConsoleFragment(c, status, <div role="alert">{body}</div>);
  if (!staff) return renderPublicConsolePage(c, status, { language: CONSOLE_FALLBACK_LANGUAGE, title: t(`console.shell.problem.${code}.title`), children: body });
  return renderConsolePage(c as Context<ConsoleEnv>, status, { title: t(`console.shell.problem.${code}.title`), children: body });
}
