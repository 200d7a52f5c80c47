import type { TPartnerReferral } from '../../../shared/schemas/referral-views.ts';
import type { TPartnerReferralsQuery } from '../../../shared/schemas/referrals.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { partnerViews } from './referral-document.ts';
import { partnerReferrals } from './referrals.access.ts';

/**
 * The referrals a partner user reaches: live referrals to their provider's offers whose basis holds today, each
 * with only what it lets through. Every child shown is a read audited under its referral relation.
 */
export const findPartnerReferrals = defineUseCase(
  'read:referral:provider',
  async (ctx, query: TPartnerReferralsQuery): Promise<{ items: TPartnerReferral[] }> => {
    const m = ctx.user.municipalityId;
    const { found, items } = await ctx.db.tenantRead(m, async (q) => {
      const day = await currentDate(q);
      const found = await partnerReferrals(q, ctx, day, { status: query.status });
      return { found, items: await partnerViews(q, m, found, day) };
    });
    await Promise.all(
      found.map(({ row, relation, sees }) =>
        ctx.audit.record(
          auditEvent(ctx, {
            relation,
            action: 'read',
            entity: 'referral',
            entityId: row.id,
            childId: row.child_id,
            detail: { view: 'partnerList', sees },
          }),
        ),
      ),
    );
    return { items };
  },
);
