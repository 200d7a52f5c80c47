import type { TRole } from '../../../shared/permissions.ts';
import type { TUser } from '../../../shared/schemas/user-views.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { roleFor } from '../../http/permissions.ts';

export type TUserAction = 'create' | 'update' | 'confirm-role' | 'refuse-role';

/** The role a user administers in: admin when they manage users, else the unit leader confirming in a unit. */
export function administeringRole(ctx: TCtx, unitId?: string | null): TRole {
  return ctx.user.permissions.has('manage:user:municipality')
    ? 'admin'
    : roleFor(ctx, 'confirm:grant:unit', unitId);
}

/**
 * One audit event per change of a user, their roles or their scopes, written in the change's transaction
 * (decision 005): who (the acting user and role), whose (entity `user`, its id), and the user as it was
 * before and after — roles and pending grants included. Kept small and local to users; the shared
 * audit helper of issue 13 will take it over.
 */
export function auditUserChange(
  ctx: TCtx,
  q: Queryable,
  e: {
    action: TUserAction;
    before: TUser | null;
    after: TUser;
    role?: TRole;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  return ctx.audit.inTransaction(q, {
    municipalityId: ctx.user.municipalityId,
    userId: ctx.user.userId,
    role: e.role ?? administeringRole(ctx),
    action: e.action,
    entity: 'user',
    entityId: e.after.id,
    childId: null,
    purpose: 'administration',
    ip: ctx.ip,
    detail: { ...e.detail, before: e.before, after: e.after },
  });
}
