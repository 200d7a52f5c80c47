import type { TPermission } from '../../shared/permissions.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import type { TCtx } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { accessibleChildren } from '../modules/children/children.access.ts';
import { caseRelation, caseRelationFromRow, caseScope } from './case.ts';
import type { TCaseRelation, TChildRelation } from './relations.ts';

/**
 * A member of staff's way to a child for a capability that both the units and the authority work on (referrals,
 * the network): with the unit-scoped permission, a current enrolment in one of their units or being the child's
 * coordinator; else, with the team-scoped one, a case of the child they reach (decision 021).
 */
export interface TStaffRelation {
  relation: TChildRelation | TCaseRelation;
  /** Where the user acts from: the unit of the relation, or the team of the case. */
  unitId: string | null;
  teamId: string | null;
  /** The permission the relation was found under (the role recorded in the audit event). */
  permission: TPermission;
}

export interface TStaffPermissions {
  unit: TPermission;
  team: TPermission;
}

/**
 * The ids among `childIds` the user reaches, each with its relation: the unit's way first, then a case (the open
 * one first; only open cases when `openCases`). A missing id means no access.
 */
export async function staffRelations(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  childIds: readonly string[],
  permissions: TStaffPermissions,
  options: { openCases?: boolean } = {},
): Promise<Map<string, TStaffRelation>> {
  const result = new Map<string, TStaffRelation>();
  const { unit, team } = permissions;
  if (ctx.user.permissions.has(unit)) {
    for (const [id, relation] of await accessibleChildren(q, ctx, childIds, unit))
      result.set(id, { relation, unitId: relation.unitId, teamId: null, permission: unit });
  }
  const rest = childIds.filter((id) => !result.has(id));
  if (rest.length === 0 || !ctx.user.permissions.has(team)) return result;
  const { rows } = await q.query(
    sql`SELECT DISTINCT ON (c.child_id) c.child_id, c.team_id, rel.*
          FROM cases c JOIN LATERAL (${caseRelation(caseScope(ctx, team))}) rel ON true
         WHERE c.municipality_id = ${ctx.user.municipalityId} AND c.child_id = ANY(${rest}::uuid[])
           ${options.openCases ? sql`AND c.status = 'open'` : sql.empty}
         ORDER BY c.child_id, c.status = 'open' DESC, c.created_at DESC`,
  );
  for (const row of rows)
    result.set(row.child_id, {
      relation: caseRelationFromRow(row),
      unitId: null,
      teamId: row.team_id,
      permission: team,
    });
  return result;
}

/** The user's relation to one child; 404 when there is none, so the child's existence is never confirmed. */
export async function staffRelation(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  childId: string,
  permissions: TStaffPermissions,
  options: { openCases?: boolean } = {},
): Promise<TStaffRelation> {
  const found = (await staffRelations(q, ctx, [childId], permissions, options)).get(childId);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}
