import { ApiError } from '../api';

/**
 * The server names fields by path ("email", "roles.0.unitId"); a form shows each message on the
 * nearest field it has.
 */
export function fieldError(error: unknown, name: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const exact = error.fields[name];
  if (exact) return exact;
  const nested = Object.entries(error.fields).find(
    ([key]) => key.startsWith(`${name}.`) || key.startsWith(`${name}[`),
  );
  return nested?.[1];
}
