import type { TReferralStep } from '../../../domain/offers/referral-status.ts';
import type { TPartnerReferral } from '../../../shared/schemas/referral-views.ts';
import type { TAnswerReferralRequest } from '../../../shared/schemas/referrals.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { applyStep, refuseStep } from './apply-step.ts';
import { partnerViews } from './referral-document.ts';
import { partnerReferral, partnerReferrals } from './referrals.access.ts';

export interface TAnswered {
  id: string;
  status: TReferralStep['status'];
  version: number;
  /** The referral as the partner now sees it; null once declined or ended (their access has ended with it). */
  referral: TPartnerReferral | null;
}

/**
 * The provider answers a referral (optimistic locking): accepted, on the waiting list at a position, declined
 * with a reason, started, or ended with a reason. Only a partner user of the offer's provider, while the referral
 * is live and its basis holds (else 404); a step out of order is refused (409) and nothing is written. Audited
 * under the referral relation.
 */
export const answerReferral = defineUseCase(
  'answer:referral:provider',
  async (ctx, referralId: string, input: TAnswerReferralRequest): Promise<TAnswered> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const day = await currentDate(q);
      const { row, relation } = await partnerReferral(q, ctx, day, referralId, { forUpdate: true });
      if (row.version !== input.version) throw new AppError('STALE_VERSION');
      const { version: _version, ...step } = input;
      const target = { id: row.id, status: row.status, startedAt: row.started_at };
      refuseStep(target, step, 'provider', day, ctx.locale);
      await applyStep(q, m, target, step, 'provider', ctx.user.userId);
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          relation,
          action: 'update',
          entity: 'referral',
          entityId: row.id,
          childId: row.child_id,
          detail: { status: step.status, ...('reason' in step ? { reason: step.reason } : {}) },
        }),
      );
      const [now] = await partnerReferrals(q, ctx, day, { ids: [row.id] });
      return {
        id: row.id,
        status: step.status,
        version: row.version + 1,
        referral: now ? ((await partnerViews(q, m, [now], day))[0] ?? null) : null,
      };
    });
  },
);
