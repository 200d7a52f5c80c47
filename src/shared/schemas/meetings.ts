import { z } from 'zod';
import type { TInfoKind } from '../../domain/sharing/sharing-rule.ts';
import { ZId, ZIsoDate, ZText, ZVersion } from './common.ts';
import { PROFESSIONS, type TProfession } from './professions.ts';

export const ACTION_STATUSES = ['open', 'inProgress', 'done', 'cancelled'] as const;
export type TActionStatus = (typeof ACTION_STATUSES)[number];
export const HELPED = ['yes', 'partly', 'no'] as const;
export type THelped = (typeof HELPED)[number];
export const SHARING_BASES = ['consent', 'legalBasis'] as const;
export type TSharingBasis = (typeof SHARING_BASES)[number];

const ZTime = z
  .string()
  .refine((t) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t), { params: { key: 'field.invalid' } });
const ZMinutesText = z.string().trim().max(4000);
const ZScaling = z.number().int().min(0).max(10);

export const ZParticipantInput = z.strictObject({ userId: ZId, profession: z.enum(PROFESSIONS) });

/** A meeting for one unit or one district; the organiser takes part as leader unless listed otherwise. */
export const ZCreateMeetingRequest = z
  .strictObject({
    title: ZText(200),
    unitId: ZId.optional(),
    districtId: ZId.optional(),
    meetingOn: ZIsoDate,
    startsAt: ZTime.optional(),
    participants: z.array(ZParticipantInput).max(40).default([]),
  })
  .refine((m) => (m.unitId === undefined) !== (m.districtId === undefined), {
    path: ['unitId'],
    params: { key: 'field.unitOrDistrict' },
  });
export type TCreateMeetingRequest = z.infer<typeof ZCreateMeetingRequest>;

/**
 * An agenda item: a named child on a consent or on the legal basis (a further meeting on the legal basis
 * needs followUpReason), or an anonymous consultation whose text must not identify the child.
 */
export const ZAddItemRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('named'),
    childId: ZId,
    basis: z.enum(SHARING_BASES),
    consentId: ZId.optional(),
    followUpReason: z.string().trim().max(1000).optional(),
    concernId: ZId.optional(),
    topic: ZText(1000),
  }),
  z.strictObject({
    kind: z.literal('anonymous'),
    concernId: ZId.optional(),
    topic: ZText(1000),
  }),
]);
export type TAddItemRequest = z.infer<typeof ZAddItemRequest>;

export const ZUpdateMinutesRequest = z.strictObject({
  version: ZVersion,
  worried: ZMinutesText,
  workingWell: ZMinutesText,
  nextSteps: ZMinutesText,
  scaling: ZScaling.nullable(),
  decisions: ZMinutesText,
  followUpOn: ZIsoDate.nullable(),
});
export type TUpdateMinutesRequest = z.infer<typeof ZUpdateMinutesRequest>;

/** An action always has an owner (a participant) and a due date. */
export const ZCreateActionRequest = z.strictObject({
  title: ZText(500),
  ownerId: ZId,
  dueOn: ZIsoDate,
});
export type TCreateActionRequest = z.infer<typeof ZCreateActionRequest>;

export const ZUpdateActionRequest = z.strictObject({ version: ZVersion, status: z.enum(ACTION_STATUSES) });
export type TUpdateActionRequest = z.infer<typeof ZUpdateActionRequest>;

export const ZRecordFollowUpRequest = z.strictObject({
  version: ZVersion,
  helped: z.enum(HELPED),
  scalingAfter: ZScaling,
});
export type TRecordFollowUpRequest = z.infer<typeof ZRecordFollowUpRequest>;

export const ZMeetingsQuery = z.strictObject({ scope: z.enum(['upcoming', 'past', 'all']).default('all') });

export interface TMeetingSummary {
  id: string;
  title: string;
  meetingOn: string;
  startsAt: string | null;
  place: { kind: 'unit' | 'district'; id: string; name: string };
  organiser: { id: string; name: string };
  status: 'planned' | 'held' | 'cancelled';
  items: number;
  participants: number;
}

export interface TAction {
  id: string;
  itemId: string;
  title: string;
  owner: { id: string; name: string };
  dueOn: string;
  status: TActionStatus;
  doneOn: string | null;
  overdue: boolean;
  version: number;
}

/** Why the reader may (basis) or may not (refusal) see the item's child. */
export type TItemAccess =
  | { allowed: true; basis: TSharingBasis; consentId: string | null; infoKinds: TInfoKind[] }
  | { allowed: false; reason: string };

export interface TMeetingItem {
  id: string;
  position: number;
  kind: 'named' | 'anonymous';
  basis: TSharingBasis | null;
  access: TItemAccess | null;
  /** Only when access allows it. */
  child: { id: string; name: string } | null;
  concernId: string | null;
  followUpReason: string | null;
  /** Withheld (null) for a named item the reader may no longer see. */
  topic: string | null;
  minutes: {
    worried: string;
    workingWell: string;
    nextSteps: string;
    scaling: number | null;
    decisions: string;
    followUpOn: string | null;
  } | null;
  followUp: { helped: THelped; scalingAfter: number | null; at: string } | null;
  actions: TAction[];
  version: number;
}

export interface TMeeting extends TMeetingSummary {
  people: { userId: string; name: string; profession: TProfession }[];
  agenda: TMeetingItem[];
  canManage: boolean;
  canWriteMinutes: boolean;
  version: number;
}

export interface TChildThroughMeeting {
  child: { id: string; name: string; birthDate: string; age: number; units: string[] };
  basis: TSharingBasis;
  consentId: string | null;
  infoKinds: TInfoKind[];
  concerns: { id: string; createdAt: string; signs: string[]; level: number; description: string }[] | null;
  wellbeing: { assessedOn: string; position: string } | null;
  earlierMeetings: { meetingOn: string; title: string; decisions: string }[] | null;
}

export interface TConcernCandidate {
  id: string;
  createdAt: string;
  level: number;
  signs: string[];
  actionText: string;
  child: { id: string; name: string } | null;
  unitName: string;
}

/** A person the organiser can invite (names and units only, no child data). */
export interface TPerson {
  id: string;
  name: string;
  units: string[];
}

/** A meeting that concerned the child, as its profile lists it. */
export interface TChildMeeting {
  meetingId: string;
  itemId: string;
  title: string;
  meetingOn: string;
  basis: TSharingBasis;
  decisions: string;
  followUpOn: string | null;
  helped: THelped | null;
  openActions: number;
}

/** The signed-in user's open and overdue actions and upcoming meetings (Mit arbejde). */
export interface TMyAction {
  id: string;
  title: string;
  dueOn: string;
  status: 'open' | 'inProgress';
  overdue: boolean;
  version: number;
  meeting: { id: string; title: string; meetingOn: string };
  itemPosition: number;
}

export interface TMyWork {
  today: string;
  actions: TMyAction[];
  meetings: TMeetingSummary[];
}
