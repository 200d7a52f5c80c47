import type { z } from 'zod';
import { type TMessageKey, translate } from '../../../shared/i18n/errors';
import { ApiError } from '../../api';
import { isLocale } from '../../i18n';

type TIssue = z.core.$ZodIssue;

/** The same message key the server would answer with for this problem (see the server's parseInput). */
function problemFor(issue: TIssue): { key: TMessageKey; params?: Record<string, unknown> } {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? { key: 'field.required' }
        : { key: 'field.invalidType', params: { expected: issue.expected } };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { key: 'field.required' }
          : { key: 'field.tooShort', params: { min: issue.minimum } };
      return { key: 'field.tooSmall', params: { min: issue.minimum } };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'field.tooLong', params: { max: issue.maximum } }
        : { key: 'field.tooBig', params: { max: issue.maximum } };
    case 'invalid_value':
      return { key: 'field.invalidOption', params: { options: issue.values.join(', ') } };
    case 'custom': {
      const key = (issue.params as { key?: TMessageKey } | undefined)?.key;
      return { key: key ?? 'field.invalid' };
    }
    default:
      return { key: 'field.invalid' };
  }
}

/**
 * The server's schema found a problem before anything was sent. The error has the shape and the wording
 * of the server's 400, so the form shows both the same way.
 */
export function validationError(issues: readonly TIssue[], language: string): ApiError {
  const locale = isLocale(language) ? language : 'da';
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.join('.') || '_';
    if (fields[path]) continue;
    const problem = problemFor(issue);
    fields[path] = translate(locale, problem.key, problem.params);
  }
  return new ApiError(400, {
    code: 'VALIDATION_FAILED',
    message: translate(locale, 'VALIDATION_FAILED'),
    fields,
  });
}
