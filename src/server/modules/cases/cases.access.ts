import type { TPermission } from '../../../shared/permissions.ts';
import { caseRelation, caseRelationFromRow, caseScope } from '../../access/case.ts';
import type { TAccess, TCaseRelation } from '../../access/relations.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Who may touch which case, and why (docs/architecture.md, rule 2; decision 015; the relation in
 * src/server/access/case.ts):
 *
 * - a caseworker reads and writes the cases of the teams they are a caseworker in, the cases assigned to
 *   them, and cases a manager gave them access to (case_access_grants) — never another team's case otherwise;
 * - a casework manager does the same for the teams they manage (a manager assignment without a team manages
 *   every team of the municipality) and also manages them: access grants, caseworker changes;
 * - everyone else, and every case of another municipality, gets 404.
 */
export interface TCaseRow {
  id: string;
  child_id: string;
  team_id: string;
  caseworker_id: string;
  status: 'open' | 'closed';
  version: number;
  assessment_due_on: string;
  assessment_completed_on: string | null;
  preliminary_recorded_on: string | null;
  relation: TCaseRelation;
}

/**
 * The case if the user has a relation to it with the permission (locked for update when writing);
 * otherwise 404. `manage` also requires the case's team to be one the user manages.
 */
export async function accessibleCase(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  caseId: string,
  permission: TPermission,
  options: { forUpdate?: boolean; openOnly?: boolean } = {},
): Promise<TCaseRow> {
  const { rows } = await q.query(
    sql`SELECT c.id, c.child_id, c.team_id, c.caseworker_id, c.status, c.version, c.assessment_due_on,
               c.assessment_completed_on, c.preliminary_recorded_on, rel.rel_via, rel.rel_team_id
          FROM cases c JOIN LATERAL (${caseRelation(caseScope(ctx, permission))}) rel ON true
         WHERE c.municipality_id = ${ctx.user.municipalityId} AND c.id = ${caseId}
         ${options.forUpdate ? sql`FOR UPDATE OF c` : sql.empty}`,
  );
  const found = rows[0];
  if (!found) throw new AppError('NOT_FOUND');
  const { rel_via, rel_team_id, ...row } = found;
  if (options.openOnly && row.status === 'closed') throw new AppError('CASE_CLOSED');
  return { ...row, relation: caseRelationFromRow({ rel_via, rel_team_id }) } as TCaseRow;
}

/** The ids among `caseIds` the user reaches with the permission, each with the relation that allows it. */
export async function accessibleCases(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  caseIds: readonly string[],
  permission: TPermission,
): Promise<TAccess<TCaseRelation>> {
  const result: TAccess<TCaseRelation> = new Map();
  if (caseIds.length === 0) return result;
  const { rows } = await q.query(
    sql`SELECT c.id, rel.* FROM cases c JOIN LATERAL (${caseRelation(caseScope(ctx, permission))}) rel ON true
         WHERE c.municipality_id = ${ctx.user.municipalityId} AND c.id = ANY(${caseIds}::uuid[])`,
  );
  for (const r of rows) result.set(r.id, caseRelationFromRow(r));
  return result;
}

/**
 * Whether the user manages the team: holds `manage:case:team` as manager of that team, or of all teams. The
 * one test of who may manage a case (grant access, change caseworker), and of the case's `canManage`.
 */
export function managesTeam(ctx: Pick<TCtx, 'user'>, teamId: string): boolean {
  const scope = caseScope(ctx, 'manage:case:team');
  return scope.allTeams || scope.teams.includes(teamId);
}
