import type { TUnitKind } from '../../../shared/permissions.ts';
import type { TProfession } from '../../../shared/schemas/concerns.ts';
import type { TCtx } from '../../http/context.ts';
import { unitsWith } from '../../http/permissions.ts';

/** Units the user may record concerns from. */
export function concernWriteUnits(ctx: Pick<TCtx, 'user'>): string[] {
  return unitsWith(ctx, 'write:concern:unit');
}

/** Units whose concerns (named and anonymous) the user may read. */
export function concernReadUnits(ctx: Pick<TCtx, 'user'>): string[] {
  return unitsWith(ctx, 'read:concern:unit');
}

/**
 * The profession a concern is counted under when the author does not say: a leader of the unit is a
 * leader; otherwise the unit's kind tells (a school's staff teach, a daycare's and a club's are pedagogues).
 */
export function defaultProfession(ctx: Pick<TCtx, 'user'>, unitId: string, unitKind: TUnitKind): TProfession {
  if (ctx.user.roles.some((r) => r.role === 'unitLeader' && r.unitId === unitId)) return 'leader';
  const byKind: Partial<Record<TUnitKind, TProfession>> = {
    school: 'teacher',
    daycare: 'pedagogue',
    leisure: 'pedagogue',
    healthVisiting: 'healthVisitor',
    ppr: 'ppr',
    ssp: 'ssp',
    socialServices: 'socialWorker',
  };
  return byKind[unitKind] ?? 'other';
}
