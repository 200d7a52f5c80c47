import type { TUser } from '../../../shared/schemas/user-views.ts';
import type { TUpdateUserRequest } from '../../../shared/schemas/users.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission } from '../../http/permissions.ts';
import { endSessions, forgetUserSessions } from '../auth/sessions.ts';
import { applyRoles, checkRoles, currentRoleKeys, roleKey } from './apply-roles.ts';
import { getUser } from './find-users.ts';
import { auditUserChange } from './user-audit.ts';

/**
 * Deactivating a user ends their sessions. Optimistic locking by version. Nobody changes their own roles
 * (sending the roles one holds, as the edit form does, is no change). Roles that reach children are only
 * asked for here (apply-roles.ts). One audit event with the user before and after.
 */
export async function updateUser(ctx: TCtx, id: string, input: TUpdateUserRequest): Promise<TUser> {
  requirePermission(ctx, 'manage:user:municipality');
  const m = ctx.user.municipalityId;
  const updated = await ctx.db.tenant(m, async (q) => {
    const before = await getUser(q, m, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (input.roles) {
      await checkRoles(q, m, input.roles);
      if (id === ctx.user.userId && !sameRoles(await currentRoleKeys(q, m, id), input.roles)) {
        throw new AppError('OWN_ROLES');
      }
    }
    const { rowCount } = await q.query(
      `UPDATE users SET name = coalesce($4, name), active = coalesce($5, active), locale = coalesce($6, locale),
              version = version + 1
        WHERE municipality_id = $1 AND id = $2 AND version = $3`,
      [m, id, input.version, input.name ?? null, input.active ?? null, input.locale ?? null],
    );
    if (!rowCount) throw new AppError('STALE_VERSION');
    if (input.roles) await applyRoles(ctx, q, id, input.roles);
    const after = await getUser(q, m, id);
    if (!after) throw new AppError('NOT_FOUND');
    await auditUserChange(ctx, q, { action: 'update', before, after });
    return after;
  });
  // Their next request here reads the new roles at once; sessions live outside the tenant's tables, and a
  // reactivated user must log in again.
  forgetUserSessions(id);
  if (input.active === false) await endSessions(ctx.db, id);
  return updated;
}

function sameRoles(current: Set<string>, roles: { role: string; unitId?: string | null }[]): boolean {
  const wanted = new Set(roles.map(roleKey));
  return wanted.size === current.size && [...wanted].every((k) => current.has(k));
}
