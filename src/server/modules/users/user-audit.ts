import type { TPermission } from '../../../shared/permissions.ts';
import type { TUser } from '../../../shared/schemas/user-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';

export type TUserAction = 'create' | 'update' | 'confirm-role' | 'refuse-role';

/**
 * One audit event per change of a user, their roles or their scopes, written in the change's transaction
 * (decision 005): who (the acting user and role), whose (entity `user`, its id), and the user as it was
 * before and after — roles and pending grants included. An administrator acts under the use-case's
 * permission, in the unit of the grant decided (`unitId`), for the purpose `administration`; a user
 * changing their own account (`own`) acts under no permission, for the purpose `ownAccount`.
 */
export function auditUserChange(
  ctx: Pick<TCtx, 'audit' | 'user' | 'ip'> & { permission?: TPermission },
  q: Queryable,
  e: {
    action: TUserAction;
    before: TUser | null;
    after: TUser;
    unitId?: string | null;
    own?: boolean;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  const what = {
    action: e.action,
    entity: 'user',
    entityId: e.after.id,
    childId: null,
    detail: { ...e.detail, before: e.before, after: e.after },
  };
  return ctx.audit.inTransaction(
    q,
    e.own
      ? auditEvent(ctx, { ...what, permission: null, purpose: 'ownAccount' })
      : auditEvent(ctx, { ...what, unitId: e.unitId, purpose: 'administration' }),
  );
}
