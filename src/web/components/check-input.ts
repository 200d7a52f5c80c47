import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { translate } from '../../shared/i18n/errors';
import { ApiError } from '../api';
import { validationError } from './validation-error';

/** Today in Denmark, as the server counts it ("YYYY-MM-DD"). */
export function danishToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

/**
 * The server's rules checked in the browser before anything is sent: the request's own schema, and for
 * "held" dates that they are not after today in Denmark. The problem has the shape and wording of the
 * server's 400, so a form shows both the same way; null when the input would be accepted.
 */
export function checkInput(
  schema: z.ZodType,
  data: unknown,
  language: string,
  notInFuture: Record<string, string | undefined> = {},
): ApiError | null {
  const parsed = schema.safeParse(data, { reportInput: true });
  const fields = parsed.success ? {} : { ...validationError(parsed.error.issues, language).fields };
  const locale = language === 'en' ? 'en' : 'da';
  const today = danishToday();
  for (const [field, date] of Object.entries(notInFuture)) {
    if (date && date > today && !fields[field]) fields[field] = translate(locale, 'field.heldInFuture');
  }
  if (Object.keys(fields).length === 0) return null;
  return new ApiError(400, {
    code: 'VALIDATION_FAILED',
    message: translate(locale, 'VALIDATION_FAILED'),
    fields,
  });
}

/** A form's own check before it sends: `check` records the problem (or clears it) and says whether to send. */
export function useFormCheck() {
  const { i18n } = useTranslation();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const check = (schema: z.ZodType, data: unknown, notInFuture?: Record<string, string | undefined>) => {
    const found = checkInput(schema, data, i18n.language, notInFuture);
    setProblem(found);
    return found === null;
  };
  return { problem, check, clear: () => setProblem(null) };
}
