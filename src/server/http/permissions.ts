import type { TPermission, TRole } from '../../shared/permissions.ts';
import type { TCtx } from './context.ts';
import { AppError } from './errors.ts';

/** The one gate: refuses with 403 unless the user holds the permission through some role. */
export function requirePermission(ctx: Pick<TCtx, 'user'>, permission: TPermission): void {
  if (!ctx.user.permissions.has(permission)) throw new AppError('FORBIDDEN');
}

/** Refuses with 403 unless the user holds at least one of the permissions (e.g. a unit scope or the municipality's). */
export function requireAnyPermission(ctx: Pick<TCtx, 'user'>, permissions: readonly TPermission[]): void {
  if (!permissions.some((p) => ctx.user.permissions.has(p))) throw new AppError('FORBIDDEN');
}

/** Units in which the user holds a unit-scoped permission. */
export function unitsWith(ctx: Pick<TCtx, 'user'>, permission: TPermission): string[] {
  const units = new Set<string>();
  for (const g of ctx.user.grants) if (g.permission === permission && g.unitId) units.add(g.unitId);
  return [...units];
}

/** The role under which the user acts for a permission (recorded in the audit event). */
export function roleFor(ctx: Pick<TCtx, 'user'>, permission: TPermission, unitId?: string | null): TRole {
  const grant =
    ctx.user.grants.find(
      (g) => g.permission === permission && (unitId === undefined || g.unitId === unitId),
    ) ?? ctx.user.grants.find((g) => g.permission === permission);
  return grant?.role ?? ctx.user.roles[0]?.role ?? 'professional';
}
