import type { TPermission } from '../../shared/permissions.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { TCtx } from '../http/context.ts';
import type { TCaseRelation } from './relations.ts';

/**
 * Whose cases a user reaches with a permission (decision 015): the teams they are a caseworker in or
 * manage, every team for a manager without a team, and always the cases assigned to them or granted.
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

/**
 * The one case relation, for `JOIN LATERAL (…) rel ON true` on a case (alias `kase`): why the user may
 * see it — columns `rel_via` ('team', 'assigned', 'grant') and `rel_team_id`. No row, no access.
 */
export function caseRelation(scope: TCaseScope, kase = 'c'): Sql {
  const c = sql.ident(kase);
  const team = sql`(${scope.allTeams} OR ${c}.team_id = ANY(${scope.teams}::uuid[]))`;
  return sql`SELECT CASE WHEN ${team} THEN 'team' WHEN ${c}.caseworker_id = ${scope.userId} THEN 'assigned'
                      ELSE 'grant' END AS rel_via, ${c}.team_id AS rel_team_id
           WHERE ${team} OR ${c}.caseworker_id = ${scope.userId}
              OR EXISTS (SELECT 1 FROM case_access_grants g
                          WHERE g.municipality_id = ${c}.municipality_id AND g.case_id = ${c}.id AND g.user_id = ${scope.userId})`;
}

export function caseRelationFromRow(row: { rel_via: string; rel_team_id: string }): TCaseRelation {
  if (row.rel_via === 'team') return { kind: 'case', via: 'team', teamId: row.rel_team_id };
  return { kind: 'case', via: row.rel_via === 'assigned' ? 'assigned' : 'grant' };
}
