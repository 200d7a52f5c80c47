import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { escalateOverdueNotifications } from './escalate-overdue.ts';
import { queueDueReceipts } from './queue-due-receipts.ts';

export const NOTIFICATION_QUEUES = {
  escalateOverdue: 'notifications-escalate-overdue',
  receipts: 'notifications-receipts',
} as const;

/** Every minute: escalate notifications past their 24 hours, and queue receipts to professional notifiers. */
export async function registerNotificationJobs(boss: PgBoss, db: Db, audit: AuditWriter): Promise<void> {
  await boss.createQueue(NOTIFICATION_QUEUES.escalateOverdue);
  await boss.schedule(NOTIFICATION_QUEUES.escalateOverdue, '* * * * *');
  await boss.work(NOTIFICATION_QUEUES.escalateOverdue, async () => {
    await escalateOverdueNotifications(db, audit);
  });
  await boss.createQueue(NOTIFICATION_QUEUES.receipts);
  await boss.schedule(NOTIFICATION_QUEUES.receipts, '* * * * *');
  await boss.work(NOTIFICATION_QUEUES.receipts, async () => {
    await queueDueReceipts(db, audit);
  });
}
