import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';

export const OFFER_WAITS_QUEUE = 'offer-waits-refresh';

/**
 * Every night at 00:10 the offers' waiting figures are recomputed (migration 0036): the six-month window moves with
 * the day, so a start or a decline leaves it without any write to the referrals.
 */
export async function registerOfferJobs(boss: PgBoss, db: Db): Promise<void> {
  await boss.createQueue(OFFER_WAITS_QUEUE);
  await boss.schedule(OFFER_WAITS_QUEUE, '10 0 * * *', {}, { tz: 'Europe/Copenhagen' });
  await boss.work(OFFER_WAITS_QUEUE, async () => {
    await db.system((q) => q.query('SELECT offer_waits_refresh_all()'));
  });
}
