import type { z } from 'zod';
import { fieldProblems } from '../../shared/schemas/field-problems.ts';
import { AppError } from './errors.ts';

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
  throw new AppError('VALIDATION_FAILED', { fields: fieldProblems(result.error.issues) });
}
