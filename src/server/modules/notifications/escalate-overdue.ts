import type { Db } from '../../db/client.ts';
import { insertAlerts } from '../alerts/insert-alert.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { activeUsersWithRole } from './active-users-with-role.ts';

/**
 * Notifications past their 24-hour deadline without an assessment are flagged and escalated: every active
 * case work manager of the municipality gets an in-app alert (kind 'overdue'), once per notification.
 */
export async function escalateOverdueNotifications(
  db: Db,
  audit: AuditWriter,
  now = new Date(),
): Promise<number> {
  const { rows } = await db.pool.query(
    `SELECT municipality_id, id FROM notifications
      WHERE assessed_at IS NULL AND decided_at IS NULL AND escalated_at IS NULL AND assessment_due_at < $1
      ORDER BY assessment_due_at LIMIT 500`,
    [now],
  );
  let escalated = 0;
  for (const r of rows) {
    const done = await db.tenant(r.municipality_id, async (q) => {
      const { rows: locked } = await q.query(
        `SELECT reference, child_id, assessment_due_at FROM notifications
          WHERE municipality_id = $1 AND id = $2 AND escalated_at IS NULL AND assessed_at IS NULL FOR UPDATE SKIP LOCKED`,
        [r.municipality_id, r.id],
      );
      const n = locked[0];
      if (!n) return false;
      const managers = await activeUsersWithRole(q, r.municipality_id, 'caseworkManager');
      const alertIds = await insertAlerts(q, managers, {
        municipalityId: r.municipality_id,
        // The intake sees notifications by its permission, not through a child relation: the alert names
        // the notification only, so the alerts list (filtered by child relation) shows it to the manager.
        childId: null,
        kind: 'overdue',
        reason: {
          code: 'notificationOverdue',
          params: { reference: n.reference, dueAt: n.assessment_due_at.toISOString() },
        },
        link: `/underretninger/${r.id}`,
        dedupeKey: `notification-overdue:${r.id}`,
      });
      await q.query('UPDATE notifications SET escalated_at = $3 WHERE municipality_id = $1 AND id = $2', [
        r.municipality_id,
        r.id,
        now,
      ]);
      await audit.inTransaction(q, {
        municipalityId: r.municipality_id,
        userId: null,
        role: null,
        action: 'escalate',
        entity: 'notification',
        entityId: r.id,
        childId: n.child_id,
        purpose: 'deadline',
        ip: null,
        detail: { managers: managers.length, alertIds },
      });
      return true;
    });
    if (done) escalated++;
  }
  return escalated;
}
