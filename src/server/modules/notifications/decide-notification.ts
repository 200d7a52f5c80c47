import type { TDecideNotificationRequest } from '../../../shared/schemas/notifications.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { INTAKE, lockNotification } from './notifications.access.ts';
import { queueOutcome } from './notifier-letters.ts';

/**
 * Every notification ends in a recorded decision: no further action, § 19 screening, § 20 child
 * assessment, or an acute measure. Refused without the 24-hour assessment before it, and — unless nothing
 * further is done — without knowing which child it is. A professional notifier is then told, by letter,
 * whether an investigation was started.
 */
export const decideNotification = defineUseCase(
  'assess:notification:municipality',
  async (
    ctx,
    id: string,
    input: TDecideNotificationRequest,
  ): Promise<{ id: string; decision: string; decidedAt: string; version: number }> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const current = await lockNotification(q, m, id, input.version);
      if (current.decision) throw new AppError('NOTIFICATION_DECIDED');
      if (!current.assessed_at) throw new AppError('NOTIFICATION_NOT_ASSESSED');
      if (!current.child_id && input.decision !== 'noFurtherAction')
        throw new AppError('NOTIFICATION_CHILD_UNKNOWN');
      const { rows } = await q.query(
        `UPDATE notifications SET decision = $3, decided_at = now(), decided_by = $4, decision_note = $5,
              version = version + 1, updated_at = now()
        WHERE municipality_id = $1 AND id = $2 RETURNING decided_at, version`,
        [m, id, input.decision, ctx.user.userId, input.note ?? null],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'decide',
          entity: 'notification',
          entityId: id,
          childId: current.child_id,
          relation: INTAKE,
          detail: { decision: input.decision },
        }),
      );
      if (current.source === 'professional') await queueOutcome(q, m, id);
      return {
        id,
        decision: input.decision,
        decidedAt: rows[0].decided_at.toISOString(),
        version: rows[0].version,
      };
    });
  },
);
