import type { TProviderDetail } from '../../../shared/schemas/offer-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectMembers, selectProviders } from './provider-document.ts';

/**
 * Makes a partner user belong to a provider (admin). A partner user belongs to one provider: one who already
 * belongs to another is refused, naming it. Who gave whom a provider's access is audited, as it opens the
 * referrals to that provider's offers.
 */
export const addProviderMember = defineUseCase(
  'manage:offer:municipality',
  async (ctx, providerId: string, userId: string): Promise<TProviderDetail> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const [provider] = await selectProviders(q, m, providerId);
      if (!provider) throw new AppError('NOT_FOUND');
      const { rows } = await q.query(
        sql`SELECT EXISTS (SELECT 1 FROM role_assignments ra
                            WHERE ra.municipality_id = u.municipality_id AND ra.user_id = u.id AND ra.role = 'partner') AS partner,
                   pm.provider_id, p.name AS provider_name
              FROM users u
              LEFT JOIN provider_members pm ON pm.municipality_id = u.municipality_id AND pm.user_id = u.id
              LEFT JOIN offer_providers p ON p.municipality_id = pm.municipality_id AND p.id = pm.provider_id
             WHERE u.municipality_id = ${m} AND u.id = ${userId}`,
      );
      const user = rows[0];
      if (!user) throw fieldError('userId', 'field.unknownUser');
      if (!user.partner) throw fieldError('userId', 'field.notPartner');
      if (user.provider_id && user.provider_id !== providerId)
        throw fieldError('userId', 'field.memberOfOther', { provider: user.provider_name });
      if (!user.provider_id) {
        await q.query(
          sql`INSERT INTO provider_members (municipality_id, user_id, provider_id, added_by)
              VALUES (${m}, ${userId}, ${providerId}, ${ctx.user.userId})`,
        );
        await ctx.audit.inTransaction(
          q,
          auditEvent(ctx, {
            purpose: 'administration',
            action: 'create',
            entity: 'providerMember',
            entityId: userId,
            detail: { providerId },
          }),
        );
      }
      return { ...provider, members: await selectMembers(q, m, providerId) };
    });
  },
);
