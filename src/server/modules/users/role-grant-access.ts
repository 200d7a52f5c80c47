import { type Sql, sql } from '../../db/sql.ts';
import { unitsWith } from '../../http/permissions.ts';
import type { TActingCtx } from '../../http/use-case.ts';

/**
 * Who may review and decide role grants, and where: an admin everywhere, a unit leader in the units they
 * lead. An admin's permission comes first, so a use-case declared with this list acts under it when held.
 */
export const REVIEW_GRANTS = ['manage:user:municipality', 'confirm:grant:unit'] as const;

/**
 * The grants the user may see and decide, as a predicate on `g` (role_grants). Grants without a unit
 * (caseworker, admin …) are for admins only.
 */
export function reviewableGrants(ctx: Pick<TActingCtx, 'user' | 'permission'>): Sql {
  if (ctx.permission === 'manage:user:municipality') return sql`true`;
  return sql`g.unit_id = ANY(${unitsWith(ctx, 'confirm:grant:unit')}::uuid[])`;
}
