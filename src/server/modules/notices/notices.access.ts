import type { TPermission } from '../../../shared/permissions.ts';
import { caseRelation, caseRelationFromRow, caseScope } from '../../access/case.ts';
import type { TRelation } from '../../access/relations.ts';
import type { Queryable } from '../../db/client.ts';
import { type Sql, sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { unitsWith } from '../../http/permissions.ts';
import { childAccess } from '../children/children.access.ts';

/** A user's way to a child for its notices: the relation (the audit purpose) and the unit or team it runs through. */
export interface TNoticeChildAccess {
  relation: TRelation;
  unitId: string | null;
  teamId: string | null;
}

/**
 * Who may see a child's notices and record an exception (decision 021): with a unit-scoped permission,
 * through a current enrolment in one of the user's units or as the child's coordinator (a professional, a
 * unit leader); with a team-scoped one, through a case about the child the user reaches (a caseworker, a
 * casework manager) — the open one first. No relation: undefined, and the caller answers 404.
 */
export async function noticeChildAccess(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  childId: string,
  permission: TPermission,
): Promise<TNoticeChildAccess | undefined> {
  if (permission.endsWith(':unit')) {
    const relation = await childAccess(q, ctx, childId, permission);
    return relation ? { relation, unitId: relation.unitId, teamId: null } : undefined;
  }
  const { rows } = await q.query(
    sql`SELECT c.team_id, rel.* FROM cases c JOIN LATERAL (${caseRelation(caseScope(ctx, permission))}) rel ON true
         WHERE c.municipality_id = ${ctx.user.municipalityId} AND c.child_id = ${childId}
         ORDER BY (c.status = 'open') DESC, c.created_at DESC, c.id LIMIT 1`,
  );
  const r = rows[0];
  return r ? { relation: caseRelationFromRow(r), unitId: null, teamId: r.team_id } : undefined;
}

/**
 * The exceptions (alias `x`) a user may end early: the recorder's side — their own, those recorded from a
 * unit where they hold the (unit-scoped) permission, or under a team whose cases they reach with the
 * (team-scoped) one. A professional cannot end the authority's exception about a police investigation.
 */
export function exceptionsEndableBy(ctx: Pick<TCtx, 'user'>, permission: TPermission): Sql {
  const own = sql`x.recorded_by = ${ctx.user.userId}`;
  if (permission.endsWith(':unit'))
    return sql`(${own} OR (x.unit_id IS NOT NULL AND x.unit_id = ANY(${unitsWith(ctx, permission)}::uuid[])))`;
  const scope = caseScope(ctx, permission);
  return sql`(${own} OR (x.team_id IS NOT NULL AND (${scope.allTeams} OR x.team_id = ANY(${scope.teams}::uuid[]))))`;
}

/** The exception-writing permission the user holds, if any: what they may end is shown with the child. */
export function exceptionWritePermission(ctx: Pick<TCtx, 'user'>): TPermission | null {
  if (ctx.user.permissions.has('write:notice-exception:unit')) return 'write:notice-exception:unit';
  if (ctx.user.permissions.has('write:notice-exception:team')) return 'write:notice-exception:team';
  return null;
}
