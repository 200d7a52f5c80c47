/**
 * Every way a person may come to see a child, in one list (decision 021). Each capability answers access
 * in the same shape — `Map<id, TRelation>` for the ids asked about, no entry meaning no access — and every
 * audit event names its relation through `auditPurpose`, so the log reads the same whichever capability
 * wrote it. A new relation is a new member here; the compiler then points at `auditPurpose` until it is
 * named.
 */

/** A current enrolment of the child in a unit where the user holds the permission (enrolment.ts). */
export interface TEnrolmentRelation {
  kind: 'enrolment';
  unitId: string;
  unitName: string;
}

/** The user is the child's named coordinator; the unit is the child's current one (coordinator.ts). */
export interface TCoordinatorRelation {
  kind: 'coordinator';
  unitId: string;
  unitName: string;
}

/**
 * A case the user reaches (case.ts): through a team they work in or manage, as its assigned caseworker,
 * or by a manager's grant.
 */
export type TCaseRelation =
  | { kind: 'case'; via: 'team'; teamId: string }
  | { kind: 'case'; via: 'assigned' }
  | { kind: 'case'; via: 'grant' };

/**
 * A named item on a meeting the user takes part in, on the basis the sharing rule allowed (meeting.ts):
 * a consent naming the reader, or the legal basis for that one meeting.
 */
export type TMeetingRelation =
  | { kind: 'meeting'; meetingId: string; basis: 'consent'; consentId: string }
  | { kind: 'meeting'; meetingId: string; basis: 'legalBasis' };

/** The authority's intake works the municipality's queue of notifications (notifications.access.ts). */
export interface TIntakeRelation {
  kind: 'intake';
}

// The relations the coming capabilities bring. Named now so that their audit purpose is decided here,
// once, and not by the first use-case that needs one.

/**
 * A partner user reaches a child through a live referral to an offer of the provider they belong to, on the
 * referral's basis: the custodians' consent naming the provider, or a § 32 measure in the child's case
 * (src/server/access/referral.ts).
 */
export type TReferralRelation =
  | { kind: 'referral'; referralId: string; offerId: string; basis: 'consent'; consentId: string }
  | { kind: 'referral'; referralId: string; offerId: string; basis: 'legalBasis'; measureId: string };

/** A participant in a family group conference, in a role (convenor, network person …). */
export interface TConferenceRelation {
  kind: 'conference';
  conferenceId: string;
  role: string;
}

/** A reviewer reaches a case sampled in a review round. */
export interface TReviewSampleRelation {
  kind: 'reviewSample';
  roundId: string;
}

/** Break-glass: no relation, a written reason, flagged in the audit log (architecture.md, rule 2). */
export interface TBreakGlassRelation {
  kind: 'breakGlass';
  reason: string;
}

export type TRelation =
  | TEnrolmentRelation
  | TCoordinatorRelation
  | TCaseRelation
  | TMeetingRelation
  | TIntakeRelation
  | TReferralRelation
  | TConferenceRelation
  | TReviewSampleRelation
  | TBreakGlassRelation;

export type TRelationKind = TRelation['kind'];

/** The relations that let a professional see a child in the children register. */
export type TChildRelation = TEnrolmentRelation | TCoordinatorRelation;

/** What a capability answers for the ids it was asked about: the ids allowed, each with its relation. */
export type TAccess<R extends TRelation = TRelation> = Map<string, R>;

/**
 * The audit event's purpose for a relation: the one place a relation is named in the log. The strings
 * are the ones decisions 005, 015 and 016 fixed (`enrolment:<unit>`, `team:<team>`,
 * `meeting:<id>:consent:<consent>` …), so the log reads the same before and after this contract.
 */
export function auditPurpose(relation: TRelation): string {
  switch (relation.kind) {
    case 'enrolment':
    case 'coordinator':
      return `${relation.kind}:${relation.unitId}`;
    case 'case':
      if (relation.via === 'team') return `team:${relation.teamId}`;
      return relation.via === 'assigned' ? 'caseworker' : 'grant';
    case 'meeting':
      return relation.basis === 'consent'
        ? `meeting:${relation.meetingId}:consent:${relation.consentId}`
        : `meeting:${relation.meetingId}:legalBasis`;
    case 'intake':
      return 'intake';
    case 'referral':
      return relation.basis === 'consent'
        ? `referral:${relation.referralId}:offer:${relation.offerId}:consent:${relation.consentId}`
        : `referral:${relation.referralId}:offer:${relation.offerId}:legalBasis:${relation.measureId}`;
    case 'conference':
      return `conference:${relation.conferenceId}:${relation.role}`;
    case 'reviewSample':
      return `reviewSample:${relation.roundId}`;
    case 'breakGlass':
      return 'breakGlass';
  }
}

/** What the audit event's detail must carry for the relation besides its purpose (the written reason). */
export function relationDetail(relation: TRelation): Record<string, unknown> {
  return relation.kind === 'breakGlass' ? { breakGlass: true, reason: relation.reason } : {};
}

/** The unit a relation runs through, if any: the role the user acts in is looked up in that unit. */
export function relationUnit(relation: TRelation): string | undefined {
  return relation.kind === 'enrolment' || relation.kind === 'coordinator' ? relation.unitId : undefined;
}
