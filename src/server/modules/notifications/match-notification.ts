import type { TMatchNotificationRequest } from '../../../shared/schemas/notifications.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { INTAKE, lockNotification } from './notifications.access.ts';

/** An intake worker matches a notification to a child record of the municipality (or corrects a match). */
export const matchNotification = defineUseCase(
  'assess:notification:municipality',
  async (
    ctx,
    id: string,
    input: TMatchNotificationRequest,
  ): Promise<{ id: string; childId: string; version: number }> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const current = await lockNotification(q, m, id, input.version);
      const child = await q.query('SELECT 1 FROM children WHERE municipality_id = $1 AND id = $2', [
        m,
        input.childId,
      ]);
      if (child.rowCount === 0) throw fieldError('childId', 'field.unknownChild');
      const { rows } = await q.query(
        `UPDATE notifications SET child_id = $3, matched_at = now(), matched_by = $4, version = version + 1, updated_at = now()
        WHERE municipality_id = $1 AND id = $2 RETURNING version`,
        [m, id, input.childId, ctx.user.userId],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'match',
          entity: 'notification',
          entityId: id,
          childId: input.childId,
          relation: INTAKE,
          detail: { previousChildId: current.child_id },
        }),
      );
      return { id, childId: input.childId, version: rows[0].version };
    });
  },
);
