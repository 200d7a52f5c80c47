import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { TLetterTransport } from './transport.ts';

/** Attempts before a letter is marked failed; between them the wait doubles from one minute. */
export const MAX_ATTEMPTS = 5;

export interface TSendResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends one batch of due letters, across municipalities. The claim is `FOR UPDATE SKIP LOCKED` inside one
 * transaction that also records the outcome: a second app instance running this at the same time skips the
 * rows this one holds, and once this one commits, those rows are no longer queued — so no letter is handed
 * to the transport by two instances. Each send is audited (system actor) in the same transaction.
 */
export async function sendDueLetters(
  db: Db,
  audit: AuditWriter,
  transport: TLetterTransport,
  batchSize = 50,
): Promise<TSendResult> {
  return db.system(async (q) => {
    const { rows } = await q.query(
      `SELECT municipality_id, id, kind, subject, recipient_name, recipient_address, child_id, guardian_id,
              created_at, pdf, attempts
         FROM letters
        WHERE status = 'queued' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, created_at
        LIMIT $1
          FOR UPDATE SKIP LOCKED`,
      [batchSize],
    );
    const result: TSendResult = { sent: 0, retried: 0, failed: 0 };
    const events = new Map<string, Parameters<AuditWriter['inTransactionBatch']>[2]>();
    for (const r of rows) {
      try {
        const { ref } = await transport.send({
          id: r.id,
          municipalityId: r.municipality_id,
          kind: r.kind,
          subject: r.subject,
          recipientName: r.recipient_name,
          recipientAddress: r.recipient_address,
          childId: r.child_id,
          guardianId: r.guardian_id,
          createdAt: r.created_at,
          pdf: r.pdf,
        });
        await q.query(
          `UPDATE letters SET status = 'sent', sent_at = now(), attempts = attempts + 1, transport = $3,
                  transport_ref = $4, last_error = NULL
            WHERE municipality_id = $1 AND id = $2`,
          [r.municipality_id, r.id, transport.name, ref],
        );
        result.sent += 1;
        const list = events.get(r.municipality_id) ?? [];
        list.push({
          municipalityId: r.municipality_id,
          userId: null,
          role: null,
          action: 'send',
          entity: 'letter',
          entityId: r.id,
          childId: r.child_id,
          purpose: `letter:${r.kind}`,
          ip: null,
          detail: { transport: transport.name },
        });
        events.set(r.municipality_id, list);
      } catch (error) {
        const attempts = (r.attempts as number) + 1;
        const giveUp = attempts >= MAX_ATTEMPTS;
        await q.query(
          `UPDATE letters SET attempts = $3, last_error = $4, transport = $5,
                  status = CASE WHEN $6 THEN 'failed'::letter_status ELSE 'queued'::letter_status END,
                  next_attempt_at = now() + make_interval(mins => $7)
            WHERE municipality_id = $1 AND id = $2`,
          [
            r.municipality_id,
            r.id,
            attempts,
            String((error as Error)?.message ?? error).slice(0, 500),
            transport.name,
            giveUp,
            2 ** (attempts - 1),
          ],
        );
        if (giveUp) result.failed += 1;
        else result.retried += 1;
      }
    }
    for (const m of [...events.keys()].sort()) await audit.inTransactionBatch(q, m, events.get(m) ?? []);
    return result;
  });
}

/** Sends batches until nothing is due. */
export async function sendAllDueLetters(
  db: Db,
  audit: AuditWriter,
  transport: TLetterTransport,
): Promise<TSendResult> {
  const total: TSendResult = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const r = await sendDueLetters(db, audit, transport);
    total.sent += r.sent;
    total.retried += r.retried;
    total.failed += r.failed;
    if (r.sent + r.retried + r.failed === 0) return total;
  }
}
