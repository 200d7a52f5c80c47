import { notificationAssessmentDue, receiptDue } from '../../../domain/deadlines/index.ts';
import type { TNotificationSource, TNotifierKind } from '../../../shared/schemas/notifications.ts';
import type { Queryable } from '../../db/client.ts';
import type { TDeps } from '../../http/context.ts';
import { loadDeadlineConfig } from '../deadline-settings/load-deadline-config.ts';
import type { TCheckedAttachment } from './attachments.ts';
import { newNotificationReference } from './reference.ts';

export interface TNewNotification {
  municipalityId: string;
  source: TNotificationSource;
  notifierKind?: TNotifierKind;
  notifierUserId?: string;
  notifierUnitId?: string;
  anonymous: boolean;
  notifierName?: string;
  notifierEmail?: string;
  notifierPhone?: string;
  notifierRelation?: string;
  concernId?: string;
  /** A child record the notifier identified (a professional's own child, or the concern's). */
  childId?: string;
  cpr?: string;
  childName?: string;
  childBirthDate?: string;
  childAddress?: string;
  description: string;
  attachments: TCheckedAttachment[];
  receivedAt?: Date;
}

export interface TRecordedNotification {
  id: string;
  reference: string;
  receivedAt: string;
  assessmentDueAt: string;
  receiptDueOn: string | null;
  childId: string | null;
}

/**
 * Writes a notification and its attachments in the caller's transaction, with its deadlines computed from
 * the municipality's settings. A CPR number that names a registered child matches the notification to it
 * at once (an exact key); anything else waits for an intake worker.
 */
export async function recordNotification(
  q: Queryable,
  deps: Pick<TDeps, 'cipher'>,
  input: TNewNotification,
): Promise<TRecordedNotification> {
  const m = input.municipalityId;
  const config = await loadDeadlineConfig(q, m);
  const receivedAt = input.receivedAt ?? new Date();
  const cprHash = input.cpr ? deps.cipher.hash(input.cpr) : null;
  let childId = input.childId ?? null;
  if (!childId && cprHash) {
    const { rows } = await q.query('SELECT id FROM children WHERE municipality_id = $1 AND cpr_hash = $2', [
      m,
      cprHash,
    ]);
    childId = rows[0]?.id ?? null;
  }
  const assessmentDueAt = notificationAssessmentDue(receivedAt, config);
  const receiptDueOn = input.source === 'professional' ? receiptDue(receivedAt, config) : null;
  let inserted: { id: string; reference: string } | undefined;
  for (let attempt = 0; !inserted; attempt++) {
    const { rows } = await q.query(
      `INSERT INTO notifications (municipality_id, reference, source, notifier_kind, notifier_user_id, notifier_unit_id,
         anonymous, notifier_name, notifier_email, notifier_phone, notifier_relation, concern_id, child_id,
         child_cpr_encrypted, child_cpr_hash, child_name, child_birth_date, child_address, description,
         received_at, assessment_due_at, receipt_due_on, matched_at, matched_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
         CASE WHEN $13::uuid IS NULL THEN NULL ELSE $20::timestamptz END, $23)
       ON CONFLICT (municipality_id, reference) DO NOTHING
       RETURNING id, reference`,
      [
        m,
        newNotificationReference(),
        input.source,
        input.notifierKind ?? null,
        input.notifierUserId ?? null,
        input.notifierUnitId ?? null,
        input.anonymous,
        input.anonymous ? null : (input.notifierName ?? null),
        input.anonymous ? null : (input.notifierEmail ?? null),
        input.anonymous ? null : (input.notifierPhone ?? null),
        input.notifierRelation ?? null,
        input.concernId ?? null,
        childId,
        input.cpr ? deps.cipher.encrypt(input.cpr) : null,
        cprHash,
        input.childName ?? null,
        input.childBirthDate ?? null,
        input.childAddress ?? null,
        input.description,
        receivedAt,
        assessmentDueAt,
        receiptDueOn,
        input.childId ? (input.notifierUserId ?? null) : null,
      ],
    );
    inserted = rows[0];
    if (!inserted && attempt >= 5) throw new Error('no free notification reference');
  }
  for (const a of input.attachments) {
    await q.query(
      // clock_timestamp(): the files keep the order they were given in.
      `INSERT INTO notification_attachments (municipality_id, notification_id, file_name, media_type, size_bytes, content, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())`,
      [m, inserted.id, a.fileName, a.mediaType, a.content.length, a.content],
    );
  }
  return {
    id: inserted.id,
    reference: inserted.reference,
    receivedAt: receivedAt.toISOString(),
    assessmentDueAt: assessmentDueAt.toISOString(),
    receiptDueOn,
    childId,
  };
}
