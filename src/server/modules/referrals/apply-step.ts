import {
  stepRefusal,
  type TReferralActor,
  type TReferralStatus,
  type TReferralStep,
} from '../../../domain/offers/referral-status.ts';
import type { TLocale } from '../../../shared/i18n/errors.ts';
import { REFERRAL_STATUS_LABELS } from '../../../shared/i18n/referral-status.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { AppError, fieldError } from '../../http/errors.ts';

export interface TStepTarget {
  id: string;
  status: TReferralStatus;
  startedAt: Date | null;
}

/** The month the referral started (YYYY-MM), in Danish time as the months are counted. */
function startedIn(target: TStepTarget): string | null {
  if (!target.startedAt) return null;
  return new Date(target.startedAt)
    .toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
    .slice(0, 7);
}

/**
 * Refuses a step the state machine does not allow (src/domain/offers/referral-status.ts): out of order 409
 * REFERRAL_TRANSITION naming both statuses in the user's language, a missing reason 400 on `note`, an attendance
 * month in the future or before the start 400 on `period` (or on `field` where the caller names the referral).
 */
export function refuseStep(
  target: TStepTarget,
  step: TReferralStep,
  actor: TReferralActor,
  today: string,
  locale: TLocale,
  field = 'period',
): void {
  const refusal = stepRefusal(target.status, step, actor, { startedIn: startedIn(target), today });
  if (!refusal) return;
  switch (refusal.kind) {
    case 'outOfOrder':
      throw new AppError('REFERRAL_TRANSITION', {
        params: {
          from: REFERRAL_STATUS_LABELS[locale][refusal.from],
          to: REFERRAL_STATUS_LABELS[locale][refusal.to],
        },
      });
    case 'notYours':
      throw new AppError('FORBIDDEN');
    case 'noteRequired':
      throw fieldError('note', 'field.reasonNoteRequired');
    case 'periodInFuture':
      throw fieldError('period', 'field.periodInFuture');
    case 'periodBeforeStart':
      throw fieldError(field, 'field.periodBeforeStart', { started: startedIn(target) });
  }
}

/**
 * Writes a step the caller has checked: the referral's status and what goes with it (waiting position, reason,
 * note, the start), who set it and when, a new version, and the event in the history.
 */
export async function applyStep(
  q: Queryable,
  m: string,
  target: TStepTarget,
  step: TReferralStep,
  actor: TReferralActor,
  userId: string,
): Promise<void> {
  const position = step.status === 'waitingList' ? step.position : null;
  const reason = step.status === 'declined' || step.status === 'ended' ? step.reason : null;
  const note =
    (step.status === 'declined' || step.status === 'ended' ? step.note?.trim() : undefined) || null;
  const period = step.status === 'attending' ? `${step.period}-01` : null;
  await q.query(
    sql`UPDATE referrals SET status = ${step.status}, waiting_position = ${position},
               decline_reason = ${step.status === 'declined' ? reason : null},
               end_reason = ${step.status === 'ended' ? reason : null},
               status_note = ${note}, status_at = now(), status_by = ${userId},
               started_at = CASE WHEN ${step.status} = 'started' AND started_at IS NULL THEN now() ELSE started_at END,
               version = version + 1
         WHERE municipality_id = ${m} AND id = ${target.id}`,
  );
  await q.query(
    sql`INSERT INTO referral_events (municipality_id, referral_id, status, by_user, actor, reason, note, position, period)
        VALUES (${m}, ${target.id}, ${step.status}, ${userId}, ${actor}, ${reason}, ${note}, ${position}, ${period}::date)`,
  );
}
