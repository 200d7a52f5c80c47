import type { TPermission } from '../../../shared/permissions.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Who may touch which case, and why (docs/architecture.md, rule 2):
 *
 * - a caseworker reads and writes the cases of the teams they are a caseworker in, the cases assigned to
 *   them, and cases a manager gave them access to (case_access_grants) — never another team's case otherwise;
 * - a casework manager does the same for the teams they manage (a manager assignment without a team manages
 *   every team of the municipality) and also manages them: access grants, caseworker changes;
 * - everyone else, and every case of another municipality, gets 404.
 */
export interface TCaseScope {
  userId: string;
  teams: string[];
  allTeams: boolean;
}

const TEAM_ROLES = new Set(['caseworker', 'caseworkManager']);

export function caseScope(ctx: Pick<TCtx, 'user'>, permission: TPermission): TCaseScope {
  const roles = new Set(ctx.user.grants.filter((g) => g.permission === permission).map((g) => g.role));
  const assignments = ctx.user.roles.filter((r) => roles.has(r.role) && TEAM_ROLES.has(r.role));
  return {
    userId: ctx.user.userId,
    teams: [...new Set(assignments.map((a) => a.teamId).filter((t): t is string => Boolean(t)))],
    allTeams: assignments.some((a) => a.role === 'caseworkManager' && a.teamId === null),
  };
}

/** Teams the user may open cases in and manage (for a manager: the managed teams). */
export function scopeTeamSql(scope: TCaseScope, teamColumn: string, teamsParam: string): string {
  return scope.allTeams ? 'true' : `${teamColumn} = ANY(${teamsParam}::uuid[])`;
}

/**
 * SQL (case alias `c`) for `JOIN LATERAL (…) rel ON true`: why the user may see the case — `team:<id>`,
 * `caseworker` or `grant` — no row, no access. Params: teams uuid[], all-teams boolean, user id.
 */
export function caseRelationSql(teams: string, all: string, user: string): string {
  return `SELECT CASE WHEN ${all} OR c.team_id = ANY(${teams}::uuid[]) THEN 'team:' || c.team_id
                      WHEN c.caseworker_id = ${user} THEN 'caseworker'
                      ELSE 'grant' END AS purpose
           WHERE ${all} OR c.team_id = ANY(${teams}::uuid[]) OR c.caseworker_id = ${user}
              OR EXISTS (SELECT 1 FROM case_access_grants g
                          WHERE g.municipality_id = c.municipality_id AND g.case_id = c.id AND g.user_id = ${user})`;
}

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
  purpose: string;
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
  const scope = caseScope(ctx, permission);
  const { rows } = await q.query(
    `SELECT c.id, c.child_id, c.team_id, c.caseworker_id, c.status, c.version, c.assessment_due_on,
            c.assessment_completed_on, c.preliminary_recorded_on, rel.purpose
       FROM cases c JOIN LATERAL (${caseRelationSql('$3', '$4', '$5')}) rel ON true
      WHERE c.municipality_id = $1 AND c.id = $2
      ${options.forUpdate ? 'FOR UPDATE OF c' : ''}`,
    [ctx.user.municipalityId, caseId, scope.teams, scope.allTeams, scope.userId],
  );
  const row = rows[0] as TCaseRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  if (options.openOnly && row.status === 'closed') throw new AppError('CASE_CLOSED');
  return row;
}

/** Whether the user manages the team (manager of that team, or of all teams). */
export function managesTeam(ctx: Pick<TCtx, 'user'>, teamId: string): boolean {
  const scope = caseScope(ctx, 'manage:case:team');
  return scope.allTeams || scope.teams.includes(teamId);
}
