import { z } from 'zod';
import { ZCpr, ZId, ZIsoDate, ZPaging, ZText, ZVersion } from './common.ts';

export const NOTIFIER_KINDS = ['school', 'daycare', 'health', 'police', 'hospital', 'other'] as const;
export const ZNotifierKind = z.enum(NOTIFIER_KINDS);
export type TNotifierKind = z.infer<typeof ZNotifierKind>;

export const NOTIFICATION_DECISIONS = [
  'noFurtherAction',
  'screening',
  'childAssessment',
  'acuteMeasure',
] as const;
export const ZNotificationDecision = z.enum(NOTIFICATION_DECISIONS);
export type TNotificationDecision = z.infer<typeof ZNotificationDecision>;

/** Where a notification stands: new (not assessed), assessed (no decision yet), decided. */
export const NOTIFICATION_STATUSES = ['new', 'assessed', 'decided'] as const;
export type TNotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Who notified: a professional in the app, or a citizen on the public form. */
export const NOTIFICATION_SOURCES = ['professional', 'citizen'] as const;
export type TNotificationSource = (typeof NOTIFICATION_SOURCES)[number];

/** Attachments: type by content (magic bytes), at most 5 files of 10 MB each. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** dd-mm-åååå (as people write it) or åååå-mm-dd (a date field) → åååå-mm-dd. */
const ZLooseDate = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const m = /^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*$/.exec(v);
  return m ? `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}` : v.trim();
}, ZIsoDate);

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());

/**
 * The child as the notifier knows it: a CPR number, or name, birth date and address together. (Or, in the
 * app, a child the professional already sees.)
 */
export const ZNotificationChild = z
  .strictObject({
    childId: optional(ZId),
    cpr: optional(ZCpr),
    name: optional(ZText(200)),
    birthDate: optional(ZLooseDate),
    address: optional(ZText(300)),
  })
  .refine((c) => c.childId || c.cpr || (c.name && c.birthDate && c.address), {
    params: { key: 'field.childIdentity' },
  });
export type TNotificationChild = z.infer<typeof ZNotificationChild>;

/** An attachment sent in JSON: the file's bytes as base64 (type and size are checked on the bytes). */
export const ZAttachmentUpload = z.strictObject({
  fileName: z.string().max(300),
  contentBase64: z
    .string()
    .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

export const ZCreateNotificationRequest = z.strictObject({
  notifierKind: ZNotifierKind,
  unitId: ZId,
  concernId: optional(ZId),
  child: ZNotificationChild,
  description: ZText(10_000),
  attachments: z.array(ZAttachmentUpload).max(MAX_ATTACHMENTS).optional(),
});
export type TCreateNotificationRequest = z.infer<typeof ZCreateNotificationRequest>;

/** The public form's fields (urlencoded or multipart); `website` is the honeypot and must stay empty. */
export const ZCitizenNotificationForm = z
  .object({
    childCpr: optional(ZCpr),
    childName: optional(ZText(200)),
    childBirthDate: optional(ZLooseDate),
    childAddress: optional(ZText(300)),
    description: ZText(10_000),
    anonymous: z.preprocess((v) => v === 'yes' || v === 'on' || v === true, z.boolean()),
    notifierName: optional(ZText(200)),
    notifierPhone: optional(ZText(40)),
    notifierEmail: optional(z.email().max(200)),
    notifierRelation: optional(ZText(200)),
  })
  .superRefine((f, ctx) => {
    if (!f.childCpr && !(f.childName && f.childBirthDate && f.childAddress)) {
      for (const path of ['childCpr', 'childName', 'childBirthDate', 'childAddress'] as const) {
        if (path === 'childCpr' || !f[path])
          ctx.addIssue({ code: 'custom', path: [path], params: { key: 'field.childIdentity' } });
      }
    }
    if (!f.anonymous && !f.notifierName)
      ctx.addIssue({ code: 'custom', path: ['notifierName'], params: { key: 'field.contactForNamed' } });
  });
export type TCitizenNotificationForm = z.infer<typeof ZCitizenNotificationForm>;

export const ZNotificationQueueQuery = ZPaging.extend({
  status: z.enum(['open', 'decided', 'all']).default('open'),
}).strict();
export type TNotificationQueueQuery = z.infer<typeof ZNotificationQueueQuery>;

export const ZMatchNotificationRequest = z.strictObject({ childId: ZId, version: ZVersion });
export type TMatchNotificationRequest = z.infer<typeof ZMatchNotificationRequest>;

export const ZMatchCandidatesQuery = z.strictObject({ q: z.string().trim().max(100).optional() });

export const ZAssessNotificationRequest = z.strictObject({
  healthAtRisk: z.boolean(),
  acuteNeeded: z.boolean(),
  note: optional(ZText(5000)),
  version: ZVersion,
});
export type TAssessNotificationRequest = z.infer<typeof ZAssessNotificationRequest>;

export const ZDecideNotificationRequest = z.strictObject({
  decision: ZNotificationDecision,
  note: optional(ZText(5000)),
  version: ZVersion,
});
export type TDecideNotificationRequest = z.infer<typeof ZDecideNotificationRequest>;

export const ZAttachmentParams = z.strictObject({ id: ZId, attachmentId: ZId });

export const ZDeadlineSettingsRequest = z.strictObject({
  assessmentHours: z.number().int().min(1).max(168),
  receiptWeekdays: z.number().int().min(1).max(30),
  childAssessmentMonths: z.number().int().min(1).max(12),
  planMonths: z.number().int().min(1).max(12),
  followUpMonths: z.number().int().min(1).max(12),
  youthPlanAge: z.number().int().min(12).max(18),
  partyStatusAge: z.number().int().min(6).max(15),
  constitutionDayOff: z.boolean(),
  christmasEveOff: z.boolean(),
  newYearsEveOff: z.boolean(),
  version: ZVersion,
});
export type TDeadlineSettingsRequest = z.infer<typeof ZDeadlineSettingsRequest>;

/** One row of the intake queue. */
export interface TQueueItem {
  id: string;
  reference: string;
  source: TNotificationSource;
  notifierKind: TNotifierKind | null;
  anonymous: boolean;
  receivedAt: string;
  assessmentDueAt: string;
  status: TNotificationStatus;
  overdue: boolean;
  escalatedAt: string | null;
  child: { id: string | null; name: string | null; birthDate: string | null; matched: boolean };
  /** Other notifications on the same child (matched, or the same CPR number given). */
  repeatCount: number;
  decision: TNotificationDecision | null;
}

/** What a professional sees of a notification they made: received, receipt, and whether an investigation started. */
export interface TOwnNotification {
  id: string;
  reference: string;
  notifierKind: TNotifierKind;
  receivedAt: string;
  receiptDueOn: string | null;
  receiptSentAt: string | null;
  /** null until a decision is recorded. */
  investigationStarted: boolean | null;
}
