import type { z } from 'zod';
import { AppError, type TFieldProblem } from './errors.ts';

type TIssue = z.core.$ZodIssue;

function problemFor(issue: TIssue): TFieldProblem {
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
      if (issue.format === 'email') return { key: 'field.invalidEmail' };
      if (issue.format === 'uuid' || issue.format === 'guid') return { key: 'field.invalidUuid' };
      if (issue.format === 'date') return { key: 'field.invalidDate' };
      return { key: 'field.invalid' };
    case 'invalid_value':
      return { key: 'field.invalidOption', params: { options: issue.values.join(', ') } };
    case 'custom': {
      const key = (issue.params as { key?: TFieldProblem['key'] } | undefined)?.key;
      return { key: key ?? 'field.invalid' };
    }
    default:
      return { key: 'field.invalid' };
  }
}

/** PostgreSQL text cannot hold NUL; such input is refused at the door, naming the field. */
function pathWithNul(value: unknown, path: string[]): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '_' : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, '_'].join('.');
      const found = pathWithNul(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** Parses request input with a zod schema; every problem is named by its field, nothing reaches a use-case unparsed. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const nul = pathWithNul(data, []);
  if (nul) throw new AppError('VALIDATION_FAILED', { fields: { [nul || '_']: { key: 'field.invalid' } } });
  const result = schema.safeParse(data ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const fields: Record<string, TFieldProblem> = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = { key: 'field.unknown' };
      continue;
    }
    const path = issue.path.join('.') || '_';
    fields[path] ??= problemFor(issue);
  }
  throw new AppError('VALIDATION_FAILED', { fields });
}
