/**
 * A municipality's deadline settings. The law fixes most lengths, but practice differs where the law leaves
 * room (the receipt in 6 weekdays is practice, formerly SEL § 155 b; Constitution Day and Christmas Eve are
 * days off by agreement, not by law), so every length is data: stored per municipality (deadline_settings)
 * and passed into the pure rules below.
 */
export interface TDeadlineConfig {
  /** A notification is assessed within this many hours of receipt (24). */
  assessmentHours: number;
  /** A professional notifier gets a receipt within this many weekdays (6). */
  receiptWeekdays: number;
  /** The § 20 child assessment is finished within this many months of the municipality becoming aware (4). */
  childAssessmentMonths: number;
  /** Barnets plan (§ 91) is made within this many months of a § 32 measure starting (3). */
  planMonths: number;
  /** The first follow-up (§ 95) is at the latest this many months after the measure started (3). */
  followUpMonths: number;
  /** The plan is a youth plan (§ 108) from this age (16). */
  youthPlanAge: number;
  /** The child is a party to its case (§ 3) from this age (10). */
  partyStatusAge: number;
  /** 5 June counts as a day off in weekday counting. */
  constitutionDayOff: boolean;
  /** 24 December counts as a day off in weekday counting. */
  christmasEveOff: boolean;
  /** 31 December counts as a day off in weekday counting. */
  newYearsEveOff: boolean;
}

export const DEFAULT_DEADLINE_CONFIG: Readonly<TDeadlineConfig> = Object.freeze({
  assessmentHours: 24,
  receiptWeekdays: 6,
  childAssessmentMonths: 4,
  planMonths: 3,
  followUpMonths: 3,
  youthPlanAge: 16,
  partyStatusAge: 10,
  constitutionDayOff: true,
  christmasEveOff: true,
  newYearsEveOff: false,
});

/** Limits the settings must stay within (the admin form and the database check the same). */
export const DEADLINE_LIMITS = {
  assessmentHours: [1, 168],
  receiptWeekdays: [1, 30],
  childAssessmentMonths: [1, 12],
  planMonths: [1, 12],
  followUpMonths: [1, 12],
  youthPlanAge: [12, 18],
  partyStatusAge: [6, 15],
} as const satisfies Partial<Record<keyof TDeadlineConfig, readonly [number, number]>>;
