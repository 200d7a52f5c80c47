import type { TChildCoordinator } from '../../../shared/schemas/coordinator-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childAccess } from '../children/children.access.ts';
import { findCoordinator } from './find-coordinator.ts';

/** The child's named coordinator (or null), for anyone with a relation to the child; the read is audited. */
export const getCoordinator = defineUseCase(
  'read:child:unit',
  async (ctx, childId: string): Promise<{ coordinator: TChildCoordinator | null; canSet: boolean }> => {
    const m = ctx.user.municipalityId;
    const found = await ctx.db.tenantRead(m, async (q) => {
      const relation = await childAccess(q, ctx, childId);
      if (!relation) return undefined;
      return { relation, coordinator: await findCoordinator(q, m, childId) };
    });
    if (!found) throw new AppError('NOT_FOUND');
    await ctx.audit.record(
      auditEvent(ctx, {
        relation: found.relation,
        action: 'read',
        entity: 'child',
        entityId: childId,
        childId,
        detail: { view: 'coordinator' },
      }),
    );
    const canSet = ctx.user.grants.some(
      (g) =>
        g.permission === 'manage:coordinator:unit' &&
        found.relation.kind === 'enrolment' &&
        g.unitId === found.relation.unitId,
    );
    return { coordinator: found.coordinator, canSet };
  },
);
