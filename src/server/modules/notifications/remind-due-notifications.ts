import type { Db } from '../../db/client.ts';
import { insertAlerts } from '../alerts/insert-alert.ts';
import { activeUsersWithRole } from './active-users-with-role.ts';

/** How long before the 24-hour deadline the intake is reminded of a notification still not assessed. */
export const REMINDER_HOURS_BEFORE = 4;

/**
 * Reminds the intake (every active caseworker of the municipality) of notifications whose assessment deadline
 * is near and still unassessed: an in-app alert of kind 'reminder', once per notification and user.
 * Writes no notification data, so no audit event; the alert names the notification only.
 */
export async function remindDueNotifications(db: Db, now = new Date()): Promise<number> {
  const { rows } = await db.pool.query(
    `SELECT municipality_id, id, reference, child_id, assessment_due_at FROM notifications
      WHERE assessed_at IS NULL AND decided_at IS NULL
        AND assessment_due_at > $1 AND assessment_due_at <= $1 + make_interval(hours => $2)
      ORDER BY assessment_due_at LIMIT 500`,
    [now, REMINDER_HOURS_BEFORE],
  );
  let raised = 0;
  for (const r of rows) {
    raised += await db.tenant(r.municipality_id, async (q) => {
      const intake = await activeUsersWithRole(q, r.municipality_id, 'caseworker');
      const ids = await insertAlerts(q, intake, {
        municipalityId: r.municipality_id,
        // The intake sees notifications by its permission, not through a child relation: the alert names
        // the notification only, so the alerts list (filtered by child relation) shows it to the intake.
        childId: null,
        kind: 'reminder',
        reason: {
          code: 'notificationDueSoon',
          params: { reference: r.reference, dueAt: r.assessment_due_at.toISOString() },
        },
        link: `/underretninger/${r.id}`,
        dedupeKey: `notification-due:${r.id}`,
      });
      return ids.length;
    });
  }
  return raised;
}
