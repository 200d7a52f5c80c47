import PgBoss from 'pg-boss';
import type { Db } from '../db/client.ts';
import { purgeExpiredSessions } from './purge-expired-sessions.ts';
import { refreshOpenPopulations } from './refresh-open-populations.ts';

export const QUEUES = {
  purgeSessions: 'purge-expired-sessions',
  refreshPopulations: 'refresh-measurement-populations',
} as const;

/**
 * pg-boss on the same PostgreSQL (schema `pgboss`): jobs survive restarts and, with several app
 * instances, each scheduled job runs once.
 */
export async function startJobs(connectionString: string, db: Db): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, max: 4 });
  boss.on('error', (error) => console.error('job queue error:', error.message));
  await boss.start();
  await boss.createQueue(QUEUES.purgeSessions);
  await boss.schedule(QUEUES.purgeSessions, '*/15 * * * *');
  await boss.work(QUEUES.purgeSessions, async () => {
    await purgeExpiredSessions(db);
  });
  await boss.createQueue(QUEUES.refreshPopulations);
  await boss.schedule(QUEUES.refreshPopulations, '15 2 * * *');
  await boss.work(QUEUES.refreshPopulations, async () => {
    await refreshOpenPopulations(db);
  });
  return boss;
}
