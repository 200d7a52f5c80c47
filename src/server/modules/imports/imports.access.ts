import { type Sql, sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { unitsWith } from '../../http/permissions.ts';

/**
 * Who may follow an import: the user who started it, and the leaders of the round's units (they answer
 * for the unit's assessments). Its error report names rows and columns, never a child or a CPR number.
 *
 * SQL (import alias `i`): the user started it, or leads one of the round's units.
 */
export function importAccess(userId: string, ledUnits: readonly string[]): Sql {
  return sql`(i.user_id = ${userId} OR EXISTS (
            SELECT 1 FROM round_units ru WHERE ru.municipality_id = i.municipality_id AND ru.round_id = i.round_id
               AND ru.unit_id = ANY(${ledUnits}::uuid[])))`;
}

export function ledUnits(ctx: Pick<TCtx, 'user'>): string[] {
  return unitsWith(ctx, 'manage:round:unit');
}

/** The units through which the user assesses: an import needs one of them in the round. */
export function assessingUnits(ctx: Pick<TCtx, 'user'>): string[] {
  return unitsWith(ctx, 'write:assessment:unit');
}
