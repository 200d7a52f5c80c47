import type { TDeadlineConfig } from './config.ts';
import { addMonths, type TIsoDate } from './dates.ts';

/** § 20: the child assessment is finished within 4 months of the municipality becoming aware of the need. */
export function childAssessmentDue(
  awareOn: TIsoDate,
  config: Pick<TDeadlineConfig, 'childAssessmentMonths'>,
): TIsoDate {
  return addMonths(awareOn, config.childAssessmentMonths);
}

/** § 91: barnets plan is made within 3 months of a § 32 support measure starting. */
export function planDue(measureStartedOn: TIsoDate, config: Pick<TDeadlineConfig, 'planMonths'>): TIsoDate {
  return addMonths(measureStartedOn, config.planMonths);
}

/**
 * § 95: the first follow-up is at the earlier of the end of the child assessment's period and 3 months
 * after the measure started.
 */
export function firstFollowUpDue(
  input: { measureStartedOn: TIsoDate; assessmentEndsOn?: TIsoDate | null },
  config: Pick<TDeadlineConfig, 'followUpMonths'>,
): TIsoDate {
  const byMeasure = addMonths(input.measureStartedOn, config.followUpMonths);
  const ends = input.assessmentEndsOn;
  return ends && ends < byMeasure ? ends : byMeasure;
}

/** After the first follow-up the measure is followed up at least every 6 months while it runs (§ 95). */
export const FOLLOW_UP_INTERVAL_MONTHS = 6;

/**
 * § 95: the follow-up after one held on `heldOn` — 6 months on, or the measure's planned end if that comes
 * first; none when the measure has ended by the day it was held.
 */
export function nextFollowUpDue(heldOn: TIsoDate, measureEndsOn: TIsoDate | null): TIsoDate | null {
  if (measureEndsOn && measureEndsOn <= heldOn) return null;
  const byInterval = addMonths(heldOn, FOLLOW_UP_INTERVAL_MONTHS);
  return measureEndsOn && measureEndsOn < byInterval ? measureEndsOn : byInterval;
}

/** The deadline's state on a date: done in time, done late, still open, or open and overdue. */
export type TDeadlineState = 'metOnTime' | 'metLate' | 'open' | 'overdue';

export function deadlineState(due: TIsoDate, doneOn: TIsoDate | null, today: TIsoDate): TDeadlineState {
  if (doneOn) return doneOn <= due ? 'metOnTime' : 'metLate';
  return today > due ? 'overdue' : 'open';
}
