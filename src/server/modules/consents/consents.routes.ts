import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import { ZCreateConsentRequest, ZWithdrawConsentRequest } from '../../../shared/schemas/consents.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { createConsent } from './create-consent.ts';
import { getChildConsents } from './get-child-consents.ts';
import { withdrawConsent } from './withdraw-consent.ts';

export function consentsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['consents'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/consents',
    summary: "A child's written consents with their status, and the custodians who can give one",
    tags,
    permission: getChildConsents.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getChildConsents(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/children/:id/consents',
    summary: 'Record a written consent: givers, kinds of information, recipients, purpose, period',
    tags,
    permission: createConsent.permission,
    params: ZIdParams,
    body: ZCreateConsentRequest,
    status: 201,
    handler: (ctx, { params, body }) => createConsent(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/consents/:id/withdraw',
    summary: 'Withdraw a consent; the access it gave ends and meeting organisers are alerted',
    tags,
    permission: withdrawConsent.permission,
    params: ZIdParams,
    body: ZWithdrawConsentRequest,
    handler: (ctx, { params, body }) => withdrawConsent(ctx, params.id, body),
  });
}
