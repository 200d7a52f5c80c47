import type { TProviderDetail } from '../../../shared/schemas/offer-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectMembers, selectProviders } from './provider-document.ts';

/** Ends a partner user's belonging to a provider (admin): their access to its referrals ends at once; audited. */
export const removeProviderMember = defineUseCase(
  'manage:offer:municipality',
  async (ctx, providerId: string, userId: string): Promise<TProviderDetail> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const [provider] = await selectProviders(q, m, providerId);
      if (!provider) throw new AppError('NOT_FOUND');
      const { rowCount } = await q.query(
        sql`DELETE FROM provider_members
             WHERE municipality_id = ${m} AND provider_id = ${providerId} AND user_id = ${userId}`,
      );
      if (!rowCount) throw new AppError('NOT_FOUND');
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          purpose: 'administration',
          action: 'delete',
          entity: 'providerMember',
          entityId: userId,
          detail: { providerId },
        }),
      );
      return { ...provider, members: await selectMembers(q, m, providerId) };
    });
  },
);
