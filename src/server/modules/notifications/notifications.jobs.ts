import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { escalateOverdueNotifications } from './escalate-overdue.ts';
import { queueDueReceipts } from './queue-due-receipts.ts';
import { remindDueNotifications } from './remind-due-notifications.ts';

export const NOTIFICATION_QUEUES = {
  escalateOverdue: 'notifications-escalate-overdue',
  receipts: 'notifications-receipts',
} as const;

/**
 * Every minute: remind the intake of notifications near their 24 hours, escalate those past it to the
 * managers, and queue receipts to professional notifiers.
 */
export async function registerNotificationJobs(boss: PgBoss, db: Db, audit: AuditWriter): Promise<void> {
  await boss.createQueue(NOTIFICATION_QUEUES.escalateOverdue);
  await boss.schedule(NOTIFICATION_QUEUES.escalateOverdue, '* * * * *');
  await boss.work(NOTIFICATION_QUEUES.escalateOverdue, async () => {
    await remindDueNotifications(db);
    await escalateOverdueNotifications(db, audit);
  });
  await boss.createQueue(NOTIFICATION_QUEUES.receipts);
  await boss.schedule(NOTIFICATION_QUEUES.receipts, '* * * * *');
  await boss.work(NOTIFICATION_QUEUES.receipts, async () => {
    await queueDueReceipts(db, audit);
  });
}
