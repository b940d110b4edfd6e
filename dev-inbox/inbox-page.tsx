// The local inbox page: every e-mail and SMS as its recipient would see it, newest first, links
// clickable. A developer's tool (like the Temporal UI), in English: no customer or staff member
// ever reads it, and production refuses it. The e-mail's own HTML is never put into this page:
// it is served from its own route with a sandboxing CSP and shown in a sandboxed iframe.
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { InboxEmail, InboxMessage, InboxSms, InboxStore } from './store.js';

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** The e-mail's HTML: no script, nothing loaded from outside, links open in a new tab. */
const EMAIL_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox";
const IFRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:0;background:#f3f3f1;color:#1d1d1b}' +
  'main{max-width:60rem;margin:1rem auto;padding:0 1rem}' +
  'article{background:#fff;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0;box-shadow:0 1px 2px #0002}' +
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}' +
  '.text{white-space:pre-wrap;overflow-wrap:anywhere;background:#fafaf8;padding:.75rem;border-radius:4px}' +
  'iframe{width:100%;height:24rem;border:1px solid #ccc;border-radius:4px;resize:vertical;background:#fff}' +
  '.kind{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:#555}' +
  '.duplicate{background:#b00020;color:#fff;padding:.1rem .5rem;border-radius:4px;font-weight:600}' +
  'h2{margin:.25rem 0;font-size:1.15rem}:focus-visible{outline:3px solid #1a56db;outline-offset:2px}';

export function createInboxApp(store: InboxStore): Hono {
  const app = new Hono();

  app.get('/api/messages', (c) => c.json({ messages: forRecipient(store.list(), c.req.query('to')) }));

  app.get('/', (c) => {
    const to = c.req.query('to') || undefined;
    const all = store.list();
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${String(<InboxPage all={all} shown={forRecipient(all, to)} to={to} />)}`);
  });

  app.get('/messages/:id/html', (c) => {
    const message = store.get(c.req.param('id'));
    if (message?.kind !== 'email' || message.html === null) return c.text('no HTML version', 404);
    c.header('Content-Security-Policy', EMAIL_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store');
    // A link followed inside the frame would open Plaint's page in it, which refuses framing.
    return c.html(`<base target="_blank">${message.html}`);
  });

  return app;
}

function forRecipient(messages: InboxMessage[], to: string | undefined): InboxMessage[] {
  if (!to) return messages;
  const wanted = to.trim().toLowerCase();
  return messages.filter((m) => (m.kind === 'email' ? m.to.includes(wanted) : m.to === wanted));
}

function recipients(messages: InboxMessage[]): string[] {
  return [...new Set(messages.flatMap((m) => (m.kind === 'email' ? m.to : [m.to])))].sort();
}

function InboxPage({ all, shown, to }: { all: InboxMessage[]; shown: InboxMessage[]; to: string | undefined }) {
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Plaint dev inbox</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <main>
          <h1>Plaint dev inbox</h1>
          <p>
            Every e-mail and SMS Plaint sent on this machine, newest first. Nothing here left the machine.{' '}
            <a href={to ? `/?to=${encodeURIComponent(to)}` : '/'}>Refresh</a>
          </p>
          <form method="get" action="/">
            <label for="to">Recipient </label>
            <select id="to" name="to">
              <option value="">everyone ({all.length})</option>
              {recipients(all).map((r) => (
                <option value={r} selected={r === to}>
                  {r}
                </option>
              ))}
            </select>{' '}
            <button type="submit">Show</button>
          </form>
          {shown.length === 0 ? <p>No messages yet.</p> : shown.map((m) => (m.kind === 'email' ? <Email mail={m} /> : <Sms sms={m} />))}
        </main>
      </body>
    </html>
  );
}

function Email({ mail }: { mail: InboxEmail }) {
  return (
    <article aria-labelledby={`m-${mail.id}`}>
      <div class="kind">E-mail · {mail.receivedAt}</div>
      <h2 id={`m-${mail.id}`} dir="auto">
        {mail.subject || '(no subject)'}
      </h2>
      {mail.duplicates > 0 ? (
        <p class="duplicate">duplicate received: the same Message-ID arrived {mail.duplicates + 1} times</p>
      ) : null}
      <dl>
        <dt>From</dt>
        <dd dir="auto">{mail.from}</dd>
        <dt>To</dt>
        <dd>{mail.headers.to ?? mail.to.join(', ')}</dd>
        <dt>Reply-To</dt>
        <dd>{mail.replyTo ?? '—'}</dd>
        <dt>Message-ID</dt>
        <dd>{mail.messageId ?? '—'}</dd>
      </dl>
      {mail.html !== null ? <iframe title={`HTML version: ${mail.subject}`} sandbox={IFRAME_SANDBOX} src={`/messages/${mail.id}/html`} /> : null}
      <details open={mail.html === null}>
        <summary>Text version</summary>
        <div class="text" dir="auto">
          {linkified(mail.text)}
        </div>
      </details>
      <details>
        <summary>All headers</summary>
        <dl>
          {Object.entries(mail.headers).map(([name, value]) => (
            <>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
      </details>
    </article>
  );
}

function Sms({ sms }: { sms: InboxSms }) {
  return (
    <article aria-labelledby={`m-${sms.id}`}>
      <div class="kind">SMS · {sms.receivedAt}</div>
      <h2 id={`m-${sms.id}`}>SMS to {sms.to}</h2>
      {sms.duplicates > 0 ? <p class="duplicate">sent again with the same id {sms.duplicates} time(s); kept once</p> : null}
      <div class="text" dir="auto">
        {linkified(sms.text)}
      </div>
      <dl>
        <dt>Encoding</dt>
        <dd>{sms.encoding}</dd>
        <dt>Segments</dt>
        <dd>{sms.segments}</dd>
        <dt>Characters</dt>
        <dd>{[...sms.text].length}</dd>
        <dt>Status</dt>
        <dd>
          {sms.status}
          {sms.reportResult ? ` (delivery report to Plaint: ${sms.reportResult})` : ''}
        </dd>
        <dt>Sender's id</dt>
        <dd>{sms.clientId}</dd>
      </dl>
    </article>
  );
}

/** Text with every http(s) address as a link (escaped by JSX; only http and https become links). */
function linkified(text: string): Child[] {
  const parts: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    parts.push(text.slice(last, start), <a href={url}>{url}</a>);
    last = start + url.length;
  }
  parts.push(text.slice(last));
  return parts;
}
