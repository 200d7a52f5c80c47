import type { TBasisState, TSharedKind } from '../../domain/offers/referral-basis.ts';
import type { TDeclineReason, TEndReason, TReferralStatus } from '../../domain/offers/referral-status.ts';

// The answers of the referral endpoints: one definition for the server that builds them and the web app that
// reads them.

export interface TReferralEvent {
  status: TReferralStatus;
  at: string;
  /** Who set it: a name on the municipality's side; the provider's partner users as the provider. */
  by: string;
  actor: 'provider' | 'referrer';
  reason: string | null;
  note: string | null;
  position: number | null;
  /** Attendance: the month confirmed (YYYY-MM). */
  period: string | null;
}

/** A referral as the child's adults see it (the referrer, the child's coordinator and units, its caseworkers). */
export interface TReferral {
  id: string;
  childId: string;
  offer: { id: string; name: string; kind: string; kindLabel: string; status: string };
  provider: { id: string; name: string };
  status: TReferralStatus;
  waitingPosition: number | null;
  declineReason: TDeclineReason | null;
  endReason: TEndReason | null;
  note: string | null;
  basis:
    | { kind: 'consent'; consentId: string; state: TBasisState }
    | { kind: 'legalBasis'; measureId: string; caseId: string | null; state: TBasisState };
  sharedKinds: TSharedKind[];
  ageReason: string | null;
  /** Where it was made from: a goal of the child's plan or a meeting action (its text then); null from the profile. */
  origin:
    | { kind: 'goal'; planId: string | null; position: number; text: string }
    | { kind: 'action'; actionId: string | null; text: string }
    | null;
  referredBy: { id: string; name: string };
  referredAt: string;
  statusAt: string;
  startedAt: string | null;
  history: TReferralEvent[];
  /** Months attendance was confirmed for (YYYY-MM), oldest first. */
  attendance: string[];
  version: number;
}

/** A referral as a partner user of the provider sees it: only what the consent (or the decision) lets through. */
export interface TPartnerReferral {
  id: string;
  offer: { id: string; name: string };
  status: TReferralStatus;
  waitingPosition: number | null;
  referredAt: string;
  referredBy: string;
  /** The consent's stated purpose; none on a case decision (its content stays in the case). */
  purpose: string | null;
  basis: 'consent' | 'legalBasis';
  child: { firstName: string; lastName: string; age: number };
  /** The custodians' contact details, where the consent names them; otherwise null. */
  contacts: { name: string; phone: string | null; email: string | null }[] | null;
  history: { status: TReferralStatus; at: string; position: number | null; period: string | null }[];
  attendance: string[];
  version: number;
}

export interface TReferralSettings {
  alertWeekdays: number;
  escalateWeekdays: number;
  version: number;
  updatedAt: string | null;
}

/**
 * A referral or leisure pass waiting for the signed-in user to act (Mit arbejde): the provider has not answered
 * within the municipality's weekdays, the provider declined and the child needs a new choice, or a pass the user
 * granted has gone unused.
 */
export interface TReferralWorkItem {
  kind: 'noAnswer' | 'declined' | 'passUnused';
  child: { id: string; firstName: string; lastName: string };
  offer: { id: string; name: string };
  /** The referral or the pass. */
  id: string;
  /** Sent (no answer), declined, or granted (pass): the day it began to wait. */
  since: string;
  /** No answer: weekdays waited. */
  weekdays: number | null;
  /** Declined: why. */
  declineReason: TDeclineReason | null;
  /** Pass: kroner granted. */
  amountDkk: number | null;
}

/**
 * Confirmed attendance in an organised leisure activity or a leisure job, for a protective factor the offer
 * strengthens (issue 15, item 7): shown beside the factor and suggested in the next assessment, with its source.
 */
export interface TParticipation {
  factor: { code: string; label: string };
  referralId: string;
  offer: { id: string; name: string; kindLabel: string };
  provider: string;
  /** The last month the provider confirmed (YYYY-MM), and how many months it has confirmed in all. */
  lastConfirmed: string;
  months: number;
}
