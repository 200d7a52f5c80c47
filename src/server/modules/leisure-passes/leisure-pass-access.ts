import type { TPermission } from '../../../shared/permissions.ts';
import type { TLeisurePassSettings } from '../../../shared/schemas/leisure-passes.ts';
import type { TCtx } from '../../http/context.ts';
import { roleFor } from '../../http/permissions.ts';

/**
 * Whether the user may grant the pass for a child they reach under `permission` from `unitId`: the pass is on and
 * the role they act in there is one the municipality lets grant it (the referrers' roles by default).
 */
export function mayGrant(
  ctx: Pick<TCtx, 'user'>,
  settings: Pick<TLeisurePassSettings, 'enabled' | 'grantRoles'>,
  permission: TPermission,
  unitId: string | null,
): boolean {
  if (!settings.enabled || !ctx.user.permissions.has(permission)) return false;
  const role = roleFor(ctx, permission, unitId ?? undefined);
  return (settings.grantRoles as readonly string[]).includes(role);
}
