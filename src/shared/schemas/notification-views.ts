import { z } from 'zod';
import type { TDeadlineConfig } from '../../domain/deadlines/config.ts';
import { ZDay, ZId, ZTimestamp } from './common.ts';
import {
  ATTACHMENT_TYPES,
  NOTIFICATION_SOURCES,
  NOTIFICATION_STATUSES,
  ZNotificationDecision,
  ZNotifierKind,
} from './notifications.ts';

// Answers of the notification intake and deadline-settings endpoints: one definition for the server that
// builds them and the web app that reads them.

/** A child an intake worker may match a notification to. */
export interface TMatchCandidate {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  cprMasked: string;
  address: string | null;
}

/** The municipality's deadline lengths (the defaults while it has set none). */
export interface TDeadlineSettings extends TDeadlineConfig {
  /** 1 while the municipality uses the defaults (no row yet). */
  version: number;
  updatedAt: string | null;
}

/** One notification as the intake sees it: what was told, by whom, the child, the assessment, the decision. */
export const ZNotificationDetail = z.strictObject({
  id: ZId,
  reference: z.string(),
  source: z.enum(NOTIFICATION_SOURCES),
  /** A professional's kind of work; null from a citizen. */
  notifierKind: ZNotifierKind.nullable(),
  notifier: z.strictObject({
    anonymous: z.boolean(),
    name: z.string().nullable(),
    unitName: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    relation: z.string().nullable(),
  }),
  concernId: ZId.nullable(),
  child: z.strictObject({
    /** The child it is matched to, if any. */
    id: ZId.nullable(),
    name: z.string().nullable(),
    birthDate: ZDay.nullable(),
    matchedAt: ZTimestamp.nullable(),
    matchedByName: z.string().nullable(),
    /** The child as the notifier gave it; the CPR number only masked. */
    given: z.strictObject({
      cprMasked: z.string().nullable(),
      name: z.string().nullable(),
      birthDate: ZDay.nullable(),
      address: z.string().nullable(),
    }),
  }),
  description: z.string(),
  receivedAt: ZTimestamp,
  assessmentDueAt: ZTimestamp,
  receiptDueOn: ZDay.nullable(),
  receiptQueuedAt: ZTimestamp.nullable(),
  outcomeQueuedAt: ZTimestamp.nullable(),
  escalatedAt: ZTimestamp.nullable(),
  status: z.enum(NOTIFICATION_STATUSES),
  /** Not assessed, and the deadline for the assessment has passed. */
  overdue: z.boolean(),
  assessment: z
    .strictObject({
      at: ZTimestamp,
      byName: z.string(),
      healthAtRisk: z.boolean(),
      acuteNeeded: z.boolean(),
      note: z.string().nullable(),
      inTime: z.boolean(),
    })
    .nullable(),
  decision: z
    .strictObject({
      decision: ZNotificationDecision,
      at: ZTimestamp,
      byName: z.string(),
      note: z.string().nullable(),
    })
    .nullable(),
  attachments: z.array(
    z.strictObject({
      id: ZId,
      fileName: z.string(),
      mediaType: z.enum(ATTACHMENT_TYPES),
      sizeBytes: z.number().int(),
    }),
  ),
  /** Other notifications on the same child (matched, or the same CPR number given), newest first. */
  linked: z.array(
    z.strictObject({
      id: ZId,
      reference: z.string(),
      source: z.enum(NOTIFICATION_SOURCES),
      receivedAt: ZTimestamp,
      decision: ZNotificationDecision.nullable(),
    }),
  ),
  /** The case opened from this notification, if one was. */
  case: z.strictObject({ id: ZId, reference: z.string() }).nullable(),
  version: z.number().int().min(1),
});
export type TNotificationDetail = z.infer<typeof ZNotificationDetail>;
