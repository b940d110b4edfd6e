// The HTML part of an e-mail, in hono/jsx (escaping by construction): the plain-text body as
// paragraphs, every http(s) URL a link, in the message's language and direction (Persian: rtl).
// The text part stays the body itself, so a mail client without HTML reads the same words.
import type { Child } from 'hono/jsx';

export interface EmailHtmlInput {
  /** BCP 47 language of the text (`tr`, `fa`). */
  lang: string;
  dir: 'ltr' | 'rtl';
  subject: string;
  /** Plain text: blank lines separate paragraphs, single newlines break lines. */
  text: string;
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
// A sentence's closing punctuation is not part of the link it follows.
const TRAILING = /[.,;:!?)»"'’]+$/;

const STYLE = 'body{font-family:system-ui,sans-serif;line-height:1.5;color:#1d1d1b;max-width:36rem;margin:1rem auto;padding:0 1rem}a{color:#1a56db}';

/** `<!doctype html>` + the document. */
export function renderEmailHtml(input: EmailHtmlInput): string {
  return `<!doctype html>${String(<EmailDocument {...input} />)}`;
}

function EmailDocument({ lang, dir, subject, text }: EmailHtmlInput) {
  const paragraphs = text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        {paragraphs.map((p) => (
          <p>{withBreaks(p)}</p>
        ))}
      </body>
    </html>
  );
}

function withBreaks(paragraph: string): Child[] {
  return paragraph.split('\n').flatMap((line, i) => (i === 0 ? linked(line) : [<br />, ...linked(line)]));
}

/** The line with its URLs as links; the rest stays text (escaped by hono/jsx). */
export function linked(line: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    const start = match.index;
    out.push(line.slice(last, start), <a href={url}>{url}</a>);
    last = start + url.length;
  }
  out.push(line.slice(last));
  return out.filter((part) => part !== '');
}
