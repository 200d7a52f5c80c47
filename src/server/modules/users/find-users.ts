import type { TPage } from '../../../shared/schemas/common.ts';
import type { TUser } from '../../../shared/schemas/user-views.ts';
import type { TFindUsersQuery } from '../../../shared/schemas/users.ts';
import type { Queryable } from '../../db/client.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** Effective roles come from role_assignments; a grant waiting for a second person is shown apart. */
const USER_SELECT = `SELECT u.id, u.name, u.email, u.locale, u.active, u.version,
  coalesce((SELECT json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id, 'unitName', un.name) ORDER BY ra.role, un.name)
     FROM role_assignments ra LEFT JOIN units un ON un.municipality_id = ra.municipality_id AND un.id = ra.unit_id
    WHERE ra.municipality_id = u.municipality_id AND ra.user_id = u.id), '[]') AS roles,
  coalesce((SELECT json_agg(json_build_object('grantId', g.id, 'role', g.role, 'unitId', g.unit_id, 'unitName', un.name)
                            ORDER BY g.role, un.name)
     FROM role_grants g LEFT JOIN units un ON un.municipality_id = g.municipality_id AND un.id = g.unit_id
    WHERE g.municipality_id = u.municipality_id AND g.user_id = u.id AND g.status = 'pending'), '[]') AS "pendingRoles"`;

export async function getUser(q: Queryable, municipalityId: string, id: string): Promise<TUser | undefined> {
  const { rows } = await q.query<TUser>(
    `${USER_SELECT} FROM users u WHERE u.municipality_id = $1 AND u.id = $2`,
    [municipalityId, id],
  );
  return rows[0];
}

export const findUsers = defineUseCase(
  'manage:user:municipality',
  async (ctx, query: TFindUsersQuery): Promise<TPage<TUser>> => {
    const needle = query.q ? `%${query.q.replace(/[%_\\]/g, '')}%` : null;
    const { rows } = await ctx.db.tenant(ctx.user.municipalityId, (q) =>
      q.query(
        `${USER_SELECT}, count(*) OVER () AS total FROM users u
        WHERE u.municipality_id = $1 AND ($2::text IS NULL OR u.name ILIKE $2 OR u.email ILIKE $2)
        ORDER BY lower(u.name), u.id LIMIT $3 OFFSET $4`,
        [ctx.user.municipalityId, needle, query.pageSize, (query.page - 1) * query.pageSize],
      ),
    );
    return {
      items: rows.map(({ total: _total, ...user }) => user),
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  },
);

export const findRoles = defineUseCase('manage:user:municipality', async (ctx) => {
  const { rows } = await ctx.db.pool.query(
    `SELECT r.name, coalesce(array_agg(rp.permission ORDER BY rp.permission) FILTER (WHERE rp.permission IS NOT NULL), '{}') AS permissions
       FROM roles r LEFT JOIN role_permissions rp ON rp.role = r.name GROUP BY r.name ORDER BY r.name`,
  );
  return { items: rows };
});
