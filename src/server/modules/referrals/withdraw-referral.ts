import type { TReferral } from '../../../shared/schemas/referral-views.ts';
import type { TWithdrawReferralRequest } from '../../../shared/schemas/referrals.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { applyStep, refuseStep } from './apply-step.ts';
import { selectReferrals } from './referral-document.ts';
import { staffRelation } from './referrals.access.ts';

/**
 * The municipality's side ends a referral (optimistic locking): withdrawn before it has started, or because the
 * family moved. The provider's access to the child ends with it.
 */
export const withdrawReferral = defineUseCase(
  ['write:referral:unit', 'write:referral:team'],
  async (ctx, referralId: string, input: TWithdrawReferralRequest): Promise<TReferral> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        sql`SELECT id, child_id, status, started_at, version FROM referrals
             WHERE municipality_id = ${m} AND id = ${referralId} FOR UPDATE`,
      );
      const row = rows[0];
      if (!row) throw new AppError('NOT_FOUND');
      const staff = await staffRelation(q, ctx, row.child_id, 'write');
      if (row.version !== input.version) throw new AppError('STALE_VERSION');
      const day = await currentDate(q);
      const target = { id: row.id, status: row.status, startedAt: row.started_at };
      const step = { status: 'ended', reason: input.reason, note: input.note } as const;
      refuseStep(target, step, 'referrer', day, ctx.locale);
      await applyStep(q, m, target, step, 'referrer', ctx.user.userId);
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          permission: staff.permission,
          relation: staff.relation,
          action: 'update',
          entity: 'referral',
          entityId: referralId,
          childId: row.child_id,
          detail: { status: 'ended', reason: input.reason },
        }),
      );
      return (await selectReferrals(q, m, { id: referralId }, day, ctx.locale))[0] as TReferral;
    });
  },
);
