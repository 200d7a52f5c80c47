import { consentStatus, type TInfoKind } from '../sharing/sharing-rule.ts';
import { isLive, type TReferralStatus } from './referral-status.ts';

/**
 * On what a provider may see a referred child (issue 15, items 3–4): the custodians' written consent naming the
 * provider as recipient, or a decision in the child's case under § 32 that the referral records. The provider
 * sees the child only while the referral is live and its basis holds: a consent withdrawn or run out, a
 * measure ended or its case closed, a referral declined or ended — and the access is gone at the next request.
 *
 * What the provider sees is what the referral sends, and a consent caps it: who the child is (first and last
 * name, age — never the CPR number or the birth date) always, the custodians' contact details only where the
 * consent names `contact`. Assessments, concerns, cases and meetings never reach a provider, whatever a
 * consent says.
 */

export const SHARED_KINDS = ['identity', 'contact'] as const satisfies readonly TInfoKind[];
export type TSharedKind = (typeof SHARED_KINDS)[number];

export interface TConsentBasis {
  basis: 'consent';
  consent: {
    validFrom: string;
    validTo: string;
    withdrawn: boolean;
    infoKinds: readonly string[];
    recipientProviderIds: readonly string[];
  } | null;
}

export interface TLegalBasis {
  basis: 'legalBasis';
  measure: { section: string; endsOn: string | null; caseOpen: boolean } | null;
}

export type TBasisFacts = TConsentBasis | TLegalBasis;

export type TBasisState =
  | 'valid'
  | 'consentUnknown'
  | 'consentWithdrawn'
  | 'consentExpired'
  | 'consentNotYetValid'
  | 'notRecipient'
  | 'measureUnknown'
  | 'measureEnded'
  | 'caseClosed';

/** Whether the basis lets `providerId` see the child on `today`, and if not, why. */
export function basisState(facts: TBasisFacts, providerId: string, today: string): TBasisState {
  if (facts.basis === 'consent') {
    const c = facts.consent;
    if (!c) return 'consentUnknown';
    const status = consentStatus(c, today);
    if (status === 'withdrawn') return 'consentWithdrawn';
    if (status === 'expired') return 'consentExpired';
    if (status === 'pending') return 'consentNotYetValid';
    return c.recipientProviderIds.includes(providerId) ? 'valid' : 'notRecipient';
  }
  const m = facts.measure;
  if (m?.section !== 's32') return 'measureUnknown';
  if (!m.caseOpen) return 'caseClosed';
  if (m.endsOn !== null && m.endsOn < today) return 'measureEnded';
  return 'valid';
}

/** The kinds a referral may send on its basis: a consent caps them at what it names (identity always). */
export function allowedKinds(facts: TBasisFacts): TSharedKind[] {
  if (facts.basis === 'legalBasis') return [...SHARED_KINDS];
  const named = new Set(facts.consent?.infoKinds ?? []);
  return SHARED_KINDS.filter((k) => k === 'identity' || named.has(k));
}

/** What the provider sees of the child now: nothing, or the referral's kinds within what the basis allows. */
export function providerSees(
  referral: { status: TReferralStatus; sharedKinds: readonly string[] },
  facts: TBasisFacts,
  providerId: string,
  today: string,
): TSharedKind[] {
  if (!isLive(referral.status) || basisState(facts, providerId, today) !== 'valid') return [];
  const allowed = allowedKinds(facts);
  return SHARED_KINDS.filter(
    (k) => k === 'identity' || (referral.sharedKinds.includes(k) && allowed.includes(k)),
  );
}
