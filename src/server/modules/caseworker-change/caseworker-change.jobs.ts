import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { kickLetterSender } from '../letters/letters.jobs.ts';
import { runCaseworkerChange } from './run-caseworker-change.ts';

export const CASEWORKER_CHANGE_QUEUE = 'caseworker-change';

interface TJob {
  municipalityId: string;
  changeId: string;
}

/** Queues a confirmed change for the worker below (one job per change; a retry is harmless). */
export async function enqueueCaseworkerChange(
  boss: PgBoss,
  municipalityId: string,
  changeId: string,
): Promise<void> {
  await boss.send(CASEWORKER_CHANGE_QUEUE, { municipalityId, changeId } satisfies TJob, {
    singletonKey: changeId,
    retryLimit: 3,
    retryDelay: 10,
    expireInMinutes: 30,
  });
}

export async function registerCaseworkerChangeJobs(boss: PgBoss, db: Db, audit: AuditWriter): Promise<void> {
  await boss.createQueue(CASEWORKER_CHANGE_QUEUE);
  await boss.work<TJob>(CASEWORKER_CHANGE_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs)
      await runCaseworkerChange({ db, audit }, job.data.municipalityId, job.data.changeId);
    await kickLetterSender(boss);
  });
}
