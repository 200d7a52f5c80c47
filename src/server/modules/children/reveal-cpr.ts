import { formatCpr } from '../../../domain/cpr.ts';
import type { TRevealCprRequest } from '../../../shared/schemas/children.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childAccess } from './children.access.ts';

/** Shows the full CPR number to a user with a relation to the child; the written reason goes into the audit log. */
export const revealCpr = defineUseCase(
  'reveal:cpr:unit',
  async (ctx, childId: string, input: TRevealCprRequest): Promise<{ cpr: string }> =>
    ctx.db.tenant(ctx.user.municipalityId, async (q) => {
      const relation = await childAccess(q, ctx, childId);
      if (!relation) throw new AppError('NOT_FOUND');
      const { rows } = await q.query(
        'SELECT cpr_encrypted FROM children WHERE municipality_id = $1 AND id = $2',
        [ctx.user.municipalityId, childId],
      );
      const encrypted = rows[0]?.cpr_encrypted;
      if (!encrypted) throw new AppError('NOT_FOUND');
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          relation,
          action: 'reveal-cpr',
          entity: 'child',
          entityId: childId,
          childId,
          detail: { reason: input.reason },
        }),
      );
      return { cpr: formatCpr(ctx.cipher.decrypt(encrypted)) };
    }),
);
