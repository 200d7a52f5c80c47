import type { TDeadlineConfig } from './config.ts';
import { ageOn, birthdayAt, type TIsoDate } from './dates.ts';

/** § 3: the date the child becomes a party to its case (10th birthday). */
export function partyStatusFrom(
  birthDate: TIsoDate,
  config: Pick<TDeadlineConfig, 'partyStatusAge'>,
): TIsoDate {
  return birthdayAt(birthDate, config.partyStatusAge);
}

export function hasPartyStatus(
  birthDate: TIsoDate,
  on: TIsoDate,
  config: Pick<TDeadlineConfig, 'partyStatusAge'>,
): boolean {
  return ageOn(birthDate, on) >= config.partyStatusAge;
}

/** § 108: the date from which the child's plan is a youth plan (16th birthday). */
export function youthPlanFrom(birthDate: TIsoDate, config: Pick<TDeadlineConfig, 'youthPlanAge'>): TIsoDate {
  return birthdayAt(birthDate, config.youthPlanAge);
}

/** Which plan the child gets on a date: barnets plan, or ungeplanen from 16. */
export function planKind(
  birthDate: TIsoDate,
  on: TIsoDate,
  config: Pick<TDeadlineConfig, 'youthPlanAge'>,
): 'childPlan' | 'youthPlan' {
  return ageOn(birthDate, on) >= config.youthPlanAge ? 'youthPlan' : 'childPlan';
}
