import type { z } from 'zod';
import type { TMessageKey } from '../i18n/errors.ts';

/** One field's problem as a message key and its parameters; each side translates it into the user's language. */
export interface TFieldProblem {
  key: TMessageKey;
  params?: Record<string, unknown>;
}

type TIssue = z.core.$ZodIssue;

/**
 * The problem a zod issue stands for. The server's 400 and a form checking the same schema before sending
 * both use this, so the user reads the same words either way. Parse with `{ reportInput: true }`: a value
 * of the wrong type is told apart from a missing one by the input.
 */
export function problemFor(issue: TIssue): TFieldProblem {
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
    case 'invalid_format':
      // An empty date or address was left out, not written wrongly.
      if (issue.input === '') return { key: 'field.required' };
      if (issue.format === 'email') return { key: 'field.invalidEmail' };
      if (issue.format === 'uuid' || issue.format === 'guid') return { key: 'field.invalidUuid' };
      if (issue.format === 'date') return { key: 'field.invalidDate' };
      return { key: 'field.invalid' };
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

/** One problem per field path (the first found), `_` for the input as a whole; each unknown key named as such. */
export function fieldProblems(issues: readonly TIssue[]): Record<string, TFieldProblem> {
  const fields: Record<string, TFieldProblem> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = { key: 'field.unknown' };
      continue;
    }
    const path = issue.path.join('.') || '_';
    fields[path] ??= problemFor(issue);
  }
  return fields;
}
