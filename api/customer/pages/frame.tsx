// The frame of every customer page, in hono/jsx (escaping by construction): language and
// direction on <html>, security headers, no external assets. Pages pass their content as JSX.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { languageMetadata, type Language } from '../../../texts/languages.js';

/** Inline styles only; no script, image, font or frame may load. Forms post back here. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const PAGE_STYLE =
  'body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1d1d1b}' +
  'main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}' +
  '.text{white-space:pre-wrap}.note{color:#555;font-size:.9rem}' +
  '.error{border-inline-start:4px solid #b00020;padding-inline-start:1rem}' +
  'form{margin-top:1.25rem}label{display:block;margin:.75rem 0 .5rem}' +
  'textarea,input,select{width:100%;box-sizing:border-box;font-size:1rem}input,select{padding:.4rem}' +
  'input[type=checkbox],input[type=radio]{width:auto}' +
  'button{margin-top:.5rem;padding:.6rem 1.2rem;font-size:1rem}dt{font-weight:600}dd{margin:0 0 .5rem}' +
  ':focus-visible{outline:3px solid #1a56db;outline-offset:2px}';

export interface FrameProps {
  language: Language;
  title: string;
  /** Shown above the heading (the language switch). */
  header?: Child;
  children?: Child;
}

/** The whole document: `<html lang dir>`, title, one `<main>` with the page's heading. */
export function Frame({ language, title, header, children }: FrameProps) {
  const { direction } = languageMetadata(language);
  return (
    <html lang={language} dir={direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style>{PAGE_STYLE}</style>
      </head>
      <body>
        {header}
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

/** A customer page response: not indexed, not cached, not framed, loading nothing from outside. */
export function renderPage(c: Context, status: ContentfulStatusCode, props: FrameProps) {
  c.header('Content-Security-Policy', PAGE_CSP);
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Referrer-Policy', 'no-referrer'); // tokens and references are in the URLs
  return c.html(`<!doctype html>${String(<Frame {...props} />)}`, status);
}
