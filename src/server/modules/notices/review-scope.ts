import { caseScope } from '../../access/case.ts';
import { type Sql, sql } from '../../db/sql.ts';
import { unitsWith } from '../../http/permissions.ts';
import type { TActingCtx } from '../../http/use-case.ts';

/**
 * The exceptions (alias `x`) a leader reviews (decision 024): a unit leader those recorded from the units
 * they lead, a casework manager those recorded on the cases of the teams they manage (every team for a
 * manager without one).
 */
export function reviewScope(ctx: TActingCtx): Sql {
  if (ctx.permission === 'manage:notice:unit')
    return sql`x.unit_id = ANY(${unitsWith(ctx, 'manage:notice:unit')}::uuid[])`;
  const scope = caseScope(ctx, 'manage:notice:team');
  return sql`x.team_id IS NOT NULL AND (${scope.allTeams} OR x.team_id = ANY(${scope.teams}::uuid[]))`;
}
