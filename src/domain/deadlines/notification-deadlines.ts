import type { TDeadlineConfig } from './config.ts';
import { danishDate, type TIsoDate } from './dates.ts';
import { addWeekdays } from './holidays.ts';

const HOUR = 3_600_000;

/**
 * A notification is assessed within 24 hours of receipt: whether the child's health or development is at
 * risk and whether acute action is needed (Barnets Lov, the municipality's handling of notifications).
 * Elapsed hours, weekends and nights included — the authority keeps a duty roster for them.
 */
export function notificationAssessmentDue(
  receivedAt: Date,
  config: Pick<TDeadlineConfig, 'assessmentHours'>,
): Date {
  return new Date(receivedAt.getTime() + config.assessmentHours * HOUR);
}

/**
 * A professional notifier gets a receipt within 6 weekdays (established practice, formerly SEL § 155 b):
 * the last Danish calendar date it may be sent, counting weekdays after the day of receipt in Denmark and
 * skipping weekends, public holidays and the days off the municipality configures.
 */
export function receiptDue(
  receivedAt: Date,
  config: Pick<
    TDeadlineConfig,
    'receiptWeekdays' | 'constitutionDayOff' | 'christmasEveOff' | 'newYearsEveOff'
  >,
): TIsoDate {
  return addWeekdays(danishDate(receivedAt), config.receiptWeekdays, config);
}

/** Was (or is) the assessment in time? `assessedAt` missing: judged against `now`. */
export function assessedInTime(
  receivedAt: Date,
  assessedAt: Date | null,
  now: Date,
  config: Pick<TDeadlineConfig, 'assessmentHours'>,
): boolean {
  return (assessedAt ?? now).getTime() <= notificationAssessmentDue(receivedAt, config).getTime();
}

/** Was the receipt sent (queued) on or before its due date, in Danish dates? */
export function receiptInTime(
  receivedAt: Date,
  sentAt: Date,
  config: Pick<
    TDeadlineConfig,
    'receiptWeekdays' | 'constitutionDayOff' | 'christmasEveOff' | 'newYearsEveOff'
  >,
): boolean {
  return danishDate(sentAt) <= receiptDue(receivedAt, config);
}

/** Milliseconds until a deadline; negative once it has passed. */
export function timeLeft(due: Date, now: Date): number {
  return due.getTime() - now.getTime();
}
