import type { TNetworkConsiderations } from '../../../shared/schemas/network-considerations.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectConsiderations } from './consideration-document.ts';
import { networkRelation, networkRelations } from './network.access.ts';

/** A child's records of network involvement considered (issue 16, item 3), audited under the relation to the child. */
export const findNetworkConsiderations = defineUseCase(
  ['read:network:unit', 'read:network:team'],
  async (ctx, childId: string): Promise<TNetworkConsiderations> => {
    const m = ctx.user.municipalityId;
    const { staff, answer } = await ctx.db.tenantRead(m, async (q) => {
      const staff = await networkRelation(q, ctx, childId, 'read');
      const writable = await networkRelations(q, ctx, [childId], 'write');
      const items = await selectConsiderations(q, m, { childId });
      return { staff, answer: { items, canWrite: writable.has(childId) } };
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        permission: staff.permission,
        relation: staff.relation,
        action: 'read',
        entity: 'network-consideration',
        childId,
        detail: { ids: answer.items.map((i) => i.id) },
      }),
    );
    return answer;
  },
);
