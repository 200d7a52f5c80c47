import type { z } from 'zod';
import { translate } from '../../shared/i18n/errors';
import { fieldProblems } from '../../shared/schemas/field-problems';
import { ApiError } from '../api';

/**
 * The server's schema found a problem before anything was sent. The error has the shape and the wording
 * of the server's 400 (one shared mapping from issue to message), so the form shows both the same way.
 * Parse with `{ reportInput: true }`, as the server does.
 */
export function validationError(issues: readonly z.core.$ZodIssue[], language: string): ApiError {
  const locale = language === 'en' ? 'en' : 'da';
  const fields: Record<string, string> = {};
  for (const [path, problem] of Object.entries(fieldProblems(issues))) {
    fields[path] = translate(locale, problem.key, problem.params);
  }
  return new ApiError(400, {
    code: 'VALIDATION_FAILED',
    message: translate(locale, 'VALIDATION_FAILED'),
    fields,
  });
}
