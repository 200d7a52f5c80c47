import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { remindUnansweredReferrals } from './remind-unanswered-referrals.ts';

export const REFERRALS_QUEUE = 'referrals-unanswered';

/** Every weekday morning at 06:40: alerts for referrals a provider has not answered, escalations after longer. */
export async function registerReferralJobs(boss: PgBoss, db: Db): Promise<void> {
  await boss.createQueue(REFERRALS_QUEUE);
  await boss.schedule(REFERRALS_QUEUE, '40 6 * * 1-5', {}, { tz: 'Europe/Copenhagen' });
  await boss.work(REFERRALS_QUEUE, async () => {
    await remindUnansweredReferrals(db);
  });
}
