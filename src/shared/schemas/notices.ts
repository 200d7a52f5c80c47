import { z } from 'zod';
import { ZId, ZIsoDate, ZLocale } from './common.ts';

/**
 * Information notices (GDPR articles 13 and 14): what the guardians with custody — and the child from the
 * municipality's age — are told when Beskyt starts recording about a child, per kind of recording.
 * `referral` and `networkPerson` are kinds of their own, with texts, but nothing records them yet.
 */
export const NOTICE_KINDS = ['round', 'concern', 'meetingItem', 'referral', 'networkPerson'] as const;
export type TNoticeKind = (typeof NOTICE_KINDS)[number];

/** To whom a text speaks: the guardians with custody, or the child in child-friendly words. */
export const NOTICE_AUDIENCES = ['guardian', 'child'] as const;
export type TNoticeAudience = (typeof NOTICE_AUDIENCES)[number];

/**
 * What every notice must name (articles 13 and 14): a text missing one of these is refused when published.
 * `intro` is the municipality's own opening words and may be left empty.
 */
export const NOTICE_ELEMENTS = [
  'categories',
  'purpose',
  'legalBasis',
  'recipients',
  'retention',
  'rights',
  'complaint',
  'controllerContact',
] as const;
export type TNoticeElement = (typeof NOTICE_ELEMENTS)[number];

const ZSection = z.string().trim().max(3000);

export const ZNoticeSections = z.strictObject({
  intro: ZSection,
  categories: ZSection,
  purpose: ZSection,
  legalBasis: ZSection,
  recipients: ZSection,
  retention: ZSection,
  rights: ZSection,
  complaint: ZSection,
  controllerContact: ZSection,
});
export type TNoticeSections = z.infer<typeof ZNoticeSections>;

export const ZPublishNoticeTextRequest = z.strictObject({
  kind: z.enum(NOTICE_KINDS),
  audience: z.enum(NOTICE_AUDIENCES),
  locale: ZLocale,
  sections: ZNoticeSections,
  /** The version the edit started from (0: Beskyt's default); another publication since then is a 409. */
  basedOnVersion: z.number().int().min(0).max(2_147_483_647),
});
export type TPublishNoticeTextRequest = z.infer<typeof ZPublishNoticeTextRequest>;

/** One text as it is used now: the municipality's latest published version, or Beskyt's default (version 0). */
export interface TNoticeText {
  kind: TNoticeKind;
  audience: TNoticeAudience;
  locale: 'da' | 'en';
  version: number;
  isDefault: boolean;
  sections: TNoticeSections;
  publishedAt: string | null;
  publishedBy: string | null;
}

export const ZNoticeSettings = z.strictObject({
  /** From this age the child gets a notice of its own, in child-friendly words (15 unless set). */
  childNoticeAge: z.number().int().min(12).max(18),
  version: z.number().int().min(0).max(2_147_483_647),
});
export type TNoticeSettingsRequest = z.infer<typeof ZNoticeSettings>;

export interface TNoticeSettings {
  childNoticeAge: number;
  version: number;
}

export interface TNoticeTexts {
  texts: TNoticeText[];
  settings: TNoticeSettings;
}

/**
 * The lawful exceptions a professional or caseworker may record (databeskyttelsesloven § 22, GDPR article
 * 14(5)): telling the guardians now would put the child or another person at risk, would harm an
 * assessment the authority is still making or a police investigation, or they already know.
 */
export const NOTICE_EXCEPTION_GROUNDS = [
  'childSafety',
  'thirdPartySafety',
  'pendingAssessment',
  'crimeInvestigation',
  'alreadyInformed',
] as const;
export type TNoticeExceptionGround = (typeof NOTICE_EXCEPTION_GROUNDS)[number];

/** Postponed: the notice goes out when the exception ends. Omitted: not sent while it holds — also ends. */
export const NOTICE_EXCEPTION_DECISIONS = ['postpone', 'omit'] as const;
export type TNoticeExceptionDecision = (typeof NOTICE_EXCEPTION_DECISIONS)[number];

export const ZNoticeExceptionRequest = z.strictObject({
  kinds: z.array(z.enum(NOTICE_KINDS)).min(1).max(NOTICE_KINDS.length),
  decision: z.enum(NOTICE_EXCEPTION_DECISIONS),
  ground: z.enum(NOTICE_EXCEPTION_GROUNDS),
  /** Why the exception applies to this child: required, so the leader and Datatilsynet can follow it. */
  reason: z.string().trim().min(10).max(2000),
  /** The exception ends on this day (the notice then goes out) … */
  untilDate: ZIsoDate.nullish(),
  /** … or when the authority decides (a decision on a notification, the child assessment, or the case closed). */
  untilCaseDecides: z.boolean().default(false),
  /** The concern the exception was recorded with, if any. */
  concernId: ZId.nullish(),
});
export type TNoticeExceptionRequest = z.infer<typeof ZNoticeExceptionRequest>;

export const ZEndNoticeExceptionRequest = z.strictObject({
  note: z.string().trim().min(1).max(1000),
});
export const ZReviewNoticeExceptionRequest = z.strictObject({
  note: z.string().trim().max(1000).default(''),
});

export const NOTICE_EXCEPTION_STATES = ['active', 'ended'] as const;
export const ZFindNoticeExceptionsQuery = z.strictObject({
  state: z.enum(NOTICE_EXCEPTION_STATES).default('active'),
});

export interface TNoticeException {
  id: string;
  childId: string;
  childName: string;
  kinds: TNoticeKind[];
  decision: TNoticeExceptionDecision;
  ground: TNoticeExceptionGround;
  reason: string;
  untilDate: string | null;
  untilCaseDecides: boolean;
  concernId: string | null;
  recordedBy: string;
  recordedAt: string;
  /** Where it was recorded from: the unit (professionals) or the team (caseworkers). */
  placeName: string | null;
  endedAt: string | null;
  endCause: 'date' | 'caseDecided' | 'manual' | null;
  endNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** Recordings about the child the exception holds back now. */
  withheld: number;
  /** Whether the reader may end it early (the recorder's side). */
  canEnd: boolean;
}

export const NOTICE_STATUSES = ['letter', 'followUp', 'followedUp'] as const;
export type TNoticeStatus = (typeof NOTICE_STATUSES)[number];

/** One notice to one recipient: a letter in the outbox, or a recipient listed for manual follow-up. */
export interface TNotice {
  id: string;
  kind: TNoticeKind;
  audience: TNoticeAudience;
  recipientName: string;
  /** The children the notice names (a family's letter names all its children of the round). */
  children: { id: string; firstName: string }[];
  status: TNoticeStatus;
  followUpReason: 'noAddress' | 'noGuardian' | null;
  letterId: string | null;
  letterStatus: 'queued' | 'sent' | 'failed' | null;
  createdAt: string;
  sentAt: string | null;
  roundName: string | null;
  period: string;
  handledNote: string | null;
}

/** The child's notices, pending recordings and exceptions, for the child's profile. */
export interface TChildNotices {
  notices: TNotice[];
  /** Recordings about the child whose notice has not gone out yet, and whether an exception holds it. */
  pending: { kind: TNoticeKind; period: string; roundName: string | null; since: string; held: boolean }[];
  exceptions: TNoticeException[];
}

export const ZNoticeOverviewQuery = z.strictObject({
  roundId: ZId.optional(),
});

/** One row of the leaders' overview: a unit and a round (or a kind and half-year outside rounds). */
export interface TNoticeOverviewRow {
  unitId: string;
  unitName: string;
  kind: TNoticeKind;
  roundId: string | null;
  roundName: string | null;
  period: string;
  /** Children recorded about, of them told, waiting, and held back by an exception; null: suppressed. */
  children: number | null;
  notified: number | null;
  pending: number | null;
  excepted: number | null;
  /** Families with at least one letter queued or sent. */
  families: number | null;
  /** Recipients listed for manual follow-up (no address) not yet followed up. */
  followUps: number | null;
}

export interface TNoticeOverview {
  rows: TNoticeOverviewRow[];
  /** True when small counts are hidden (the municipality-wide view for analysts). */
  suppressed: boolean;
}

export const ZFollowUpNoticeRequest = z.strictObject({
  note: z.string().trim().min(1).max(1000),
});

export interface TNoticeFollowUp extends TNotice {
  unitName: string | null;
}
