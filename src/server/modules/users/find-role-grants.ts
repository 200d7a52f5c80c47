import type { TPage } from '../../../shared/schemas/common.ts';
import type { TFindRoleGrantsQuery, TRoleGrant } from '../../../shared/schemas/users.ts';
import type { Queryable } from '../../db/client.ts';
import { type Sql, sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { REVIEW_GRANTS, reviewableGrants } from './role-grant-access.ts';

/** A grant as the reviewer sees it; `canDecide` is false for their own request and a grant to themselves. */
function grantSelect(userId: string, counted = false): Sql {
  return sql`SELECT ${counted ? sql`count(*) OVER ()::int AS total, ` : sql.empty}g.id, g.role, g.status,
    json_build_object('id', u.id, 'name', u.name) AS "user",
    CASE WHEN un.id IS NULL THEN NULL ELSE json_build_object('id', un.id, 'name', un.name) END AS unit,
    json_build_object('id', rb.id, 'name', rb.name) AS "requestedBy", g.requested_at AS "requestedAt",
    CASE WHEN db.id IS NULL THEN NULL ELSE json_build_object('id', db.id, 'name', db.name) END AS "decidedBy",
    g.decided_at AS "decidedAt",
    (g.status = 'pending' AND g.requested_by <> ${userId} AND g.user_id <> ${userId}) AS "canDecide"
  FROM role_grants g
  JOIN users u ON u.municipality_id = g.municipality_id AND u.id = g.user_id
  JOIN users rb ON rb.municipality_id = g.municipality_id AND rb.id = g.requested_by
  LEFT JOIN users db ON db.municipality_id = g.municipality_id AND db.id = g.decided_by
  LEFT JOIN units un ON un.municipality_id = g.municipality_id AND un.id = g.unit_id`;
}

export async function selectRoleGrant(q: Queryable, ctx: TCtx, id: string): Promise<TRoleGrant | undefined> {
  const { rows } = await q.query<TRoleGrant>(
    sql`${grantSelect(ctx.user.userId)} WHERE g.municipality_id = ${ctx.user.municipalityId} AND g.id = ${id}`,
  );
  return rows[0];
}

/** The review list: grants that reach children, pending and decided, newest first; each reviewer sees their scope. */
export const findRoleGrants = defineUseCase(
  REVIEW_GRANTS,
  async (ctx, query: TFindRoleGrantsQuery): Promise<TPage<TRoleGrant>> => {
    const status = query.status === 'all' ? null : query.status;
    const { rows } = await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
      q.query<TRoleGrant & { total: number }>(
        sql`${grantSelect(ctx.user.userId, true)}
        WHERE g.municipality_id = ${ctx.user.municipalityId} AND ${reviewableGrants(ctx)}
          AND (${status}::text IS NULL OR g.status = ${status})
        ORDER BY (g.status = 'pending') DESC, g.requested_at DESC, g.id
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      ),
    );
    return {
      items: rows.map(({ total: _total, ...grant }) => grant),
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  },
);
