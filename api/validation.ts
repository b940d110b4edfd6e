import type { Hook } from '@hono/zod-openapi';
import { fieldIssues, validationError } from './errors.js';

/** Turns a failed request validation into 400 VALIDATION_FAILED with one entry per bad field. */
export const validationHook: Hook<unknown, any, any, any> = (result) => {
  if (!result.success) {
    const prefix = result.target === 'json' ? [] : [result.target];
    throw validationError(fieldIssues(result.error.issues, prefix));
  }
};
