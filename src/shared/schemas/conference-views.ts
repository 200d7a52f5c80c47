import { z } from 'zod';
import { CONFERENCE_PHASES, CONFERENCE_STEPS } from '../../domain/conferences/phases.ts';
import { ZDay, ZId, ZTimestamp } from './common.ts';
import { PLAN_HELPED, TASK_OWNERS, TASK_STATUSES } from './conferences.ts';

// The answers of the conference endpoints: the server builds them, the tests parse them, the web app reads them.

export const ZConferenceTask = z.strictObject({
  id: ZId,
  what: z.string(),
  ownerKind: z.enum(TASK_OWNERS),
  ownerName: z.string(),
  networkPersonId: ZId.nullable(),
  dueOn: ZDay,
  checkedBy: z.string(),
  question: z.number().int(),
  factorCode: z.string().nullable(),
  reviewStatus: z.enum(TASK_STATUSES).nullable(),
});
export type TConferenceTask = z.infer<typeof ZConferenceTask>;

export const ZConference = z.strictObject({
  id: ZId,
  child: z.strictObject({ id: ZId, firstName: z.string(), lastName: z.string() }),
  kind: z.enum(['case', 'preventive']),
  caseId: ZId.nullable(),
  reason: z.string(),
  familyAgreedOn: ZDay,
  referredBy: z.strictObject({ id: ZId, name: z.string() }),
  referredAt: ZTimestamp,
  coordinator: z.strictObject({ id: ZId, name: z.string(), external: z.boolean() }),
  phase: z.enum(CONFERENCE_PHASES),
  questions: z.array(z.string()),
  concerns: z.string().nullable(),
  bottomLines: z.string().nullable(),
  invitees: z.array(
    z.strictObject({
      networkPersonId: ZId,
      name: z.string(),
      relation: z.string(),
      chosenWithChild: z.boolean(),
      letterId: ZId.nullable(),
    }),
  ),
  informants: z.array(z.strictObject({ name: z.string(), profession: z.string(), brought: z.string() })),
  tasks: z.array(ZConferenceTask),
  refusalReason: z.string().nullable(),
  reviewOn: ZDay.nullable(),
  helped: z.enum(PLAN_HELPED).nullable(),
  reviewNote: z.string().nullable(),
  steps: z.array(
    z.strictObject({ step: z.enum(CONFERENCE_STEPS), heldOn: ZDay, by: z.string(), at: ZTimestamp }),
  ),
  /** The child's network persons, for the coordinator to invite and to name in the plan (empty for others). */
  network: z.array(z.strictObject({ id: ZId, name: z.string(), relation: z.string() })),
  /** What the reader may record now: the coordinator's steps, the approver's. */
  openSteps: z.array(z.enum(CONFERENCE_STEPS)),
  reviewWithinMonths: z.number().int(),
  version: z.number().int().min(1),
});
export type TConference = z.infer<typeof ZConference>;

export const ZConferenceListItem = z.strictObject({
  id: ZId,
  child: z.strictObject({ id: ZId, firstName: z.string(), lastName: z.string() }),
  kind: z.enum(['case', 'preventive']),
  phase: z.enum(CONFERENCE_PHASES),
  coordinator: z.string(),
  referredAt: ZTimestamp,
  reviewOn: ZDay.nullable(),
});
export type TConferenceListItem = z.infer<typeof ZConferenceListItem>;

export const ZCoordinatorCandidate = z.strictObject({
  id: ZId,
  name: z.string(),
  external: z.boolean(),
});
export type TCoordinatorCandidate = z.infer<typeof ZCoordinatorCandidate>;
