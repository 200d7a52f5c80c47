import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../api';

/**
 * The server's schema found a problem before anything was sent: the same shape as the server's 400
 * (a message and one per field path), so a form shows both the same way.
 */
export function validationError(issues: readonly z.core.$ZodIssue[], t: TFunction): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.join('.');
    if (fields[path]) continue;
    fields[path] = issueMessage(issue, t);
  }
  return new ApiError(400, { code: 'VALIDATION_FAILED', message: t('form.invalidSummary'), fields });
}

function issueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? t('form.required') : t('form.tooFew');
    case 'too_big':
      return issue.origin === 'string' ? t('form.tooLong', { max: issue.maximum }) : t('form.invalid');
    case 'invalid_format':
      return t('form.invalidDate');
    case 'invalid_value':
    case 'invalid_type':
      return t('form.choose');
    case 'custom':
      return issue.params?.key === 'field.closesBeforeOpens'
        ? t('form.closesBeforeOpens')
        : t('form.invalid');
    default:
      return t('form.invalid');
  }
}
