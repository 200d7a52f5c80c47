import type { TUpdateUserRequest } from '../../../shared/schemas/users.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission } from '../../http/permissions.ts';
import { endSessions, forgetUserSessions } from '../auth/sessions.ts';
import { assignRoles } from './assign-roles.ts';
import { getUser } from './find-users.ts';

/** Deactivating a user ends their sessions. Optimistic locking by version. */
export async function updateUser(ctx: TCtx, id: string, input: TUpdateUserRequest) {
  requirePermission(ctx, 'manage:user:municipality');
  const m = ctx.user.municipalityId;
  const updated = await ctx.db.tenant(m, async (q) => {
    const current = await getUser(q, m, id);
    if (!current) throw new AppError('NOT_FOUND');
    const { rowCount } = await q.query(
      `UPDATE users SET name = coalesce($4, name), active = coalesce($5, active), locale = coalesce($6, locale),
              version = version + 1
        WHERE municipality_id = $1 AND id = $2 AND version = $3`,
      [m, id, input.version, input.name ?? null, input.active ?? null, input.locale ?? null],
    );
    if (!rowCount) throw new AppError('STALE_VERSION');
    if (input.roles) await assignRoles(q, m, id, input.roles);
    return getUser(q, m, id);
  });
  // Their next request here reads the new roles at once; sessions live outside the tenant's tables, and a
  // reactivated user must log in again.
  forgetUserSessions(id);
  if (input.active === false) await endSessions(ctx.db, id);
  return updated;
}
