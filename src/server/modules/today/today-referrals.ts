import type { TTodayItem } from '../../../shared/schemas/today.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** The user's own referrals the provider has not answered yet (the reminders follow them up too). */
export const todayReferrals = defineUseCase(
  ['write:referral:unit', 'write:referral:team'],
  async (ctx): Promise<TTodayItem[]> => {
    const m = ctx.user.municipalityId;
    const { rows } = await ctx.db.tenantRead(m, (q) =>
      q.query(
        sql`SELECT count(*)::int AS n FROM referrals
             WHERE municipality_id = ${m} AND referred_by = ${ctx.user.userId} AND status = 'sent'`,
      ),
    );
    const n = rows[0].n as number;
    return n > 0 ? [{ key: 'referralsUnanswered', count: n, to: '/mit-arbejde', urgent: false }] : [];
  },
);

/** A partner user's referrals to their providers' offers waiting for an answer. */
export const todayPartner = defineUseCase('read:referral:provider', async (ctx): Promise<TTodayItem[]> => {
  const m = ctx.user.municipalityId;
  const { rows } = await ctx.db.tenantRead(m, (q) =>
    q.query(
      sql`SELECT count(*)::int AS n FROM referrals r
            JOIN offers o ON o.municipality_id = r.municipality_id AND o.id = r.offer_id
            JOIN provider_members pm ON pm.municipality_id = o.municipality_id AND pm.provider_id = o.provider_id
                                    AND pm.user_id = ${ctx.user.userId}
           WHERE r.municipality_id = ${m} AND r.status = 'sent'`,
    ),
  );
  const n = rows[0].n as number;
  return n > 0 ? [{ key: 'partnerReferralsToAnswer', count: n, to: '/henvisninger', urgent: false }] : [];
});
