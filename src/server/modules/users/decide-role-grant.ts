import type { TRoleGrant } from '../../../shared/schemas/users.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase, type TActingCtx } from '../../http/use-case.ts';
import { forgetUserSessions } from '../auth/sessions.ts';
import { selectRoleGrant } from './find-role-grants.ts';
import { getUser } from './find-users.ts';
import { REVIEW_GRANTS, reviewableGrants } from './role-grant-access.ts';
import { auditUserChange } from './user-audit.ts';

interface TGrantRow {
  id: string;
  user_id: string;
  role: string;
  unit_id: string | null;
  status: string;
  requested_by: string;
  requested_at: Date;
}

/**
 * Locks a pending grant the user may decide. Out of scope (another unit, another municipality) answers 404:
 * existence is never confirmed. Nobody decides their own request, nor a grant to themselves.
 */
async function lockDecidable(q: Queryable, ctx: TActingCtx, id: string): Promise<TGrantRow> {
  const { rows } = await q.query<TGrantRow>(
    sql`SELECT g.id, g.user_id, g.role, g.unit_id, g.status, g.requested_by, g.requested_at FROM role_grants g
      WHERE g.municipality_id = ${ctx.user.municipalityId} AND g.id = ${id} AND ${reviewableGrants(ctx)} FOR UPDATE`,
  );
  const grant = rows[0];
  if (!grant) throw new AppError('NOT_FOUND');
  if (grant.user_id === ctx.user.userId) throw new AppError('OWN_ROLES');
  if (grant.requested_by === ctx.user.userId) throw new AppError('GRANT_OWN_REQUEST');
  if (grant.status !== 'pending') throw new AppError('GRANT_DECIDED');
  return grant;
}

/**
 * Confirms or refuses a pending grant: the second pair of eyes. Confirming adds the role assignment in the
 * same transaction; both leave an audit event on the grantee with their roles before and after.
 */
export const decideRoleGrant = defineUseCase(
  REVIEW_GRANTS,
  async (ctx, id: string, decision: 'confirmed' | 'refused'): Promise<TRoleGrant> => {
    const m = ctx.user.municipalityId;
    const { grant, result } = await ctx.db.tenant(m, async (q) => {
      const grant = await lockDecidable(q, ctx, id);
      const before = await getUser(q, m, grant.user_id);
      if (!before) throw new AppError('NOT_FOUND');
      if (decision === 'confirmed') {
        await q.query(
          `INSERT INTO role_assignments (municipality_id, user_id, role, unit_id)
         SELECT $1, $2, $3, $4
          WHERE NOT EXISTS (SELECT 1 FROM role_assignments
                             WHERE municipality_id = $1 AND user_id = $2 AND role = $3 AND unit_id IS NOT DISTINCT FROM $4)`,
          [m, grant.user_id, grant.role, grant.unit_id],
        );
        // Access is cached per user version (auth/sessions.ts): a new version makes the role count at once.
        await q.query('UPDATE users SET version = version + 1 WHERE municipality_id = $1 AND id = $2', [
          m,
          grant.user_id,
        ]);
      }
      await q.query(
        `UPDATE role_grants SET status = $3, decided_by = $4, decided_at = now()
        WHERE municipality_id = $1 AND id = $2`,
        [m, id, decision, ctx.user.userId],
      );
      const after = await getUser(q, m, grant.user_id);
      if (!after) throw new AppError('NOT_FOUND');
      await auditUserChange(ctx, q, {
        action: decision === 'confirmed' ? 'confirm-role' : 'refuse-role',
        unitId: grant.unit_id,
        before,
        after,
        detail: {
          grant: {
            id: grant.id,
            role: grant.role,
            unitId: grant.unit_id,
            requestedBy: grant.requested_by,
            requestedAt: grant.requested_at.toISOString(),
          },
        },
      });
      const result = await selectRoleGrant(q, ctx, id);
      if (!result) throw new AppError('NOT_FOUND');
      return { grant, result };
    });
    // The grantee's next request reads the new role at once.
    if (decision === 'confirmed') forgetUserSessions(grant.user_id);
    return result;
  },
);
