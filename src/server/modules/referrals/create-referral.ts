import { ageFits } from '../../../domain/offers/offer-rules.ts';
import { allowedKinds, basisState, type TBasisState } from '../../../domain/offers/referral-basis.ts';
import type { TMessageKey } from '../../../shared/i18n/errors.ts';
import type { TReferral } from '../../../shared/schemas/referral-views.ts';
import type { TCreateReferralRequest } from '../../../shared/schemas/referrals.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { caseRelation, caseScope } from '../../access/case.ts';
import { basisFactsFromRow, referralBasis } from '../../access/referral.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import type { TActingCtx } from '../../http/use-case.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { markNoticesDue, type TNoticeScope } from '../notices/mark-notices-due.ts';
import { noticesRecorded } from '../notices/notices-recorded.ts';
import { selectReferrals } from './referral-document.ts';
import { referralOrigin } from './referral-origin.ts';
import { staffRelation } from './referrals.access.ts';

/** Why a basis does not hold, as the field and message the referrer reads. */
const BASIS_PROBLEM: Record<Exclude<TBasisState, 'valid'>, [string, TMessageKey]> = {
  consentUnknown: ['consentId', 'field.consentUnknown'],
  consentWithdrawn: ['consentId', 'field.consentWithdrawn'],
  consentExpired: ['consentId', 'field.consentExpired'],
  consentNotYetValid: ['consentId', 'field.consentNotYetValid'],
  notRecipient: ['consentId', 'field.consentNotRecipient'],
  measureUnknown: ['measureId', 'field.measureNotS32'],
  measureEnded: ['measureId', 'field.measureEnded'],
  caseClosed: ['measureId', 'field.measureNotS32'],
};

/**
 * A § 32 measure counts as the referral's basis only when it belongs to a case of this child the user reaches
 * with `write:referral:team`: the decision is the caseworker's to cite, and nobody else learns from the answer
 * whether the child has a case.
 */
async function reachableMeasure(
  q: Queryable,
  ctx: TActingCtx,
  childId: string,
  measureId: string,
): Promise<boolean> {
  if (!ctx.user.permissions.has('write:referral:team')) return false;
  const { rowCount } = await q.query(
    sql`SELECT 1 FROM case_measures cm
          JOIN cases c ON c.municipality_id = cm.municipality_id AND c.id = cm.case_id AND c.child_id = ${childId}
          JOIN LATERAL (${caseRelation(caseScope(ctx, 'write:referral:team'))}) rel ON true
         WHERE cm.municipality_id = ${ctx.user.municipalityId} AND cm.id = ${measureId}`,
  );
  return rowCount === 1;
}

/**
 * Refers a child to an offer (issue 15, item 3). The referrer sees the child (their unit, as coordinator, or a
 * case of their team); the offer is the municipality's and open (active, its provider active); the child's age is
 * inside the offer's range or a reason says why not; the basis holds today — the custodians' consent naming the
 * offer's provider (and `contact` if contact details are sent), or a § 32 measure in the child's open case — and
 * the child has no live referral to the offer. Otherwise a 4xx naming the problem, and nothing is written.
 * The referral, its first event and the audit event (under the referrer's relation) commit together.
 */
export const createReferral = defineUseCase(
  ['write:referral:unit', 'write:referral:team'],
  async (ctx, input: TCreateReferralRequest): Promise<TReferral> => {
    const m = ctx.user.municipalityId;
    const scopes: TNoticeScope[] = [];
    const referral = await ctx.db.tenant(m, async (q) => {
      const staff = await staffRelation(q, ctx, input.childId, 'write');
      const day = await currentDate(q);
      const { rows: offers } = await q.query(
        sql`SELECT o.id, o.status, o.age_from, o.age_to, o.provider_id, p.name AS provider_name, p.active AS provider_active,
                   age_on(c.birth_date, ${day}::date) AS age
              FROM offers o JOIN offer_providers p ON p.municipality_id = o.municipality_id AND p.id = o.provider_id
              JOIN children c ON c.municipality_id = o.municipality_id AND c.id = ${input.childId}
             WHERE o.municipality_id = ${m} AND o.id = ${input.offerId}`,
      );
      const offer = offers[0];
      if (!offer) throw fieldError('offerId', 'field.unknownOffer');
      if (offer.status === 'paused') throw new AppError('OFFER_PAUSED');
      if (offer.status === 'closed' || !offer.provider_active) throw new AppError('OFFER_CLOSED');
      if (!ageFits(offer.age, { ageFrom: offer.age_from, ageTo: offer.age_to }) && !input.ageReason)
        throw fieldError('ageReason', 'field.ageOutsideOffer', {
          age: offer.age,
          from: offer.age_from,
          to: offer.age_to,
        });

      const origin = await referralOrigin(q, ctx, input);
      const consentId = input.basis === 'consent' ? (input.consentId ?? null) : null;
      const measureId = input.basis === 'legalBasis' ? (input.measureId ?? null) : null;
      if (measureId && !(await reachableMeasure(q, ctx, input.childId, measureId)))
        throw fieldError('measureId', 'field.measureNotS32');
      const { rows: facts } = await q.query(
        sql`SELECT ${input.basis}::text AS basis, b.*
              FROM (SELECT ${m}::uuid AS municipality_id, ${input.childId}::uuid AS child_id,
                           ${consentId}::uuid AS consent_id, ${measureId}::uuid AS measure_id) r
              JOIN LATERAL (${referralBasis('r')}) b ON true`,
      );
      const basis = basisFactsFromRow(facts[0]);
      const state = basisState(basis, offer.provider_id, day);
      if (state !== 'valid') {
        const [field, key] = BASIS_PROBLEM[state];
        throw fieldError(field, key, { provider: offer.provider_name });
      }
      const kinds = [...new Set(input.sharedKinds)];
      const allowed = allowedKinds(basis);
      if (kinds.some((k) => !allowed.includes(k))) throw fieldError('sharedKinds', 'field.consentNoContact');

      const { rows } = await q.query(
        sql`INSERT INTO referrals (municipality_id, child_id, offer_id, basis, consent_id, measure_id, shared_kinds,
                                   age_reason, referred_by, referrer_unit_id, referrer_team_id, status_by,
                                   origin_plan_id, origin_goal_position, origin_action_id, origin_text)
            VALUES (${m}, ${input.childId}, ${input.offerId}, ${input.basis}, ${consentId}, ${measureId}, ${kinds},
                    ${input.ageReason ?? null}, ${ctx.user.userId}, ${staff.unitId}, ${staff.teamId}, ${ctx.user.userId},
                    ${origin?.planId ?? null}, ${origin?.position ?? null}, ${origin?.actionId ?? null},
                    ${origin?.text ?? null})
            ON CONFLICT (municipality_id, child_id, offer_id) WHERE status NOT IN ('declined', 'ended') DO NOTHING
            RETURNING id`,
      );
      if (!rows[0]) throw new AppError('REFERRAL_OPEN_EXISTS');
      const id = rows[0].id as string;
      await q.query(
        sql`INSERT INTO referral_events (municipality_id, referral_id, status, by_user, actor)
            VALUES (${m}, ${id}, 'sent', ${ctx.user.userId}, 'referrer')`,
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          permission: staff.permission,
          relation: staff.relation,
          action: 'create',
          entity: 'referral',
          entityId: id,
          childId: input.childId,
          detail: {
            offerId: input.offerId,
            basis: input.basis,
            consentId,
            measureId,
            sharedKinds: kinds,
            ...(origin ? { origin: origin.actionId ? 'action' : 'goal' } : {}),
          },
        }),
      );
      // The guardians are told that the child is referred, to whom and why (issue 23), once per half-year.
      scopes.push(
        await markNoticesDue(q, m, {
          kind: 'referral',
          childIds: [input.childId],
          unitId: staff.unitId,
          sourceId: id,
        }),
      );
      return (await selectReferrals(q, m, { id }, day, ctx.locale))[0] as TReferral;
    });
    await noticesRecorded(ctx, m, scopes);
    return referral;
  },
);
