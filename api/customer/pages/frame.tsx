// The frame of every customer page, in hono/jsx (escaping by construction): language and
// direction on <html>, the language switch, security headers, no external assets. Pages pass
// their content as JSX. Styles use logical properties (margin-inline, border-inline-start), so a
// right-to-left page (Persian) mirrors without a stylesheet of its own.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { languageMetadata, type Language } from '../../../texts/languages.js';
import { LanguageSwitch } from './language-switch.js';

export const PAGE_STYLE =
  'body{font-family:system-ui,"Noto Sans","Noto Sans Arabic","DejaVu Sans",sans-serif;margin:0;background:#f6f6f4;color:#1d1d1b;line-height:1.5}' +
  ':lang(fa){font-family:"Vazirmatn","Noto Sans Arabic","Noto Naskh Arabic",Tahoma,"DejaVu Sans",sans-serif}' +
  'header,main{max-width:36rem;margin-inline:auto}header{padding:.75rem 1.5rem 0}' +
  'main{margin-block:1rem 2rem;padding:1.5rem;background:#fff;border-radius:8px}' +
  'a{color:#1a47b8}' +
  '.languages ul{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.25rem .75rem;list-style:none;margin:0;padding:0}' +
  '.languages a{display:inline-block;min-height:24px;min-width:24px;padding:.25rem .5rem}' +
  '.languages a[aria-current]{font-weight:700;text-decoration:none;border-block-end:2px solid currentColor}' +
  '.text{white-space:pre-wrap}.note{color:#555;font-size:.9rem}' +
  '.error{border-inline-start:4px solid #b00020;padding-inline-start:1rem}' +
  'form{margin-top:1.25rem}label{display:block;margin:.75rem 0 .5rem}' +
  'textarea,input,select{width:100%;box-sizing:border-box;font-size:1rem;font-family:inherit}input,select{padding:.4rem}' +
  'input[type=checkbox],input[type=radio]{width:auto}' +
  'button{margin-top:.5rem;padding:.6rem 1.2rem;font-size:1rem;font-family:inherit}dt{font-weight:600}dd{margin:0 0 .5rem}' +
  ':focus-visible{outline:3px solid #1a56db;outline-offset:2px}' +
  '.pin{font-size:1.25rem;letter-spacing:.1em}.field-error{color:#b00020;font-weight:600;margin:.25rem 0}' +
  '.page-languages{max-width:36rem;margin:1rem auto 0;padding:0 1.5rem}' +
  '.choices{list-style:none;display:flex;gap:1rem;justify-content:center;padding:0}' +
  '.offscreen{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}';

/**
 * No script, image, font or frame may load; the one style is our own <style> element, allowed by
 * its hash (no style attributes, no injected <style>: an injected one could restyle a page into a
 * phishing form). Forms post back here.
 */
export const PAGE_CSP =
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'; ` +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface FrameProps {
  language: Language;
  title: string;
  /** Shown above the heading; renderPage puts the language switch for the page's URL here when left out. */
  header?: Child;
  children?: Child;
}

/** The whole document: `<html lang dir>`, title, the header, one `<main>` with the page's heading. */
export function Frame({ language, title, header, children }: FrameProps) {
  const { direction } = languageMetadata(language);
  return (
    <html lang={language} dir={direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        {/* A constant of ours, not escaped: escaping would turn the CSS's quotes into entities, which <style> does not decode. */}
        <style dangerouslySetInnerHTML={{ __html: PAGE_STYLE }} />
      </head>
      <body>
        <header>{header}</header>
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

/**
 * A customer page response: not indexed, not cached, not framed, loading nothing from outside.
 * Without a `header`, the page carries the language switch for its own URL.
 */
export function renderPage(c: Context, status: ContentfulStatusCode, props: FrameProps) {
  c.header('Content-Security-Policy', PAGE_CSP);
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Referrer-Policy', 'no-referrer'); // tokens and references are in the URLs
  c.header('Content-Language', props.language);
  const header = props.header === undefined ? <LanguageSwitch current={props.language} url={c.req.url} /> : props.header;
  return c.html(`<!doctype html>${String(<Frame {...props} header={header} />)}`, status);
}
