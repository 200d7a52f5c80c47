import type { TOwnNotification } from '../../../shared/schemas/notifications.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { defineUseCase } from '../../http/use-case.ts';

/**
 * The notifications the user made, with only what a notifier is entitled to: that it was received, the
 * receipt, and — once decided — whether an investigation was started. Nothing about the child or the case.
 */
export const findOwnNotifications = defineUseCase(
  'read:notification:own',
  async (ctx): Promise<{ items: TOwnNotification[] }> => {
    const m = ctx.user.municipalityId;
    const { rows } = await ctx.db.tenantRead(m, (q) =>
      q.query(
        `SELECT id, reference, notifier_kind AS "notifierKind", received_at AS "receivedAt",
              receipt_due_on AS "receiptDueOn", receipt_queued_at AS "receiptSentAt",
              CASE WHEN decision IS NULL THEN NULL ELSE decision IN ('childAssessment', 'acuteMeasure') END
                AS "investigationStarted"
         FROM notifications WHERE municipality_id = $1 AND notifier_user_id = $2
        ORDER BY received_at DESC LIMIT 200`,
        [m, ctx.user.userId],
      ),
    );
    await ctx.audit.record(
      auditEvent(ctx, {
        action: 'read',
        entity: 'notification',
        entityId: null,
        childId: null,
        purpose: 'notifier',
        detail: { view: 'own', notificationIds: rows.map((r) => r.id) },
      }),
    );
    return {
      items: rows.map((r) => ({
        ...r,
        receivedAt: r.receivedAt.toISOString(),
        receiptSentAt: r.receiptSentAt?.toISOString() ?? null,
      })),
    };
  },
);
