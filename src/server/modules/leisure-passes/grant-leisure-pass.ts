import { grantFits } from '../../../domain/offers/leisure-pass.ts';
import type { TGrantLeisurePassRequest, TLeisurePass } from '../../../shared/schemas/leisure-passes.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { staffRelation } from '../referrals/referrals.access.ts';
import { mayGrant } from './leisure-pass-access.ts';
import { childBudget, selectLeisurePasses } from './leisure-pass-document.ts';
import { loadLeisurePassSettings } from './leisure-pass-settings.ts';

/**
 * Grants a child the leisure pass for an offer (issue 15, item 6). The granter refers the child (its unit, as
 * coordinator, or a case of their team) in a role the municipality lets grant the pass; the offer is the
 * municipality's, open, and one the pass may pay; the amount fits in what is left of the child's year. Otherwise
 * a 4xx naming the problem and nothing is written. The grant and its audit event commit together; the child's
 * year is locked while the budget is checked, so two grants at once cannot both spend the last kroner.
 */
export const grantLeisurePass = defineUseCase(
  ['write:referral:unit', 'write:referral:team'],
  async (ctx, input: TGrantLeisurePassRequest): Promise<TLeisurePass> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const staff = await staffRelation(q, ctx, input.childId, 'write');
      const settings = await loadLeisurePassSettings(q, m);
      if (!settings.enabled) throw new AppError('LEISURE_PASS_OFF');
      if (!mayGrant(ctx, settings, staff.permission, staff.unitId)) throw new AppError('LEISURE_PASS_ROLE');
      const { rows: offers } = await q.query(
        sql`SELECT o.name, o.status, o.leisure_pass, p.active AS provider_active
              FROM offers o JOIN offer_providers p ON p.municipality_id = o.municipality_id AND p.id = o.provider_id
             WHERE o.municipality_id = ${m} AND o.id = ${input.offerId}`,
      );
      const offer = offers[0];
      if (!offer) throw fieldError('offerId', 'field.unknownOffer');
      if (offer.status === 'paused') throw new AppError('OFFER_PAUSED');
      if (offer.status === 'closed' || !offer.provider_active) throw new AppError('OFFER_CLOSED');
      if (!offer.leisure_pass) throw fieldError('offerId', 'field.offerNoLeisurePass', { offer: offer.name });

      await q.query(
        sql`SELECT 1 FROM children WHERE municipality_id = ${m} AND id = ${input.childId} FOR UPDATE`,
      );
      const day = await currentDate(q);
      const budget = await childBudget(q, m, input.childId, day, settings);
      if (!grantFits(input.amountDkk, budget.left))
        throw fieldError('amountDkk', 'field.leisurePassOverBudget', {
          left: budget.left,
          year: budget.year,
        });

      const { rows } = await q.query(
        sql`INSERT INTO leisure_passes (municipality_id, child_id, offer_id, amount_dkk, granted_on, granted_by,
                                        granter_unit_id, granter_team_id, status_by)
            VALUES (${m}, ${input.childId}, ${input.offerId}, ${input.amountDkk}, ${day}, ${ctx.user.userId},
                    ${staff.unitId}, ${staff.teamId}, ${ctx.user.userId})
            RETURNING id`,
      );
      const id = rows[0].id as string;
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          permission: staff.permission,
          relation: staff.relation,
          action: 'create',
          entity: 'leisurePass',
          entityId: id,
          childId: input.childId,
          detail: { offerId: input.offerId, amountDkk: input.amountDkk, year: budget.year },
        }),
      );
      return (await selectLeisurePasses(q, m, { id }, day, settings.unusedWeeks))[0] as TLeisurePass;
    });
  },
);
