import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { unitsWith } from '../../http/permissions.ts';

/**
 * Who may see which child, and why. Today one relation gives access: a current enrolment of the child
 * in a unit where the user holds `read:child:unit` (professionals and unit leaders). Admins, analysts and
 * the authority's roles hold no such grant and see no child. Later relations (case, meeting, consent)
 * join here, each with its own reason for the audit log.
 */
export interface TChildRelation {
  /** 'coordinator': the user is the child's named coordinator (issue 4); unit = the child's current unit. */
  kind: 'enrolment' | 'coordinator';
  unitId: string;
  unitName: string;
}

export function readableUnits(ctx: Pick<TCtx, 'user'>): string[] {
  return unitsWith(ctx, 'read:child:unit');
}

/**
 * SQL (child alias `c`) joining the relation that lets the user see the child: a current enrolment in one
 * of `unitsParam`. Used as `JOIN LATERAL (…) rel ON true`, so a child without a relation yields no row.
 */
export function relationSql(unitsParam: string, coordinatorUserParam?: string): string {
  const enrolment = `SELECT e.unit_id AS rel_unit_id, u.name AS rel_unit_name, 'enrolment' AS rel_kind
            FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
           WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id AND e.unit_id = ANY(${unitsParam}::uuid[])
             AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)
           ORDER BY e.from_date LIMIT 1`;
  if (!coordinatorUserParam) return enrolment;
  // The named coordinator sees the child while it is enrolled somewhere, whichever unit that is.
  return `(${enrolment}) UNION ALL (SELECT e.unit_id, u.name, 'coordinator'
            FROM child_coordinators cc
            JOIN enrolments e ON e.municipality_id = cc.municipality_id AND e.child_id = cc.child_id
             AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)
            JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
           WHERE cc.municipality_id = c.municipality_id AND cc.child_id = c.id AND cc.user_id = ${coordinatorUserParam}::uuid
           ORDER BY e.from_date LIMIT 1) LIMIT 1`;
}

export function relationFromRow(row: {
  rel_unit_id: string;
  rel_unit_name: string;
  rel_kind?: string;
}): TChildRelation {
  const kind = row.rel_kind === 'coordinator' ? 'coordinator' : 'enrolment';
  return { kind, unitId: row.rel_unit_id, unitName: row.rel_unit_name };
}

/** The ids among `childIds` the user may see, each with the relation that allows it. */
export async function accessibleChildren(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  childIds: string[],
): Promise<Map<string, TChildRelation>> {
  const units = readableUnits(ctx);
  const result = new Map<string, TChildRelation>();
  if (childIds.length === 0) return result;
  const { rows } = await q.query(
    `SELECT c.id, rel.* FROM children c JOIN LATERAL (${relationSql('$3', '$4')}) rel ON true
      WHERE c.municipality_id = $1 AND c.id = ANY($2::uuid[])`,
    [ctx.user.municipalityId, childIds, units, ctx.user.userId],
  );
  for (const r of rows) result.set(r.id, relationFromRow(r));
  return result;
}

export function relationPurpose(relation: TChildRelation): string {
  return `${relation.kind}:${relation.unitId}`;
}
