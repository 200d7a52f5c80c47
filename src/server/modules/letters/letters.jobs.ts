import path from 'node:path';
import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { readEnv } from '../../env.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { fileDropTransport } from './file-drop-transport.ts';
import { sendAllDueLetters } from './send-due-letters.ts';
import type { TLetterTransport } from './transport.ts';

export const SEND_LETTERS_QUEUE = 'send-letters';

/** The folder the file-drop transport writes to: LETTERS_OUTBOX_DIR, else <DATA_DIR>/outbox. */
export function outboxFolder(): string {
  const env = readEnv();
  return path.resolve(env.LETTERS_OUTBOX_DIR ?? path.join(env.DATA_DIR, 'outbox'));
}

/** Asks the sender to run now (after letters were queued) instead of at its next minute. */
export async function kickLetterSender(boss: PgBoss): Promise<void> {
  await boss.send(SEND_LETTERS_QUEUE, {}, { singletonKey: 'send-letters', singletonSeconds: 2 });
}

/**
 * The letter sender: every minute, and whenever kicked. Several app instances may run it at once; the claim
 * in sendDueLetters keeps each letter to one of them.
 */
export async function registerLetterJobs(
  boss: PgBoss,
  db: Db,
  audit: AuditWriter,
  transport: TLetterTransport = fileDropTransport(outboxFolder()),
): Promise<void> {
  await boss.createQueue(SEND_LETTERS_QUEUE);
  await boss.schedule(SEND_LETTERS_QUEUE, '* * * * *');
  await boss.work(SEND_LETTERS_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    await sendAllDueLetters(db, audit, transport);
  });
}
