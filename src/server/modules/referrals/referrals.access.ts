import type { TSharedKind } from '../../../domain/offers/referral-basis.ts';
import type { TReferralStatus } from '../../../domain/offers/referral-status.ts';
import {
  providerMembership,
  referralBasis,
  referralRelationFromRow,
  type TBasisRow,
} from '../../access/referral.ts';
import type { TReferralRelation } from '../../access/relations.ts';
import {
  staffRelation as staffRelationOf,
  type TStaffPermissions,
  type TStaffRelation,
} from '../../access/staff.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Who may touch which referral, and why (decision 021):
 *
 * - on the municipality's side, the adults who see the child: through a current enrolment in their unit or as
 *   its coordinator (`…:referral:unit`), or through a case of the child in their teams, assigned or granted
 *   (`…:referral:team`); they refer, follow and withdraw;
 * - a partner user, through the referral relation (src/server/access/referral.ts): a live referral to an offer
 *   of the provider they belong to, whose basis holds today — and only what it lets through;
 * - everyone else, and anything of another municipality, gets 404.
 */
export type { TStaffRelation } from '../../access/staff.ts';

const PERMISSIONS = {
  read: { unit: 'read:referral:unit', team: 'read:referral:team' },
  write: { unit: 'write:referral:unit', team: 'write:referral:team' },
} as const satisfies Record<string, TStaffPermissions>;

/** The user's relation to the child for reading or writing its referrals (a write needs an open case); 404 when none. */
export function staffRelation(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  childId: string,
  mode: 'read' | 'write',
): Promise<TStaffRelation> {
  return staffRelationOf(q, ctx, childId, PERMISSIONS[mode], { openCases: mode === 'write' });
}

export interface TPartnerRow extends TBasisRow {
  id: string;
  child_id: string;
  offer_id: string;
  status: TReferralStatus;
  shared_kinds: string[];
  consent_id: string | null;
  measure_id: string | null;
  started_at: Date | null;
  version: number;
  rel_provider_id: string;
}

export interface TPartnerReferralAccess {
  row: TPartnerRow;
  relation: TReferralRelation;
  sees: TSharedKind[];
}

/**
 * The referrals a partner user reaches today (all of their provider's, or the ids asked for), each with its
 * relation and what it lets them see. Referrals outside it are simply absent. `forUpdate` locks the rows for a
 * write; the check then holds until the write commits.
 */
export async function partnerReferrals(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  today: string,
  where: { ids?: readonly string[]; status?: TReferralStatus; forUpdate?: boolean } = {},
): Promise<TPartnerReferralAccess[]> {
  const { rows } = await q.query<TPartnerRow>(
    sql`SELECT r.id, r.child_id, r.offer_id, r.status, r.shared_kinds, r.basis, r.consent_id, r.measure_id,
               r.started_at, r.version, rel.rel_provider_id, b.*
          FROM referrals r
          JOIN LATERAL (${providerMembership(ctx.user.userId, 'r')}) rel ON true
          JOIN LATERAL (${referralBasis('r')}) b ON true
         WHERE r.municipality_id = ${ctx.user.municipalityId} AND r.status NOT IN ('declined', 'ended')
           ${where.ids ? sql`AND r.id = ANY(${where.ids}::uuid[])` : sql.empty}
           ${where.status ? sql`AND r.status = ${where.status}` : sql.empty}
         ORDER BY r.referred_at, r.id
         ${where.forUpdate ? sql`FOR UPDATE OF r` : sql.empty}`,
  );
  return rows.flatMap((row) => {
    const access = referralRelationFromRow(row, today);
    return access ? [{ row, ...access }] : [];
  });
}

/** One referral a partner user reaches, or 404 (another provider's, ended, declined, or its basis gone). */
export async function partnerReferral(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  today: string,
  referralId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TPartnerReferralAccess> {
  const [found] = await partnerReferrals(q, ctx, today, { ids: [referralId], forUpdate: options.forUpdate });
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}
