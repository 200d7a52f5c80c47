import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childAccess } from '../children/children.access.ts';
import { CONCERN_SELECT, type TConcern, toConcern } from './concern-document.ts';

/**
 * The concerns about one child, newest first, for its profile timeline. Needs a relation to the child (an
 * enrolment in one of the user's units, or being its coordinator); the read is audited.
 */
export const findChildConcerns = defineUseCase(
  'read:concern:unit',
  async (ctx, childId: string): Promise<{ items: TConcern[] }> => {
    const m = ctx.user.municipalityId;
    const found = await ctx.db.tenantRead(m, async (q) => {
      const relation = await childAccess(q, ctx, childId, ctx.permission);
      if (!relation) return undefined;
      const { rows } = await q.query(
        `${CONCERN_SELECT} WHERE k.municipality_id = $1 AND k.child_id = $2 ORDER BY k.created_at DESC, k.id LIMIT 500`,
        [m, childId],
      );
      return { relation, items: rows.map(toConcern) };
    });
    if (!found) throw new AppError('NOT_FOUND');
    await ctx.audit.record(
      auditEvent(ctx, {
        relation: found.relation,
        action: 'read',
        entity: 'child',
        entityId: childId,
        childId,
        detail: { view: 'concerns', concernIds: found.items.map((c) => c.id) },
      }),
    );
    return { items: found.items };
  },
);
