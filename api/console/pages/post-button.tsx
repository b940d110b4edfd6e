// A form that is one button: it posts to `action` with the session's CSRF field and its hidden
// fields (claim next, release, retry a message, move or delete a saved queue, sign out, …).
import type { Child } from 'hono/jsx';
import { CsrfField } from './csrf-field.js';

export interface PostButtonProps {
  action: string;
  /** The session's CSRF token (StaffSession.csrfToken). */
  csrf: string;
  /** Fields posted with it, in this order. */
  hidden?: Readonly<Record<string, string>>;
  /** The form's class (`inline` beside other content). */
  formClass?: string;
  /** The button's own attributes besides `type`: class, aria-label, data-…, in this order. */
  button?: Readonly<Record<string, string | undefined>>;
  /** The button's label. */
  children: Child;
}

export function PostButton({ action, csrf, hidden = {}, formClass, button = {}, children }: PostButtonProps) {
  return (
    <form method="post" action={action} class={formClass}>
      <CsrfField token={csrf} />
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" {...button}>
        {children}
      </button>
    </form>
  );
}
