import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { remindCaseDeadlines } from './remind-case-deadlines.ts';

export const CASE_DEADLINES_QUEUE = 'case-deadline-reminders';

/** Every morning at 06:30: reminders of case deadlines within a week, escalation of overdue ones. */
export async function registerCaseJobs(boss: PgBoss, db: Db): Promise<void> {
  await boss.createQueue(CASE_DEADLINES_QUEUE);
  await boss.schedule(CASE_DEADLINES_QUEUE, '30 6 * * *', {}, { tz: 'Europe/Copenhagen' });
  await boss.work(CASE_DEADLINES_QUEUE, async () => {
    await remindCaseDeadlines(db);
  });
}
