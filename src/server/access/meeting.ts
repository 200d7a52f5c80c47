import type { TSharingDecision } from '../../domain/sharing/sharing-rule.ts';
import type { TMeetingRelation } from './relations.ts';

/**
 * The relation a meeting gives to a named item's child: the basis the sharing rule allowed (decision 016).
 * A refused decision gives none.
 */
export function meetingRelation(
  meetingId: string,
  decision: TSharingDecision | null,
): TMeetingRelation | null {
  if (!decision?.allowed) return null;
  return basisRelation(meetingId, decision.basis === 'consent' ? decision.consentId : null);
}

/** The relation naming a recorded basis: the consent relied on, or the legal basis when there is none. */
export function basisRelation(meetingId: string, consentId: string | null): TMeetingRelation {
  return consentId
    ? { kind: 'meeting', meetingId, basis: 'consent', consentId }
    : { kind: 'meeting', meetingId, basis: 'legalBasis' };
}
