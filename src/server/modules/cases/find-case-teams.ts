import type { TCaseTeam } from '../../../shared/schemas/cases.ts';
import { caseScope } from '../../access/case.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** The teams the user works in (or manages) with their caseworkers and each one's open cases now. */
export const findCaseTeams = defineUseCase('read:case:team', async (ctx): Promise<{ items: TCaseTeam[] }> => {
  const m = ctx.user.municipalityId;
  const scope = caseScope(ctx, ctx.permission);
  const rows = await ctx.db.tenantRead(m, async (q) => {
    const { rows } = await q.query(
      `SELECT t.id, t.name,
              coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'openCases',
                (SELECT count(*) FROM cases c WHERE c.municipality_id = t.municipality_id AND c.caseworker_id = u.id
                    AND c.status = 'open')) ORDER BY u.name) FILTER (WHERE u.id IS NOT NULL), '[]') AS caseworkers
         FROM teams t
         LEFT JOIN role_assignments ra ON ra.municipality_id = t.municipality_id AND ra.team_id = t.id AND ra.role = 'caseworker'
         LEFT JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id AND u.active
        WHERE t.municipality_id = $1 AND ($2 OR t.id = ANY($3::uuid[]))
        GROUP BY t.id, t.name ORDER BY t.name`,
      [m, scope.allTeams, scope.teams],
    );
    return rows;
  });
  return { items: rows.map((r) => ({ id: r.id, name: r.name, caseworkers: r.caseworkers })) };
});
