import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { kickLetterSender } from '../letters/letters.jobs.ts';
import { runNoticeSweep } from './notice-sweep.ts';

export const NOTICES_QUEUE = 'information-notices';

/** Asks the sweep to run now (a round opened, a concern or meeting item recorded, an exception ended). */
export async function dispatchNotices(boss: PgBoss): Promise<void> {
  await boss.send(NOTICES_QUEUE, {}, { singletonKey: NOTICES_QUEUE, singletonSeconds: 2 });
}

/**
 * Information notices (decision 024): the sweep every ten minutes, at boot (the demo's open round gets its
 * notices), and whenever dispatched; the letter sender is kicked after letters were queued. 'stately': one
 * run at a time and one waiting — another instance running it too is safe all the same.
 */
export async function registerNoticeJobs(boss: PgBoss, db: Db, audit: AuditWriter): Promise<void> {
  await boss.createQueue(NOTICES_QUEUE, { name: NOTICES_QUEUE, policy: 'stately' });
  await boss.schedule(NOTICES_QUEUE, '*/10 * * * *');
  await boss.work(NOTICES_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    const run = await runNoticeSweep({ db, audit });
    if (run.letters > 0) await kickLetterSender(boss);
  });
  await boss.send(NOTICES_QUEUE, {});
}
