import type { TCtx } from '../../http/context.ts';
import { unitsWith } from '../../http/permissions.ts';

/** Who may review and decide role grants, and where: an admin everywhere, a unit leader in the units they lead. */
export const REVIEW_GRANTS = ['manage:user:municipality', 'confirm:grant:unit'] as const;

/**
 * The grants a user may see and decide, as a predicate on `g` (role_grants) with its own parameter appended
 * to `params`. Grants without a unit (caseworker, admin …) are for admins only.
 */
export function reviewableGrantsSql(ctx: TCtx, params: unknown[]): string {
  if (ctx.user.permissions.has('manage:user:municipality')) return 'true';
  params.push(unitsWith(ctx, 'confirm:grant:unit'));
  return `g.unit_id = ANY($${params.length}::uuid[])`;
}
