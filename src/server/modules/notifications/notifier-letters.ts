import type { Queryable } from '../../db/client.ts';
import { queueLetter } from '../letters/queue-letter.ts';

interface TNotifierRow {
  id: string;
  reference: string;
  received_at: Date;
  notifier_name: string;
  notifier_unit_name: string | null;
  decision: string | null;
}

async function notifier(q: Queryable, municipalityId: string, id: string): Promise<TNotifierRow | undefined> {
  const { rows } = await q.query(
    `SELECT n.id, n.reference, n.received_at, u.name AS notifier_name, un.name AS notifier_unit_name, n.decision
       FROM notifications n
       JOIN users u ON u.municipality_id = n.municipality_id AND u.id = n.notifier_user_id
       LEFT JOIN units un ON un.municipality_id = n.municipality_id AND un.id = n.notifier_unit_id
      WHERE n.municipality_id = $1 AND n.id = $2 AND n.source = 'professional'`,
    [municipalityId, id],
  );
  return rows[0];
}

/**
 * The receipt to a professional notifier, as a PDF letter through the outbox (idempotent per notification),
 * in the caller's transaction. The letter names no child: the notifier knows whom it concerns.
 */
export async function queueReceipt(q: Queryable, municipalityId: string, id: string): Promise<string | null> {
  const n = await notifier(q, municipalityId, id);
  if (!n) return null;
  const letter = await queueLetter(q, {
    municipalityId,
    kind: 'notificationReceipt',
    recipient: { name: n.notifier_name, addressLines: n.notifier_unit_name ? [n.notifier_unit_name] : [] },
    template: 'notificationReceipt',
    data: { receivedAt: n.received_at.toISOString(), reference: n.reference },
    idempotencyKey: `notification-receipt:${id}`,
  });
  await q.query(
    `UPDATE notifications SET receipt_letter_id = $3, receipt_queued_at = coalesce(receipt_queued_at, now())
      WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, id, letter.id],
  );
  return letter.id;
}

/** A § 20 child assessment or an acute measure means an investigation was started. */
export function investigationStarted(decision: string): boolean {
  return decision === 'childAssessment' || decision === 'acuteMeasure';
}

/** Tells a professional notifier whether an investigation was started, once the decision is recorded. */
export async function queueOutcome(q: Queryable, municipalityId: string, id: string): Promise<string | null> {
  const n = await notifier(q, municipalityId, id);
  if (!n?.decision) return null;
  const letter = await queueLetter(q, {
    municipalityId,
    kind: 'notificationOutcome',
    recipient: { name: n.notifier_name, addressLines: n.notifier_unit_name ? [n.notifier_unit_name] : [] },
    template: 'notificationOutcome',
    data: {
      receivedAt: n.received_at.toISOString(),
      reference: n.reference,
      investigationStarted: investigationStarted(n.decision),
    },
    idempotencyKey: `notification-outcome:${id}`,
  });
  await q.query(
    `UPDATE notifications SET outcome_letter_id = $3, outcome_queued_at = coalesce(outcome_queued_at, now())
      WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, id, letter.id],
  );
  return letter.id;
}
