import type { TPermission } from '../../../shared/permissions.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';

/** Either lets a user read aggregates: the whole municipality, or the units they lead. */
export const MEASUREMENT_READ = [
  'read:measurement:municipality',
  'read:measurement:unit',
] as const satisfies readonly TPermission[];

/**
 * Aggregates only. Analysts and the casework manager see the whole municipality; a unit leader sees the
 * units they lead. Returns null for "every unit", else the unit ids.
 */
export function measurableUnits(ctx: Pick<TCtx, 'user'>): string[] | null {
  if (ctx.user.permissions.has('read:measurement:municipality')) return null;
  if (ctx.user.permissions.has('read:measurement:unit')) return unitsWith(ctx, 'read:measurement:unit');
  throw new AppError('FORBIDDEN');
}
