/**
 * What an offer must satisfy as a whole, beyond each field's own shape (issue 15, item 1): the age range runs
 * forwards, capacity is given as both figures or neither and never more free places than places, and each
 * weekly session ends after it starts. Checked on the offer as it will be after a create or an edit, so an edit
 * of one field is held against the others as stored.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type TWeekday = (typeof WEEKDAYS)[number];

export interface TSession {
  day: TWeekday;
  /** HH:MM, local time. */
  opensAt: string;
  closesAt: string;
}

export interface TOfferShape {
  ageFrom: number;
  ageTo: number;
  capacityTotal: number | null;
  capacityFree: number | null;
  schedule: readonly TSession[];
}

export type TOfferProblemKey =
  | 'field.ageRange'
  | 'field.capacityBoth'
  | 'field.capacityFreeTooMany'
  | 'field.sessionEndsBeforeStart';

export interface TOfferProblem {
  field: string;
  key: TOfferProblemKey;
}

/** The first problem with the offer as a whole, or null. */
export function offerProblem(offer: TOfferShape): TOfferProblem | null {
  if (offer.ageTo < offer.ageFrom) return { field: 'ageTo', key: 'field.ageRange' };
  if ((offer.capacityTotal === null) !== (offer.capacityFree === null))
    return {
      field: offer.capacityTotal === null ? 'capacityTotal' : 'capacityFree',
      key: 'field.capacityBoth',
    };
  if (offer.capacityTotal !== null && offer.capacityFree !== null && offer.capacityFree > offer.capacityTotal)
    return { field: 'capacityFree', key: 'field.capacityFreeTooMany' };
  const late = offer.schedule.findIndex((s) => s.closesAt <= s.opensAt);
  if (late >= 0) return { field: `schedule.${late}.closesAt`, key: 'field.sessionEndsBeforeStart' };
  return null;
}

/** Is the child's age on the referral day inside the offer's range? Outside it a referral needs a reason. */
export function ageFits(age: number, offer: Pick<TOfferShape, 'ageFrom' | 'ageTo'>): boolean {
  return age >= offer.ageFrom && age <= offer.ageTo;
}
