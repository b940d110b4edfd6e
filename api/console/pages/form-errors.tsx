// The API's VALIDATION_FAILED details beside the fields they name: `issuesByPath` groups them,
// <FieldError> renders one field's (its id is what the input's aria-describedby names), and
// <FormErrorSummary> lists them all at the top with links to the fields (WCAG 3.3.1).
import type { ApiError } from '../api-client.js';
import type { ConsoleTranslate } from '../../../texts/console/translate.js';

export type IssuesByPath = ReadonlyMap<string, readonly string[]>;

/** { path → messages } of a VALIDATION_FAILED error (`body.` and `query.` prefixes dropped); empty for any other error. */
export function issuesByPath(error: ApiError | undefined): IssuesByPath {
  const map = new Map<string, string[]>();
  if (!error || !Array.isArray(error.details)) return map;
  for (const issue of error.details as unknown[]) {
    if (!issue || typeof issue !== 'object') continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const key = path.replace(/^(body|query)\./, '');
    map.set(key, [...(map.get(key) ?? []), message]);
  }
  return map;
}

/** The id of a field's error text, for the input's `aria-describedby`. */
export const fieldErrorId = (formId: string, path: string) => `${formId}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}-error`;

/** Attributes for an input whose field may have errors. */
export function fieldAttributes(issues: IssuesByPath, formId: string, path: string): Record<string, string> {
  return issues.has(path) ? { 'aria-invalid': 'true', 'aria-describedby': fieldErrorId(formId, path) } : {};
}

export function FieldError({ issues, formId, path }: { issues: IssuesByPath; formId: string; path: string }) {
  const messages = issues.get(path);
  if (!messages?.length) return null;
  return (
    <p class="field-error" id={fieldErrorId(formId, path)}>
      {messages.join(' ')}
    </p>
  );
}

/**
 * The top of a refused form: the count and one link per field, or the API's message when the
 * refusal names no field (a conflict, a role). `fieldIds` maps a path to its input's id.
 */
export function FormErrorSummary({ error, issues, t, fieldIds = {} }: { error: ApiError | undefined; issues: IssuesByPath; t: ConsoleTranslate; fieldIds?: Readonly<Record<string, string>> }) {
  if (!error) return null;
  if (issues.size === 0) {
    return (
      <div class="form-errors" role="alert">
        <p>{t('console.shell.formErrors.refused', { message: error.message })}</p>
      </div>
    );
  }
  return (
    <div class="form-errors" role="alert">
      <p>{t('console.shell.formErrors.summary', { count: issues.size })}</p>
      <ul>
        {[...issues].map(([path, messages]) => (
          <li>{fieldIds[path] ? <a href={`#${fieldIds[path]}`}>{`${path}: ${messages.join(' ')}`}</a> : `${path}: ${messages.join(' ')}`}</li>
        ))}
      </ul>
    </div>
  );
}
