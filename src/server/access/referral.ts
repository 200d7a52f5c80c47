import {
  basisState,
  providerSees,
  type TBasisFacts,
  type TSharedKind,
} from '../../domain/offers/referral-basis.ts';
import type { TReferralStatus } from '../../domain/offers/referral-status.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { TReferralRelation } from './relations.ts';

/**
 * For `JOIN LATERAL (…) b ON true` on a referral (alias `referral`): the facts of its basis — the consent it
 * rests on (columns `b_valid_from`, `b_valid_to`, `b_withdrawn`, `b_info_kinds`, `b_recipients`, `b_purpose`) or
 * the § 32 measure (`b_section`, `b_ends_on`, `b_case_open`, `b_case_id`). Always one row; a consent or measure
 * that does not belong to the referred child reads as missing.
 */
export function referralBasis(referral = 'r'): Sql {
  const r = sql.ident(referral);
  return sql`SELECT k.valid_from AS b_valid_from, k.valid_to AS b_valid_to, k.withdrawn_at IS NOT NULL AS b_withdrawn,
                    k.info_kinds AS b_info_kinds, k.recipient_provider_ids AS b_recipients, k.purpose AS b_purpose,
                    k.id AS b_consent_id, cm.id AS b_measure_id, cm.section AS b_section, cm.ends_on AS b_ends_on,
                    c.status = 'open' AS b_case_open, c.id AS b_case_id
               FROM (SELECT 1) one
               LEFT JOIN consents k ON k.municipality_id = ${r}.municipality_id AND k.id = ${r}.consent_id
                AND k.child_id = ${r}.child_id
               LEFT JOIN case_measures cm ON cm.municipality_id = ${r}.municipality_id AND cm.id = ${r}.measure_id
               LEFT JOIN cases c ON c.municipality_id = cm.municipality_id AND c.id = cm.case_id
                AND c.child_id = ${r}.child_id`;
}

export interface TBasisRow {
  basis: 'consent' | 'legalBasis';
  b_consent_id: string | null;
  b_valid_from: string | null;
  b_valid_to: string | null;
  b_withdrawn: boolean;
  b_info_kinds: string[] | null;
  b_recipients: string[] | null;
  b_measure_id: string | null;
  b_section: string | null;
  b_ends_on: string | null;
  b_case_open: boolean | null;
}

export function basisFactsFromRow(row: TBasisRow): TBasisFacts {
  if (row.basis === 'consent')
    return {
      basis: 'consent',
      consent:
        row.b_consent_id && row.b_valid_from && row.b_valid_to
          ? {
              validFrom: row.b_valid_from,
              validTo: row.b_valid_to,
              withdrawn: row.b_withdrawn,
              infoKinds: row.b_info_kinds ?? [],
              recipientProviderIds: row.b_recipients ?? [],
            }
          : null,
    };
  return {
    basis: 'legalBasis',
    measure:
      row.b_measure_id && row.b_section && row.b_case_open !== null
        ? { section: row.b_section, endsOn: row.b_ends_on, caseOpen: row.b_case_open }
        : null,
  };
}

/**
 * For `JOIN LATERAL (…) rel ON true` on a referral (alias `referral`): the user belongs to the provider of the
 * referral's offer — column `rel_provider_id`. Whether that gives access is decided with the basis facts by
 * `referralRelationFromRow`, so a consent's withdrawal or a referral's end is seen on every request.
 */
export function providerMembership(userId: string, referral = 'r'): Sql {
  const r = sql.ident(referral);
  return sql`SELECT o.provider_id AS rel_provider_id
               FROM offers o JOIN provider_members pm ON pm.municipality_id = o.municipality_id
                AND pm.provider_id = o.provider_id AND pm.user_id = ${userId}::uuid
              WHERE o.municipality_id = ${r}.municipality_id AND o.id = ${r}.offer_id`;
}

/**
 * The referral relation of a partner user to the referred child, and what it lets them see — or undefined when
 * the referral is no longer live or its basis no longer holds (src/domain/offers/referral-basis.ts).
 */
export function referralRelationFromRow(
  row: TBasisRow & {
    id: string;
    offer_id: string;
    status: TReferralStatus;
    shared_kinds: string[];
    consent_id: string | null;
    measure_id: string | null;
    rel_provider_id: string;
  },
  today: string,
): { relation: TReferralRelation; sees: TSharedKind[] } | undefined {
  const facts = basisFactsFromRow(row);
  if (basisState(facts, row.rel_provider_id, today) !== 'valid') return undefined;
  const sees = providerSees(
    { status: row.status, sharedKinds: row.shared_kinds },
    facts,
    row.rel_provider_id,
    today,
  );
  if (sees.length === 0) return undefined;
  const base = { kind: 'referral' as const, referralId: row.id, offerId: row.offer_id };
  const relation: TReferralRelation =
    row.basis === 'consent'
      ? { ...base, basis: 'consent', consentId: row.consent_id as string }
      : { ...base, basis: 'legalBasis', measureId: row.measure_id as string };
  return { relation, sees };
}
