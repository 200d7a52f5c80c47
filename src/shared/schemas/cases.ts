import { z } from 'zod';
import { ZId, ZIsoDate, ZPaging, ZText, ZVersion } from './common.ts';

export const CASE_STATUSES = ['open', 'closed'] as const;
export type TCaseStatus = (typeof CASE_STATUSES)[number];
export const CONVERSATION_OUTCOMES = ['held', 'declined', 'notHeld'] as const;
export type TConversationOutcome = (typeof CONVERSATION_OUTCOMES)[number];
export const MEASURE_SECTIONS = ['s30', 's32'] as const;
export type TMeasureSection = (typeof MEASURE_SECTIONS)[number];
export const DEADLINE_STATES = ['metOnTime', 'metLate', 'open', 'overdue'] as const;
export type TDeadlineStateValue = (typeof DEADLINE_STATES)[number];

/** Open a case from a notification (child and awareness date come from it) or directly for a child. */
export const ZOpenCaseRequest = z
  .strictObject({
    notificationId: ZId.optional(),
    childId: ZId.optional(),
    teamId: ZId,
    caseworkerId: ZId,
    /** When the municipality became aware; from a notification it defaults to the day it was received. */
    awareOn: ZIsoDate.optional(),
  })
  .refine((r) => r.notificationId || r.childId, {
    path: ['childId'],
    params: { key: 'field.required' },
  })
  .refine((r) => r.notificationId || r.awareOn, { path: ['awareOn'], params: { key: 'field.required' } });
export type TOpenCaseRequest = z.infer<typeof ZOpenCaseRequest>;

export const ZFindCasesQuery = ZPaging.extend({
  status: z.enum(CASE_STATUSES).optional(),
  teamId: ZId.optional(),
  caseworkerId: ZId.optional(),
  /** Only the cases of one child (the child's profile). */
  childId: ZId.optional(),
  /** Only cases with a deadline overdue today. */
  overdue: z.enum(['true', 'false']).optional(),
});
export type TFindCasesQuery = z.infer<typeof ZFindCasesQuery>;

export const ZCompleteAssessmentRequest = z.strictObject({
  version: ZVersion,
  completedOn: ZIsoDate,
  summary: ZText(10_000),
});
export type TCompleteAssessmentRequest = z.infer<typeof ZCompleteAssessmentRequest>;

export const ZPreliminaryAssessmentRequest = z.strictObject({
  version: ZVersion,
  text: ZText(10_000),
});
export type TPreliminaryAssessmentRequest = z.infer<typeof ZPreliminaryAssessmentRequest>;

export const ZChildConversationRequest = z
  .strictObject({
    outcome: z.enum(CONVERSATION_OUTCOMES),
    onDate: ZIsoDate,
    note: z.string().trim().max(5000).optional(),
    reasonNotHeld: z.string().trim().max(2000).optional(),
  })
  .refine((r) => r.outcome !== 'notHeld' || (r.reasonNotHeld ?? '').length > 0, {
    path: ['reasonNotHeld'],
    params: { key: 'field.reasonRequired' },
  })
  // A held conversation records what the child said (or why the child said nothing): never held on empty.
  .refine((r) => r.outcome !== 'held' || (r.note ?? '').length > 0, {
    path: ['note'],
    params: { key: 'field.conversationNoteRequired' },
  });
export type TChildConversationRequest = z.infer<typeof ZChildConversationRequest>;

export const ZAddMeasureRequest = z
  .strictObject({
    section: z.enum(MEASURE_SECTIONS),
    title: ZText(200),
    startsOn: ZIsoDate,
    endsOn: ZIsoDate.optional(),
  })
  .refine((r) => !r.endsOn || r.endsOn >= r.startsOn, {
    path: ['endsOn'],
    params: { key: 'field.endBeforeStart' },
  });
export type TAddMeasureRequest = z.infer<typeof ZAddMeasureRequest>;

export const ZPlanGoal = z.strictObject({
  text: ZText(1000),
  /** Codes of protective factors in the published catalogue the goal aims to strengthen. */
  factorCodes: z.array(z.string().trim().min(1).max(40)).max(20),
});
/** Barnets plan: concrete goals (at least one, each tied to protective factors) and the child's own wishes. */
export const ZSavePlanRequest = z.strictObject({
  /** The version read; absent when the case has no plan yet. */
  version: ZVersion.optional(),
  madeOn: ZIsoDate,
  childWishes: ZText(5000),
  goals: z.array(ZPlanGoal).max(50),
});
export type TSavePlanRequest = z.infer<typeof ZSavePlanRequest>;

export const ZFollowUpRequest = z
  .strictObject({
    heldOn: ZIsoDate,
    /** What the follow-up showed: a follow-up without it was not held. */
    note: z.string().trim().max(5000).optional(),
    /** The next follow-up, if one is agreed. */
    nextDueOn: ZIsoDate.optional(),
  })
  .refine((r) => (r.note ?? '').length > 0, {
    path: ['note'],
    params: { key: 'field.followUpNoteRequired' },
  });
export type TFollowUpRequest = z.infer<typeof ZFollowUpRequest>;

export const ZCaseFollowUpParams = z.strictObject({ id: ZId, followUpId: ZId });

export const ZGrantAccessRequest = z.strictObject({ userId: ZId, reason: ZText(500) });
export type TGrantAccessRequest = z.infer<typeof ZGrantAccessRequest>;

export const ZCloseCaseRequest = z.strictObject({ version: ZVersion, reason: ZText(2000) });
export type TCloseCaseRequest = z.infer<typeof ZCloseCaseRequest>;

export const ZCaseDeadlinesQuery = z.strictObject({ teamId: ZId.optional() });

export interface TDeadlineView {
  due: string;
  doneOn: string | null;
  state: TDeadlineStateValue;
}

export interface TCaseSummary {
  id: string;
  reference: string;
  status: TCaseStatus;
  child: { id: string; firstName: string; lastName: string; birthDate: string };
  team: { id: string; name: string };
  caseworker: { id: string; name: string };
  awareOn: string;
  assessmentDueOn: string;
  overall: TDeadlineStateValue;
  nextDue: string | null;
}

export interface TCase {
  id: string;
  reference: string;
  status: TCaseStatus;
  version: number;
  child: { id: string; firstName: string; lastName: string; birthDate: string; age: number };
  guardians: { id: string; name: string; relation: string; hasCustody: boolean }[];
  notification: { id: string; reference: string; receivedAt: string } | null;
  team: { id: string; name: string };
  caseworker: { id: string; name: string; email: string };
  awareOn: string;
  assessment: {
    dueOn: string;
    completedOn: string | null;
    summary: string | null;
    preliminary: string | null;
    preliminaryRecordedOn: string | null;
  };
  deadlines: {
    childAssessment: TDeadlineView & { preliminaryNeeded: boolean };
    plan: TDeadlineView | null;
    followUps: TDeadlineView[];
    partyStatus: boolean;
    partyStatusFrom: string;
    planKind: 'childPlan' | 'youthPlan';
    youthPlanFrom: string;
    overall: TDeadlineStateValue;
  };
  conversations: {
    id: string;
    outcome: TConversationOutcome;
    onDate: string;
    note: string | null;
    reasonNotHeld: string | null;
    recordedBy: string;
  }[];
  measures: {
    id: string;
    section: TMeasureSection;
    title: string;
    startsOn: string;
    endsOn: string | null;
  }[];
  plan: {
    id: string;
    kind: 'childPlan' | 'youthPlan';
    childWishes: string;
    madeOn: string;
    version: number;
    goals: { text: string; factors: { code: string; label: string }[] }[];
  } | null;
  followUps: {
    id: string;
    dueOn: string;
    heldOn: string | null;
    note: string | null;
    state: TDeadlineStateValue;
  }[];
  timeline: { at: string; kind: string; actor: string | null; detail: Record<string, unknown> | null }[];
  closedOn: string | null;
  closedReason: string | null;
  canManage: boolean;
}

export interface TCaseTeam {
  id: string;
  name: string;
  caseworkers: { id: string; name: string; openCases: number }[];
}

export interface TComplianceCell {
  total: number;
  onTime: number;
  share: number | null;
}

export interface TCaseDeadlineRow {
  key: string;
  name: string;
  openCases: number;
  overdue: number;
  childAssessment: TComplianceCell;
  plan: TComplianceCell;
  followUp: TComplianceCell;
}

/** The deadline view: per team and caseworker, and the overdue cases themselves. */
export interface TCaseDeadlines {
  teams: TCaseDeadlineRow[];
  caseworkers: (TCaseDeadlineRow & { teamName: string })[];
  overdue: {
    id: string;
    reference: string;
    childName: string;
    caseworkerName: string;
    teamName: string;
    nextDue: string | null;
    what: string[];
  }[];
}
