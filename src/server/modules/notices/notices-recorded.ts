import type { TDeps } from '../../http/context.ts';
import type { TNoticeScope } from './mark-notices-due.ts';
import { sendDueNotices } from './send-due-notices.ts';

/**
 * After a recording committed (a round opened, a concern, a named meeting item): its notices go out — through
 * the job queue when the server has one, else here and now. A failure is logged and left to the job's next
 * sweep: the recording itself is never undone or refused because of its notice.
 */
export async function noticesRecorded(
  deps: Pick<TDeps, 'db' | 'audit' | 'dispatchNotices'>,
  municipalityId: string,
  scopes: readonly TNoticeScope[],
): Promise<void> {
  if (scopes.length === 0) return;
  try {
    if (deps.dispatchNotices) await deps.dispatchNotices(municipalityId);
    else await sendDueNotices(deps, municipalityId, scopes);
  } catch (error) {
    console.error('information notices: left to the next sweep:', (error as Error).message);
  }
}
