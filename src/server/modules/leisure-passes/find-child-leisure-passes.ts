import type { TChildLeisurePasses } from '../../../shared/schemas/leisure-passes.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { staffRelation } from '../referrals/referrals.access.ts';
import { mayGrant } from './leisure-pass-access.ts';
import { childBudget, selectLeisurePasses } from './leisure-pass-document.ts';
import { loadLeisurePassSettings } from './leisure-pass-settings.ts';

/**
 * A child's leisure passes with the year's budget (the amount, used, left), for the adults who follow its
 * referrals; whether the reader may grant one. The read is audited under their relation to the child.
 */
export const findChildLeisurePasses = defineUseCase(
  ['read:referral:unit', 'read:referral:team'],
  async (ctx, childId: string): Promise<TChildLeisurePasses> => {
    const m = ctx.user.municipalityId;
    const { staff, answer } = await ctx.db.tenantRead(m, async (q) => {
      const staff = await staffRelation(q, ctx, childId, 'read');
      const settings = await loadLeisurePassSettings(q, m);
      const day = await currentDate(q);
      const budget = await childBudget(q, m, childId, day, settings);
      const write = staff.permission === 'read:referral:unit' ? 'write:referral:unit' : 'write:referral:team';
      const answer: TChildLeisurePasses = {
        enabled: settings.enabled,
        year: budget.year,
        amountPerYearDkk: settings.amountPerYearDkk,
        usedDkk: budget.used,
        leftDkk: budget.left,
        unusedWeeks: settings.unusedWeeks,
        canGrant: mayGrant(ctx, settings, write, staff.unitId),
        items: await selectLeisurePasses(q, m, { childId }, day, settings.unusedWeeks),
      };
      return { staff, answer };
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        permission: staff.permission,
        relation: staff.relation,
        action: 'read',
        entity: 'leisurePass',
        childId,
        detail: { passes: answer.items.length },
      }),
    );
    return answer;
  },
);
