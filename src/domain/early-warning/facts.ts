/** What the early-warning rules look at for one child. Dates are ISO `YYYY-MM-DD`. */
export interface TConcernFact {
  id: string;
  on: string;
  /** When it was recorded (ISO timestamp), to order concerns of the same day; `on` when absent. */
  at?: string;
  profession: string;
  signs: readonly string[];
  factorCodes: readonly string[];
}

export interface TJointFact {
  id: string;
  assessedOn: string;
  position: 'green' | 'yellow' | 'red';
  /** Codes of the risk factors marked present. */
  presentRisk: readonly string[];
}

export interface TChildFacts {
  today: string;
  /** The child's named concerns, any order. */
  concerns: readonly TConcernFact[];
  /** The child's joint assessments, any order (the rules sort them by date). */
  joints: readonly TJointFact[];
  /** Codes of every risk factor in the municipality's catalogues (to tell a concern's risk factors apart). */
  riskCodes: ReadonlySet<string>;
}

/** A rule that fired: its explanation (rendered translated) and the key that keeps it from firing twice. */
export interface TFiring {
  rule: TRuleCode;
  dedupeKey: string;
  reason: { code: TRuleCode; params: Record<string, string | number | string[] | null> };
}

export const RULE_CODES = [
  'concernsFromProfessions',
  'moveToRed',
  'persistentRisk',
  'absenceWithNewRisk',
] as const;
export type TRuleCode = (typeof RULE_CODES)[number];

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Within the last `days` days up to and including today (and not in the future). */
export function withinDays(on: string, today: string, days: number): boolean {
  const d = daysBetween(on, today);
  return d >= 0 && d < days;
}

/** Concerns oldest first: by day, then time of recording, then id. */
export function concernOrder(a: TConcernFact, b: TConcernFact): number {
  const ka = `${a.on}|${a.at ?? ''}|${a.id}`;
  const kb = `${b.on}|${b.at ?? ''}|${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Joint assessments oldest first; same-day ties keep input order. */
export function chronological(joints: readonly TJointFact[]): TJointFact[] {
  return [...joints].sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));
}
