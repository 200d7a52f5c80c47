import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { queueReceipt } from './notifier-letters.ts';

/**
 * Queues the receipt letter for every professional notification that has none yet, one transaction per
 * notification (a failing one does not hold back the rest). Safe with several instances: the row lock
 * skips a notification another worker is on, and the letter's idempotency key writes it once.
 */
export async function queueDueReceipts(db: Db, audit: AuditWriter, limit = 200): Promise<number> {
  const { rows } = await db.pool.query(
    `SELECT municipality_id, id FROM notifications
      WHERE source = 'professional' AND receipt_letter_id IS NULL ORDER BY received_at LIMIT $1`,
    [limit],
  );
  let queued = 0;
  for (const r of rows) {
    const done = await db.tenant(r.municipality_id, async (q) => {
      const { rows: locked } = await q.query(
        `SELECT child_id FROM notifications WHERE municipality_id = $1 AND id = $2 AND receipt_letter_id IS NULL
          FOR UPDATE SKIP LOCKED`,
        [r.municipality_id, r.id],
      );
      if (!locked[0]) return false;
      const letterId = await queueReceipt(q, r.municipality_id, r.id);
      if (!letterId) return false;
      await audit.inTransaction(q, {
        municipalityId: r.municipality_id,
        userId: null,
        role: null,
        action: 'receipt',
        entity: 'notification',
        entityId: r.id,
        // The letter names no child, but the event is about the notification's child (its access log).
        childId: locked[0].child_id,
        purpose: 'receipt',
        ip: null,
        detail: { letterId },
      });
      return true;
    });
    if (done) queued++;
  }
  return queued;
}
