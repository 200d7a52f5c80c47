import { z } from 'zod';
import { ZId, ZIsoDate, ZText, ZVersion } from './common.ts';

// Family group conferences (issue 16, item 4): the requests of the workflow, one per step.

export const TASK_OWNERS = ['networkPerson', 'parent', 'child', 'professional'] as const;
export const TASK_STATUSES = ['done', 'partly', 'notDone'] as const;
export const PLAN_HELPED = ['yes', 'partly', 'no'] as const;

/** Referred from a case (the caseworker) or preventively (a unit), with the family's agreement. */
export const ZReferConferenceRequest = z.strictObject({
  childId: ZId,
  /** A conference in this case; without it, a preventive conference. */
  caseId: ZId.optional(),
  reason: ZText(2000),
  familyAgreedOn: ZIsoDate,
  coordinatorId: ZId,
});
export type TReferConferenceRequest = z.infer<typeof ZReferConferenceRequest>;

/** Every step names the version it was read at and the day it happened. */
const STEP = { version: ZVersion, heldOn: ZIsoDate };

export const ZPrepareConferenceRequest = z.strictObject({
  ...STEP,
  /** The questions the family is asked to answer, agreed with the family. */
  questions: z.array(ZText(500)).min(1).max(10),
  /** The authority's concerns and the bottom lines the plan must respect. */
  concerns: ZText(2000),
  bottomLines: ZText(2000),
  /** The network persons invited, chosen with the child. */
  invitees: z
    .array(z.strictObject({ networkPersonId: ZId, chosenWithChild: z.boolean() }))
    .max(30)
    .default([]),
});
export type TPrepareConferenceRequest = z.infer<typeof ZPrepareConferenceRequest>;

export const ZInformConferenceRequest = z.strictObject({
  ...STEP,
  informants: z
    .array(z.strictObject({ name: ZText(200), profession: ZText(100), brought: ZText(2000) }))
    .min(1)
    .max(15),
});
export type TInformConferenceRequest = z.infer<typeof ZInformConferenceRequest>;

/** Only that the family's private time took place: no professional content is recorded (any other field is refused). */
export const ZPrivateTimeRequest = z.strictObject(STEP);
export type TPrivateTimeRequest = z.infer<typeof ZPrivateTimeRequest>;

export const ZPlanTask = z.strictObject({
  what: ZText(1000),
  ownerKind: z.enum(TASK_OWNERS),
  ownerName: ZText(200),
  networkPersonId: ZId.optional(),
  dueOn: ZIsoDate,
  checkedBy: ZText(200),
  /** The question it answers: its position among the questions (0 = the first). */
  question: z.number().int().min(0).max(9),
  factorCode: z.string().trim().max(40).optional(),
});
export type TPlanTask = z.infer<typeof ZPlanTask>;

export const ZConferencePlanRequest = z.strictObject({ ...STEP, tasks: z.array(ZPlanTask).min(1).max(30) });
export type TConferencePlanRequest = z.infer<typeof ZConferencePlanRequest>;

export const ZConferenceDecisionRequest = z.discriminatedUnion('decision', [
  z.strictObject({ ...STEP, decision: z.literal('approved'), reviewOn: ZIsoDate }),
  z.strictObject({ ...STEP, decision: z.literal('refused'), reason: ZText(2000) }),
]);
export type TConferenceDecisionRequest = z.infer<typeof ZConferenceDecisionRequest>;

export const ZConferenceReviewRequest = z.strictObject({
  ...STEP,
  tasks: z.array(z.strictObject({ taskId: ZId, status: z.enum(TASK_STATUSES) })).max(30),
  helped: z.enum(PLAN_HELPED),
  note: z.string().trim().max(2000).default(''),
});
export type TConferenceReviewRequest = z.infer<typeof ZConferenceReviewRequest>;

export const ZCloseConferenceRequest = z.strictObject(STEP);
export type TCloseConferenceRequest = z.infer<typeof ZCloseConferenceRequest>;
