import { unitsWith } from '../../http/permissions.ts';
import type { TActingCtx } from '../../http/use-case.ts';

/**
 * Who reads the measurement parameter: the municipality-wide permission first, so a use-case declared with
 * this list acts under it when the user holds it.
 */
export const READ_MEASUREMENT = ['read:measurement:municipality', 'read:measurement:unit'] as const;

/**
 * Aggregates only. Analysts and the casework manager see the whole municipality; a unit leader sees the
 * units they lead. Returns null for "every unit", else the unit ids.
 */
export function measurableUnits(ctx: Pick<TActingCtx, 'user' | 'permission'>): string[] | null {
  return ctx.permission === 'read:measurement:municipality' ? null : unitsWith(ctx, 'read:measurement:unit');
}
