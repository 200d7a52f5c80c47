import PgBoss from 'pg-boss';
import type { Db } from '../db/client.ts';
import { AuditWriter } from '../modules/audit/audit-writer.ts';
import { registerCaseJobs } from '../modules/cases/cases.jobs.ts';
import { registerCaseworkerChangeJobs } from '../modules/caseworker-change/caseworker-change.jobs.ts';
import { enforceConsentExpiry } from '../modules/consents/enforce-consent-expiry.ts';
import { runAssessmentImport } from '../modules/imports/run-assessment-import.ts';
import { registerLetterJobs } from '../modules/letters/letters.jobs.ts';
import { sendReminders } from '../modules/my-work/send-reminders.ts';
import { registerNoticeJobs } from '../modules/notices/notices.jobs.ts';
import { registerNotificationJobs } from '../modules/notifications/notifications.jobs.ts';
import { registerOfferJobs } from '../modules/offers/offers.jobs.ts';
import { registerReferralJobs } from '../modules/referrals/referrals.jobs.ts';
import { fillChildProfiles } from './fill-child-profiles.ts';
import { purgeExpiredSessions } from './purge-expired-sessions.ts';
import { refreshOpenPopulations } from './refresh-open-populations.ts';

export const QUEUES = {
  purgeSessions: 'purge-expired-sessions',
  refreshPopulations: 'refresh-measurement-populations',
  assessmentImport: 'assessment-import',
  consentExpiry: 'enforce-consent-expiry',
  meetingReminders: 'meeting-reminders',
  fillChildProfiles: 'fill-child-profiles',
} as const;

/** Queues an assessment import (see src/server/modules/imports/); the worker below runs it. */
export async function enqueueAssessmentImport(boss: PgBoss, importId: string): Promise<void> {
  // A rerun of an import is safe (it starts over or sees it finished), so a crashed worker's job may retry.
  await boss.send(
    QUEUES.assessmentImport,
    { importId },
    { retryLimit: 2, retryDelay: 30, expireInMinutes: 30 },
  );
}

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
  // Consent expiry ends access and alerts meeting organisers; reminders become alerts (issue 4).
  await boss.createQueue(QUEUES.consentExpiry);
  await boss.schedule(QUEUES.consentExpiry, '5 0 * * *');
  await boss.work(QUEUES.consentExpiry, async () => {
    await enforceConsentExpiry(db);
  });
  await boss.createQueue(QUEUES.meetingReminders);
  await boss.schedule(QUEUES.meetingReminders, '0 6 * * *');
  await boss.work(QUEUES.meetingReminders, async () => {
    await sendReminders(db);
  });
  // Profile documents a bulk build deferred (decision 017): soon after boot, then every five minutes.
  // 'stately': one run at a time and at most one waiting, however many instances send at boot.
  await boss.createQueue(QUEUES.fillChildProfiles, { name: QUEUES.fillChildProfiles, policy: 'stately' });
  await boss.schedule(QUEUES.fillChildProfiles, '*/5 * * * *');
  await boss.work(QUEUES.fillChildProfiles, async () => {
    await fillChildProfiles(db);
  });
  await boss.send(QUEUES.fillChildProfiles, {});
  await boss.createQueue(QUEUES.assessmentImport);
  // Imports write their audit events inside their own transaction; the writer's queue is not used.
  const audit = new AuditWriter(db);
  await boss.work<{ importId: string }>(QUEUES.assessmentImport, async (jobs) => {
    for (const job of jobs) await runAssessmentImport({ db, audit }, job.data.importId);
  });
  await registerLetterJobs(boss, db, audit);
  await registerCaseworkerChangeJobs(boss, db, audit);
  await registerCaseJobs(boss, db);
  await registerNotificationJobs(boss, db, audit);
  await registerReferralJobs(boss, db);
  await registerOfferJobs(boss, db);
  await registerNoticeJobs(boss, db, audit);
  return boss;
}
