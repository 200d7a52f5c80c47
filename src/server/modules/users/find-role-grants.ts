import type { TPage } from '../../../shared/schemas/common.ts';
import type { TFindRoleGrantsQuery, TRoleGrant } from '../../../shared/schemas/users.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { requireAnyPermission } from '../../http/permissions.ts';
import { REVIEW_GRANTS, reviewableGrantsSql } from './role-grant-access.ts';

const GRANT_SELECT = `SELECT g.id, g.role, g.status,
    json_build_object('id', u.id, 'name', u.name) AS "user",
    CASE WHEN un.id IS NULL THEN NULL ELSE json_build_object('id', un.id, 'name', un.name) END AS unit,
    json_build_object('id', rb.id, 'name', rb.name) AS "requestedBy", g.requested_at AS "requestedAt",
    CASE WHEN db.id IS NULL THEN NULL ELSE json_build_object('id', db.id, 'name', db.name) END AS "decidedBy",
    g.decided_at AS "decidedAt",
    (g.status = 'pending' AND g.requested_by <> $2 AND g.user_id <> $2) AS "canDecide"
  FROM role_grants g
  JOIN users u ON u.municipality_id = g.municipality_id AND u.id = g.user_id
  JOIN users rb ON rb.municipality_id = g.municipality_id AND rb.id = g.requested_by
  LEFT JOIN users db ON db.municipality_id = g.municipality_id AND db.id = g.decided_by
  LEFT JOIN units un ON un.municipality_id = g.municipality_id AND un.id = g.unit_id`;

export async function selectRoleGrant(q: Queryable, ctx: TCtx, id: string): Promise<TRoleGrant | undefined> {
  const { rows } = await q.query<TRoleGrant>(`${GRANT_SELECT} WHERE g.municipality_id = $1 AND g.id = $3`, [
    ctx.user.municipalityId,
    ctx.user.userId,
    id,
  ]);
  return rows[0];
}

/** The review list: grants that reach children, pending and decided, newest first; each reviewer sees their scope. */
export async function findRoleGrants(ctx: TCtx, query: TFindRoleGrantsQuery): Promise<TPage<TRoleGrant>> {
  requireAnyPermission(ctx, REVIEW_GRANTS);
  const params: unknown[] = [ctx.user.municipalityId, ctx.user.userId];
  const scope = reviewableGrantsSql(ctx, params);
  params.push(
    query.status === 'all' ? null : query.status,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const n = params.length;
  const { rows } = await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
    q.query<TRoleGrant & { total: number }>(
      `${GRANT_SELECT.replace('SELECT g.id,', 'SELECT count(*) OVER ()::int AS total, g.id,')}
        WHERE g.municipality_id = $1 AND ${scope} AND ($${n - 2}::text IS NULL OR g.status = $${n - 2})
        ORDER BY (g.status = 'pending') DESC, g.requested_at DESC, g.id
        LIMIT $${n - 1} OFFSET $${n}`,
      params,
    ),
  );
  return {
    items: rows.map(({ total: _total, ...grant }) => grant),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
