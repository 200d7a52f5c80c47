import type { TReferral } from '../../../shared/schemas/referral-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { selectReferrals } from './referral-document.ts';
import { staffRelation } from './referrals.access.ts';

/** A child's referrals with their status and history, for the adults who see the child; the read is audited. */
export const findChildReferrals = defineUseCase(
  ['read:referral:unit', 'read:referral:team'],
  async (ctx, childId: string): Promise<{ items: TReferral[] }> => {
    const m = ctx.user.municipalityId;
    const { staff, items } = await ctx.db.tenantRead(m, async (q) => {
      const staff = await staffRelation(q, ctx, childId, 'read');
      return { staff, items: await selectReferrals(q, m, { childId }, await currentDate(q), ctx.locale) };
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        permission: staff.permission,
        relation: staff.relation,
        action: 'read',
        entity: 'referral',
        childId,
        detail: { referrals: items.length },
      }),
    );
    return { items };
  },
);
