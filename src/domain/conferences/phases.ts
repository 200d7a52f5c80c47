/**
 * The family group conference's phases (issue 16, item 4): referred with the family's agreement; the coordinator
 * prepares it with the family (questions, concerns and bottom lines, who is invited) and holds it — the
 * professionals inform, the family has its private time and writes its plan; the approver approves the plan, or
 * refuses it with a reason (the family then revises it); at review the tasks are followed up, and a plan is closed
 * only at a review.
 */
export const CONFERENCE_PHASES = [
  'referred',
  'preparation',
  'information',
  'privateTime',
  'plan',
  'approved',
  'refused',
  'reviewed',
  'closed',
] as const;
export type TConferencePhase = (typeof CONFERENCE_PHASES)[number];

export const CONFERENCE_STEPS = [
  'prepare',
  'inform',
  'privateTime',
  'plan',
  'approve',
  'refuse',
  'review',
  'close',
] as const;
export type TConferenceStep = (typeof CONFERENCE_STEPS)[number];

/** Who records a step: the neutral coordinator runs the conference; the approver decides on the plan. */
export type TConferenceActor = 'coordinator' | 'approver';

const STEPS: Record<
  TConferenceStep,
  { from: readonly TConferencePhase[]; to: TConferencePhase; by: TConferenceActor }
> = {
  prepare: { from: ['referred'], to: 'preparation', by: 'coordinator' },
  inform: { from: ['preparation'], to: 'information', by: 'coordinator' },
  privateTime: { from: ['information'], to: 'privateTime', by: 'coordinator' },
  // A refused plan goes back to the family, who revise it.
  plan: { from: ['privateTime', 'refused'], to: 'plan', by: 'coordinator' },
  approve: { from: ['plan'], to: 'approved', by: 'approver' },
  refuse: { from: ['plan'], to: 'refused', by: 'approver' },
  // A review may be followed by another before the plan is closed.
  review: { from: ['approved', 'reviewed'], to: 'reviewed', by: 'coordinator' },
  close: { from: ['reviewed'], to: 'closed', by: 'approver' },
};

/** The phase a step leads to from `phase`, or null when the step is out of order. */
export function nextPhase(phase: TConferencePhase, step: TConferenceStep): TConferencePhase | null {
  const rule = STEPS[step];
  return rule.from.includes(phase) ? rule.to : null;
}

/** Who records the step. */
export function stepActor(step: TConferenceStep): TConferenceActor {
  return STEPS[step].by;
}

/** The steps open in `phase`, in the order of the workflow. */
export function openSteps(phase: TConferencePhase): TConferenceStep[] {
  return CONFERENCE_STEPS.filter((s) => nextPhase(phase, s) !== null);
}

/** The latest review date the approver may set: `months` after the approval (default 3). */
export function latestReview(approvedOn: string, months: number): string {
  const d = new Date(`${approvedOn}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}
