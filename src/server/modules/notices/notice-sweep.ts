import type { Db } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { endDueExceptions } from './end-due-exceptions.ts';
import { markOpenRoundsDue } from './mark-notices-due.ts';
import { sendDueNotices, type TNoticeRun } from './send-due-notices.ts';

/**
 * The job's round (notices.jobs.ts), per municipality: exceptions whose time has come end; children
 * enrolled since an open or coming round was created become due; everything due and not held back is
 * told. Safe to run on several instances at once (see sendDueNotices).
 */
export async function runNoticeSweep(deps: { db: Db; audit: AuditWriter }): Promise<TNoticeRun> {
  const total: TNoticeRun = { children: 0, letters: 0, followUps: 0 };
  const { rows } = await deps.db.pool.query(sql`SELECT id FROM municipalities ORDER BY id`);
  for (const { id: m } of rows) {
    await endDueExceptions(deps, m);
    await deps.db.tenant(m, (q) => markOpenRoundsDue(q, m));
    const run = await sendDueNotices(deps, m);
    total.children += run.children;
    total.letters += run.letters;
    total.followUps += run.followUps;
  }
  return total;
}
