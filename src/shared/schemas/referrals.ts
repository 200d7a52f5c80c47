import { z } from 'zod';
import { SHARED_KINDS } from '../../domain/offers/referral-basis.ts';
import { DECLINE_REASONS, REFERRAL_STATUSES } from '../../domain/offers/referral-status.ts';
import { ZId, ZVersion } from './common.ts';

export type { TSharedKind } from '../../domain/offers/referral-basis.ts';
export type { TDeclineReason, TEndReason, TReferralStatus } from '../../domain/offers/referral-status.ts';
export { DECLINE_REASONS, END_REASONS, REFERRAL_STATUSES } from '../../domain/offers/referral-status.ts';
export { SHARED_KINDS };

const ZNote = z.string().trim().max(1000);

/**
 * A referral of a child to an offer: on the custodians' consent naming the offer's provider (`consentId`), or on
 * a § 32 measure in the child's case (`measureId`). What it sends the provider: identity always, the custodians'
 * contact details if chosen and the consent allows. A child outside the offer's ages needs a reason.
 */
export const ZCreateReferralRequest = z
  .strictObject({
    childId: ZId,
    offerId: ZId,
    basis: z.enum(['consent', 'legalBasis']),
    consentId: ZId.optional(),
    measureId: ZId.optional(),
    sharedKinds: z
      .array(z.enum(SHARED_KINDS))
      .max(SHARED_KINDS.length)
      .default(['identity'])
      .refine((k) => k.includes('identity'), { params: { key: 'field.identityRequired' } }),
    ageReason: z.string().trim().min(1).max(500).optional(),
    /** Where the referral is made from, besides the child's profile: a goal of its case plan, or a meeting action. */
    originGoal: z.strictObject({ planId: ZId, position: z.number().int().min(1).max(50) }).optional(),
    originActionId: ZId.optional(),
  })
  .refine((r) => !(r.originGoal && r.originActionId), {
    path: ['originActionId'],
    params: { key: 'field.originOne' },
  })
  .refine((r) => r.basis !== 'consent' || r.consentId, {
    path: ['consentId'],
    params: { key: 'field.required' },
  })
  .refine((r) => r.basis !== 'legalBasis' || r.measureId, {
    path: ['measureId'],
    params: { key: 'field.required' },
  });
export type TCreateReferralRequest = z.infer<typeof ZCreateReferralRequest>;
/** What a client sends: `sharedKinds` may be left out (identity only). */
export type TCreateReferralInput = z.input<typeof ZCreateReferralRequest>;

/** The referrer's side ends a referral: withdrawn (before it starts) or because the family moved. */
export const ZWithdrawReferralRequest = z.strictObject({
  version: ZVersion,
  reason: z.enum(['withdrawn', 'moved']),
  note: ZNote.optional(),
});
export type TWithdrawReferralRequest = z.infer<typeof ZWithdrawReferralRequest>;

/** The provider's answer: a status with what it needs (a position, a reason). */
export const ZAnswerReferralRequest = z.discriminatedUnion('status', [
  z.strictObject({ version: ZVersion, status: z.literal('accepted') }),
  z.strictObject({
    version: ZVersion,
    status: z.literal('waitingList'),
    position: z.number().int().min(1).max(10_000),
  }),
  z.strictObject({
    version: ZVersion,
    status: z.literal('declined'),
    reason: z.enum(DECLINE_REASONS),
    note: ZNote.optional(),
  }),
  z.strictObject({ version: ZVersion, status: z.literal('started') }),
  z.strictObject({
    version: ZVersion,
    status: z.literal('ended'),
    reason: z.enum(['completed', 'droppedOut', 'moved']),
    note: ZNote.optional(),
  }),
]);
export type TAnswerReferralRequest = z.infer<typeof ZAnswerReferralRequest>;

/** A month, YYYY-MM. */
export const ZPeriod = z
  .string()
  .refine((p) => /^\d{4}-(0[1-9]|1[0-2])$/.test(p), { params: { key: 'field.period' } });

/** Attendance confirmed for one month for many referrals at once ("attended this month"). */
export const ZAttendanceRequest = z.strictObject({
  period: ZPeriod,
  referralIds: z.array(ZId).min(1).max(200),
});
export type TAttendanceRequest = z.infer<typeof ZAttendanceRequest>;

export const ZPartnerReferralsQuery = z.strictObject({ status: z.enum(REFERRAL_STATUSES).optional() });
export type TPartnerReferralsQuery = z.infer<typeof ZPartnerReferralsQuery>;

export const ZReferralSettingsRequest = z
  .strictObject({
    version: ZVersion,
    alertWeekdays: z.number().int().min(1).max(30),
    escalateWeekdays: z.number().int().min(2).max(60),
  })
  .refine((s) => s.escalateWeekdays > s.alertWeekdays, {
    path: ['escalateWeekdays'],
    params: { key: 'field.escalateAfterAlert' },
  });
export type TReferralSettingsRequest = z.infer<typeof ZReferralSettingsRequest>;
