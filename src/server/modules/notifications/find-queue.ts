import type { TPage } from '../../../shared/schemas/common.ts';
import type { TNotificationQueueQuery, TQueueItem } from '../../../shared/schemas/notifications.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { INTAKE, REPEAT_COUNT_SQL, statusOf } from './notifications.access.ts';

const ORDER = {
  // Open: those still waiting for their 24-hour assessment first, least time left first.
  open: 'n.assessed_at IS NOT NULL, n.assessment_due_at, n.id',
  decided: 'n.decided_at DESC, n.id',
  all: 'n.received_at DESC, n.id',
} as const;

/** The intake queue: the municipality's notifications sorted by time left, with repeats on the same child counted. */
export const findQueue = defineUseCase(
  'read:notification:municipality',
  async (ctx, query: TNotificationQueueQuery): Promise<TPage<TQueueItem>> => {
    const m = ctx.user.municipalityId;
    const where =
      query.status === 'open'
        ? 'AND n.decided_at IS NULL'
        : query.status === 'decided'
          ? 'AND n.decided_at IS NOT NULL'
          : '';
    const { rows } = await ctx.db.tenantRead(m, (q) =>
      q.query(
        `SELECT n.id, n.reference, n.source, n.notifier_kind, n.anonymous, n.received_at, n.assessment_due_at,
              n.assessed_at, n.decision, n.escalated_at, n.child_id,
              coalesce(c.first_name || ' ' || c.last_name, n.child_name) AS child_name,
              coalesce(c.birth_date, n.child_birth_date) AS child_birth_date,
              ${REPEAT_COUNT_SQL} AS repeat_count, count(*) OVER ()::int AS total
         FROM notifications n
         LEFT JOIN children c ON c.municipality_id = n.municipality_id AND c.id = n.child_id
        WHERE n.municipality_id = $1 ${where}
        ORDER BY ${ORDER[query.status]}
        LIMIT $2 OFFSET $3`,
        [m, query.pageSize, (query.page - 1) * query.pageSize],
      ),
    );
    const now = Date.now();
    const items: TQueueItem[] = rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      source: r.source,
      notifierKind: r.notifier_kind,
      anonymous: r.anonymous,
      receivedAt: r.received_at.toISOString(),
      assessmentDueAt: r.assessment_due_at.toISOString(),
      status: statusOf(r),
      overdue: !r.assessed_at && r.assessment_due_at.getTime() < now,
      escalatedAt: r.escalated_at?.toISOString() ?? null,
      child: {
        id: r.child_id,
        name: r.child_name,
        birthDate: r.child_birth_date,
        matched: r.child_id !== null,
      },
      repeatCount: r.repeat_count,
      decision: r.decision,
    }));
    await ctx.audit.record(
      auditEvent(ctx, {
        action: 'read',
        entity: 'notification',
        entityId: null,
        childId: null,
        relation: INTAKE,
        detail: {
          view: 'queue',
          notificationIds: items.map((i) => i.id),
          childIds: [...new Set(items.flatMap((i) => (i.child.id ? [i.child.id] : [])))],
        },
      }),
    );
    return { items, total: rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
  },
);
