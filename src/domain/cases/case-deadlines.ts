import {
  deadlineState,
  firstFollowUpDue,
  hasPartyStatus,
  partyStatusFrom,
  planDue,
  planKind,
  type TDeadlineConfig,
  type TDeadlineState,
  type TIsoDate,
  youthPlanFrom,
} from '../deadlines/index.ts';

export interface TCaseFacts {
  birthDate: TIsoDate;
  assessmentDueOn: TIsoDate;
  assessmentCompletedOn: TIsoDate | null;
  preliminaryRecordedOn: TIsoDate | null;
  measures: { section: 's30' | 's32'; startsOn: TIsoDate; endsOn: TIsoDate | null }[];
  planMadeOn: TIsoDate | null;
  followUps: { dueOn: TIsoDate; heldOn: TIsoDate | null }[];
}

export interface TDeadline {
  due: TIsoDate;
  doneOn: TIsoDate | null;
  state: TDeadlineState;
}

export interface TCaseDeadlines {
  /** § 20 child assessment, within 4 months of the municipality becoming aware. */
  childAssessment: TDeadline & { preliminaryNeeded: boolean };
  /** § 91 plan, within 3 months of the first § 32 measure; null before any § 32 measure. */
  plan: TDeadline | null;
  /** § 95 follow-ups as scheduled. */
  followUps: TDeadline[];
  /** § 3 party status from 10; § 108 youth plan from 16. */
  partyStatus: boolean;
  partyStatusFrom: TIsoDate;
  planKind: 'childPlan' | 'youthPlan';
  youthPlanFrom: TIsoDate;
  /** Worst state across the case: overdue beats open beats late beats on time. */
  overall: TDeadlineState;
}

const SEVERITY: Record<TDeadlineState, number> = { metOnTime: 0, metLate: 1, open: 2, overdue: 3 };

/** The first § 32 measure: the plan's deadline runs from its start. */
export function firstSupportMeasure(measures: TCaseFacts['measures']): TCaseFacts['measures'][number] | null {
  const s32 = measures.filter((m) => m.section === 's32').sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
  return s32[0] ?? null;
}

/**
 * Where a case stands against its statutory deadlines on a day. A § 20 assessment past its deadline
 * without a finished assessment needs a recorded preliminary assessment; until there is one it is flagged.
 */
export function caseDeadlines(facts: TCaseFacts, config: TDeadlineConfig, today: TIsoDate): TCaseDeadlines {
  const assessmentState = deadlineState(facts.assessmentDueOn, facts.assessmentCompletedOn, today);
  const childAssessment = {
    due: facts.assessmentDueOn,
    doneOn: facts.assessmentCompletedOn,
    state: assessmentState,
    preliminaryNeeded: assessmentState === 'overdue' && facts.preliminaryRecordedOn === null,
  };
  const first = firstSupportMeasure(facts.measures);
  const plan = first
    ? (() => {
        const due = planDue(first.startsOn, config);
        return { due, doneOn: facts.planMadeOn, state: deadlineState(due, facts.planMadeOn, today) };
      })()
    : null;
  const followUps = facts.followUps.map((f) => ({
    due: f.dueOn,
    doneOn: f.heldOn,
    state: deadlineState(f.dueOn, f.heldOn, today),
  }));
  const states = [childAssessment.state, ...(plan ? [plan.state] : []), ...followUps.map((f) => f.state)];
  const overall = states.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), 'metOnTime' as TDeadlineState);
  return {
    childAssessment,
    plan,
    followUps,
    partyStatus: hasPartyStatus(facts.birthDate, today, config),
    partyStatusFrom: partyStatusFrom(facts.birthDate, config),
    planKind: planKind(facts.birthDate, today, config),
    youthPlanFrom: youthPlanFrom(facts.birthDate, config),
    overall,
  };
}

/**
 * § 95: the first follow-up of a § 32 measure, at the earlier of the end of the period the measure was
 * decided for and `followUpMonths` after it started. (We read "the assessment's end" as the measure's
 * planned end date: the period the child assessment recommended the measure for.)
 */
export function followUpForMeasure(
  measure: { startsOn: TIsoDate; endsOn: TIsoDate | null },
  config: TDeadlineConfig,
): TIsoDate {
  return firstFollowUpDue({ measureStartedOn: measure.startsOn, assessmentEndsOn: measure.endsOn }, config);
}
