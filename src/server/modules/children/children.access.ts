import type { TPermission } from '../../../shared/permissions.ts';
import { coordinatorRelation } from '../../access/coordinator.ts';
import { enrolmentRelation } from '../../access/enrolment.ts';
import type { TAccess, TChildRelation } from '../../access/relations.ts';
import type { Queryable } from '../../db/client.ts';
import { type Sql, sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { unitsWith } from '../../http/permissions.ts';

/**
 * Who may see which child, and why (decision 021): a current enrolment of the child in a unit where the
 * user holds the permission (`read:child:unit` for the register, `read:concern:unit` for concerns …), or
 * being the child's named coordinator. Admins, analysts and the authority's roles hold no such grant and
 * see no child. The relation names the audit event's purpose (`auditPurpose`).
 */
export function readableUnits(
  ctx: Pick<TCtx, 'user'>,
  permission: TPermission = 'read:child:unit',
): string[] {
  return unitsWith(ctx, permission);
}

/**
 * For `JOIN LATERAL (…) rel ON true` on a child (alias `child`): the enrolment in one of `units` or, when
 * `coordinatorUserId` is given, the coordinatorship giving the relation — columns `rel_unit_id`,
 * `rel_unit_name`, `rel_kind`. A child without a relation yields no row.
 */
export function childRelation(units: readonly string[], coordinatorUserId?: string, child = 'c'): Sql {
  const enrolment = enrolmentRelation(units, child);
  if (!coordinatorUserId) return enrolment;
  return sql`(${enrolment}) UNION ALL (${coordinatorRelation(coordinatorUserId, child)}) LIMIT 1`;
}

export function childRelationFromRow(row: {
  rel_unit_id: string;
  rel_unit_name: string;
  rel_kind?: string;
}): TChildRelation {
  const kind = row.rel_kind === 'coordinator' ? 'coordinator' : 'enrolment';
  return { kind, unitId: row.rel_unit_id, unitName: row.rel_unit_name };
}

/** The ids among `childIds` the user may see with the permission, each with the relation that allows it. */
export async function accessibleChildren(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  childIds: readonly string[],
  permission: TPermission = 'read:child:unit',
): Promise<TAccess<TChildRelation>> {
  const result: TAccess<TChildRelation> = new Map();
  if (childIds.length === 0) return result;
  const relation = childRelation(readableUnits(ctx, permission), ctx.user.userId);
  const { rows } = await q.query(
    sql`SELECT c.id, rel.* FROM children c JOIN LATERAL (${relation}) rel ON true
         WHERE c.municipality_id = ${ctx.user.municipalityId} AND c.id = ANY(${childIds}::uuid[])`,
  );
  for (const r of rows) result.set(r.id, childRelationFromRow(r));
  return result;
}

/** The relation to one child, or undefined: `accessibleChildren` for a single id. */
export async function childAccess(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  childId: string,
  permission: TPermission = 'read:child:unit',
): Promise<TChildRelation | undefined> {
  return (await accessibleChildren(q, ctx, [childId], permission)).get(childId);
}
