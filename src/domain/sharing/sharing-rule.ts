/**
 * Who may see a named child through an interdisciplinary meeting, and on what basis (issue 4, part 4).
 *
 * Two bases exist. A written consent from the person(s) with custody names the kinds of information, the
 * recipients (units and/or professions), the purpose and a period; it covers a reader who is one of its
 * recipients while it is valid and not withdrawn. Without consent, the recorded legal basis for sharing
 * among these professions in early preventive work allows ONE meeting about the child: its participants may
 * see the child up to and including the meeting day. A further meeting about the same child on that basis
 * (or a follow-up on the same item after the meeting day) needs a recorded reason; the reason then opens the
 * window up to the item's follow-up date.
 */

/**
 * The kinds of information a consent may name. `contact` (the custodians' names, phone and e-mail) is what a
 * provider of an offer needs to reach the family besides who the child is (src/domain/offers/referral-basis.ts).
 */
export const INFO_KINDS = [
  'identity',
  'concerns',
  'wellbeing',
  'meetings',
  'health',
  'family',
  'contact',
] as const;
export type TInfoKind = (typeof INFO_KINDS)[number];

/** What the legal basis lets participants share: who the child is and the concern that brought it up. */
export const LEGAL_BASIS_KINDS: readonly TInfoKind[] = ['identity', 'concerns'];

export interface TConsentFacts {
  id: string;
  validFrom: string;
  validTo: string;
  withdrawn: boolean;
  infoKinds: readonly TInfoKind[];
  recipientUnitIds: readonly string[];
  recipientProfessions: readonly string[];
}

/** The reader as a participant of the meeting: the profession they take part as, and their units. */
export interface TReader {
  profession: string;
  unitIds: readonly string[];
}

export type TRefusal =
  | 'notParticipant'
  | 'consentWithdrawn'
  | 'consentExpired'
  | 'consentNotYetValid'
  | 'notRecipient'
  | 'legalBasisMeetingPassed';

export type TSharingDecision =
  | { allowed: true; basis: 'consent'; consentId: string; infoKinds: TInfoKind[] }
  | { allowed: true; basis: 'legalBasis'; infoKinds: TInfoKind[] }
  | { allowed: false; reason: TRefusal };

/** Why a consent does not let this reader see the child on `on` (ISO date), or null when it does. */
export function consentRefusal(consent: TConsentFacts, reader: TReader, on: string): TRefusal | null {
  if (consent.withdrawn) return 'consentWithdrawn';
  if (on > consent.validTo) return 'consentExpired';
  if (on < consent.validFrom) return 'consentNotYetValid';
  const byProfession = consent.recipientProfessions.includes(reader.profession);
  const byUnit = reader.unitIds.some((u) => consent.recipientUnitIds.includes(u));
  if (!byProfession && !byUnit) return 'notRecipient';
  return null;
}

export interface TItemBasis {
  basis: 'consent' | 'legalBasis';
  consent?: TConsentFacts;
  meetingOn: string;
  followUpOn: string | null;
  followUpReason: string | null;
}

/** May `reader` (null: not a participant of the meeting) see the item's child today, and which kinds? */
export function itemAccess(item: TItemBasis, reader: TReader | null, today: string): TSharingDecision {
  if (!reader) return { allowed: false, reason: 'notParticipant' };
  if (item.basis === 'consent') {
    if (!item.consent) return { allowed: false, reason: 'consentWithdrawn' };
    const refusal = consentRefusal(item.consent, reader, today);
    if (refusal) return { allowed: false, reason: refusal };
    const kinds = new Set<TInfoKind>(['identity', ...item.consent.infoKinds]);
    return {
      allowed: true,
      basis: 'consent',
      consentId: item.consent.id,
      infoKinds: INFO_KINDS.filter((k) => kinds.has(k)),
    };
  }
  const lastDay =
    item.followUpReason && item.followUpOn && item.followUpOn > item.meetingOn
      ? item.followUpOn
      : item.meetingOn;
  if (today > lastDay) return { allowed: false, reason: 'legalBasisMeetingPassed' };
  return { allowed: true, basis: 'legalBasis', infoKinds: [...LEGAL_BASIS_KINDS] };
}

export type TSchedulingProblem =
  | { field: 'consentId'; key: 'consentWithdrawn' | 'consentExpired' | 'consentNotValidOnMeetingDay' }
  | { field: 'followUpReason'; key: 'legalBasisUsed' };

export interface TSchedulingInput {
  basis: 'consent' | 'legalBasis';
  consent?: TConsentFacts;
  meetingOn: string;
  today: string;
  /** Earlier meetings (other than this one) in which the child was discussed on the legal basis. */
  earlierLegalBasisMeetings: number;
  followUpReason: string | null;
}

/**
 * May a named item about the child be put on the agenda on this basis? A consent must be in force (not
 * withdrawn, not expired) and valid on the meeting day; the legal basis is good for one meeting, and a further
 * one needs a recorded reason.
 */
export function schedulingProblem(input: TSchedulingInput): TSchedulingProblem | null {
  if (input.basis === 'consent') {
    const c = input.consent;
    if (!c) return { field: 'consentId', key: 'consentExpired' };
    if (c.withdrawn) return { field: 'consentId', key: 'consentWithdrawn' };
    if (input.today > c.validTo) return { field: 'consentId', key: 'consentExpired' };
    if (input.meetingOn < c.validFrom || input.meetingOn > c.validTo)
      return { field: 'consentId', key: 'consentNotValidOnMeetingDay' };
    return null;
  }
  if (input.earlierLegalBasisMeetings > 0 && !input.followUpReason?.trim())
    return { field: 'followUpReason', key: 'legalBasisUsed' };
  return null;
}

/** The state a consent is in on `today`, for lists and the job that enforces expiry. */
export function consentStatus(
  c: Pick<TConsentFacts, 'validFrom' | 'validTo' | 'withdrawn'>,
  today: string,
): 'withdrawn' | 'expired' | 'pending' | 'valid' {
  if (c.withdrawn) return 'withdrawn';
  if (today > c.validTo) return 'expired';
  if (today < c.validFrom) return 'pending';
  return 'valid';
}
