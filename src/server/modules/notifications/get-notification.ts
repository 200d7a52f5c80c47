import type { TNotificationDetail } from '../../../shared/schemas/notification-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { maskCpr } from '../children/cpr.ts';
import { INTAKE, statusOf } from './notifications.access.ts';

/** One notification for the intake: what was told, by whom, the child, the assessment, the decision, linked ones. */
export const getNotification = defineUseCase(
  'read:notification:municipality',
  async (ctx, id: string): Promise<TNotificationDetail> => {
    const m = ctx.user.municipalityId;
    const result = await ctx.db.tenantRead(m, async (q) => {
      const { rows } = await q.query(
        `SELECT n.*, u.name AS notifier_user_name, un.name AS notifier_unit_name,
              c.first_name || ' ' || c.last_name AS matched_name, c.birth_date AS matched_birth_date,
              ab.name AS assessed_by_name, db.name AS decided_by_name, mb.name AS matched_by_name
         FROM notifications n
         LEFT JOIN users u ON u.municipality_id = n.municipality_id AND u.id = n.notifier_user_id
         LEFT JOIN units un ON un.municipality_id = n.municipality_id AND un.id = n.notifier_unit_id
         LEFT JOIN children c ON c.municipality_id = n.municipality_id AND c.id = n.child_id
         LEFT JOIN users ab ON ab.municipality_id = n.municipality_id AND ab.id = n.assessed_by
         LEFT JOIN users db ON db.municipality_id = n.municipality_id AND db.id = n.decided_by
         LEFT JOIN users mb ON mb.municipality_id = n.municipality_id AND mb.id = n.matched_by
        WHERE n.municipality_id = $1 AND n.id = $2`,
        [m, id],
      );
      const n = rows[0];
      if (!n) throw new AppError('NOT_FOUND');
      const attachments = await q.query(
        `SELECT id, file_name AS "fileName", media_type AS "mediaType", size_bytes AS "sizeBytes"
         FROM notification_attachments WHERE municipality_id = $1 AND notification_id = $2 ORDER BY created_at, id`,
        [m, id],
      );
      const linked = await q.query(
        `SELECT o.id, o.reference, o.source, o.received_at AS "receivedAt", o.decision
         FROM notifications o
        WHERE o.municipality_id = $1 AND o.id <> $2
          AND (($3::uuid IS NOT NULL AND o.child_id = $3) OR ($4::bytea IS NOT NULL AND o.child_cpr_hash = $4))
        ORDER BY o.received_at DESC`,
        [m, id, n.child_id, n.child_cpr_hash],
      );
      const opened = await q.query(
        'SELECT id, reference FROM cases WHERE municipality_id = $1 AND notification_id = $2',
        [m, id],
      );
      return { n, attachments: attachments.rows, linked: linked.rows, case: opened.rows[0] ?? null };
    });
    const { n } = result;
    await ctx.audit.record(
      auditEvent(ctx, {
        action: 'read',
        entity: 'notification',
        entityId: id,
        childId: n.child_id,
        relation: INTAKE,
        detail: { view: 'detail' },
      }),
    );
    const givenCpr = n.child_cpr_encrypted ? maskCpr(ctx.cipher.decrypt(n.child_cpr_encrypted)) : null;
    return {
      id: n.id,
      reference: n.reference,
      source: n.source,
      notifierKind: n.notifier_kind,
      notifier: {
        anonymous: n.anonymous,
        name: n.notifier_user_name ?? n.notifier_name,
        unitName: n.notifier_unit_name,
        email: n.notifier_email,
        phone: n.notifier_phone,
        relation: n.notifier_relation,
      },
      concernId: n.concern_id,
      child: {
        id: n.child_id,
        name: n.matched_name,
        birthDate: n.matched_birth_date,
        matchedAt: n.matched_at?.toISOString() ?? null,
        matchedByName: n.matched_by_name,
        given: {
          cprMasked: givenCpr,
          name: n.child_name,
          birthDate: n.child_birth_date,
          address: n.child_address,
        },
      },
      description: n.description,
      receivedAt: n.received_at.toISOString(),
      assessmentDueAt: n.assessment_due_at.toISOString(),
      receiptDueOn: n.receipt_due_on,
      receiptQueuedAt: n.receipt_queued_at?.toISOString() ?? null,
      outcomeQueuedAt: n.outcome_queued_at?.toISOString() ?? null,
      escalatedAt: n.escalated_at?.toISOString() ?? null,
      status: statusOf(n),
      overdue: !n.assessed_at && n.assessment_due_at.getTime() < Date.now(),
      assessment: n.assessed_at
        ? {
            at: n.assessed_at.toISOString(),
            byName: n.assessed_by_name,
            healthAtRisk: n.health_at_risk,
            acuteNeeded: n.acute_needed,
            note: n.assessment_note,
            inTime: n.assessed_at.getTime() <= n.assessment_due_at.getTime(),
          }
        : null,
      decision: n.decision
        ? {
            decision: n.decision,
            at: n.decided_at.toISOString(),
            byName: n.decided_by_name,
            note: n.decision_note,
          }
        : null,
      attachments: result.attachments,
      linked: result.linked.map((l) => ({ ...l, receivedAt: l.receivedAt.toISOString() })),
      case: result.case ? { id: result.case.id, reference: result.case.reference } : null,
      version: n.version,
    };
  },
);
