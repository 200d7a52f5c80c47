import type { FastifyInstance } from 'fastify';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { findMyReferralWork } from './find-my-referral-work.ts';
import { getMyWork } from './get-my-work.ts';

export function myWorkRoutes(app: FastifyInstance, deps: TDeps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/my-work',
    summary:
      "The signed-in user's open and overdue actions and upcoming meetings (alerts: GET /api/v1/alerts)",
    tags: ['my-work'],
    permission: getMyWork.permission,
    handler: (ctx) => getMyWork(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/my-work/referrals',
    summary:
      "The signed-in user's referrals awaiting their action: no answer in time, declined (a new choice), leisure passes unused",
    tags: ['my-work'],
    permission: findMyReferralWork.permission,
    handler: (ctx) => findMyReferralWork(ctx),
  });
}
