import type { TAssessNotificationRequest } from '../../../shared/schemas/notifications.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { INTAKE, lockNotification } from './notifications.access.ts';

/**
 * The 24-hour assessment: is the child's health or development at risk, is acute action needed — who made
 * it and when. It may be revised until a decision is recorded; the time of the first assessment is what
 * the 24-hour deadline is measured on, so a revision keeps it.
 */
export const assessNotification = defineUseCase(
  'assess:notification:municipality',
  async (
    ctx,
    id: string,
    input: TAssessNotificationRequest,
  ): Promise<{ id: string; assessedAt: string; version: number }> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const current = await lockNotification(q, m, id, input.version);
      if (current.decision) throw new AppError('NOTIFICATION_DECIDED');
      const { rows } = await q.query(
        `UPDATE notifications SET assessed_at = coalesce(assessed_at, now()), assessed_by = coalesce(assessed_by, $3),
              health_at_risk = $4, acute_needed = $5, assessment_note = $6, version = version + 1, updated_at = now()
        WHERE municipality_id = $1 AND id = $2 RETURNING assessed_at, version`,
        [m, id, ctx.user.userId, input.healthAtRisk, input.acuteNeeded, input.note ?? null],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: current.assessed_at ? 'update' : 'assess',
          entity: 'notification',
          entityId: id,
          childId: current.child_id,
          relation: INTAKE,
          detail: { healthAtRisk: input.healthAtRisk, acuteNeeded: input.acuteNeeded },
        }),
      );
      return { id, assessedAt: rows[0].assessed_at.toISOString(), version: rows[0].version };
    });
  },
);
