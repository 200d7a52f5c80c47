import type { TOfferDecision, TOfferDecisionRequest } from '../../../shared/schemas/offer-learning.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectOfferDecisions } from './offer-decision-document.ts';

/**
 * A leader records what becomes of an offer after reading what it does (issue 15, item 9): continue, adjust or
 * close, with the reason. Closing closes the offer in the same transaction, so it takes no new referrals (those
 * under way go on, as when an admin closes it); the offer's version moves, so a form open on the old one is stale.
 */
export const recordOfferDecision = defineUseCase(
  'decide:offer:municipality',
  async (ctx, offerId: string, input: TOfferDecisionRequest): Promise<TOfferDecision> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        sql`SELECT id FROM offers WHERE municipality_id = ${m} AND id = ${offerId} FOR UPDATE`,
      );
      if (!rows[0]) throw new AppError('NOT_FOUND');
      const { rows: made } = await q.query(
        sql`INSERT INTO offer_decisions (municipality_id, offer_id, decision, reason, decided_by)
            VALUES (${m}, ${offerId}, ${input.decision}, ${input.reason}, ${ctx.user.userId}) RETURNING id`,
      );
      if (input.decision === 'close')
        await q.query(
          sql`UPDATE offers SET status = 'closed', version = version + 1, updated_at = now()
               WHERE municipality_id = ${m} AND id = ${offerId} AND status <> 'closed'`,
        );
      const decisions = await selectOfferDecisions(q, m, [offerId]);
      return decisions.find((d) => d.id === made[0].id) as TOfferDecision;
    });
  },
);
