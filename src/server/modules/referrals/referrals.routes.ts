import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import {
  ZAnswerReferralRequest,
  ZAttendanceRequest,
  ZCreateReferralRequest,
  ZPartnerReferralsQuery,
  ZReferralSettingsRequest,
  ZWithdrawReferralRequest,
} from '../../../shared/schemas/referrals.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { answerReferral } from './answer-referral.ts';
import { confirmAttendance } from './confirm-attendance.ts';
import { createReferral } from './create-referral.ts';
import { findChildParticipation } from './find-child-participation.ts';
import { findChildReferrals } from './find-child-referrals.ts';
import { findPartnerReferrals } from './find-partner-referrals.ts';
import { getReferralSettings } from './get-referral-settings.ts';
import { updateReferralSettings } from './update-referral-settings.ts';
import { withdrawReferral } from './withdraw-referral.ts';

export function referralsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['referrals'];
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/referrals',
    summary: "Refer a child to an offer, on the custodians' consent naming the provider or a § 32 decision",
    tags,
    permission: createReferral.permission,
    body: ZCreateReferralRequest,
    status: 201,
    handler: (ctx, { body }) => createReferral(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/referrals',
    summary: "A child's referrals with status, basis and history",
    tags,
    permission: findChildReferrals.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => findChildReferrals(ctx, params.id),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/participation',
    summary:
      'Attendance confirmed lately in organised leisure or a leisure job, per protective factor the offer strengthens',
    tags,
    permission: findChildParticipation.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => findChildParticipation(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/referrals/:id/withdraw',
    summary: "End a referral from the municipality's side: withdrawn before it starts, or the family moved",
    tags,
    permission: withdrawReferral.permission,
    params: ZIdParams,
    body: ZWithdrawReferralRequest,
    handler: (ctx, { params, body }) => withdrawReferral(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/partner/referrals',
    summary: "Referrals to your provider's offers, with only what the consent lets through",
    tags,
    permission: findPartnerReferrals.permission,
    query: ZPartnerReferralsQuery,
    handler: (ctx, { query }) => findPartnerReferrals(ctx, query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/partner/referrals/:id/answer',
    summary: 'Answer a referral: accept, waiting list, decline, start or end',
    tags,
    permission: answerReferral.permission,
    params: ZIdParams,
    body: ZAnswerReferralRequest,
    handler: (ctx, { params, body }) => answerReferral(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/partner/referrals/attendance',
    summary: 'Confirm attendance for a month for many referrals at once',
    tags,
    permission: confirmAttendance.permission,
    body: ZAttendanceRequest,
    handler: (ctx, { body }) => confirmAttendance(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/referral-settings',
    summary: 'Weekdays a provider has to answer a referral before the referrer, then the leader, is alerted',
    tags,
    permission: getReferralSettings.permission,
    handler: (ctx) => getReferralSettings(ctx),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/referral-settings',
    summary: 'Set the answer deadlines for referrals (optimistic locking)',
    tags,
    permission: updateReferralSettings.permission,
    body: ZReferralSettingsRequest,
    handler: (ctx, { body }) => updateReferralSettings(ctx, body),
  });
}
