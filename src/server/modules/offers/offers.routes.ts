import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import { ZCapacityOverviewQuery } from '../../../shared/schemas/offer-capacity.ts';
import { ZLearningSettingsRequest, ZOfferDecisionRequest } from '../../../shared/schemas/offer-learning.ts';
import {
  ZCreateOfferKindRequest,
  ZCreateOfferRequest,
  ZCreateProviderRequest,
  ZFindOffersQuery,
  ZHsdsQuery,
  ZOfferKindParams,
  ZProviderMemberParams,
  ZProviderMemberRequest,
  ZUpdateOfferKindRequest,
  ZUpdateOfferRequest,
  ZUpdateProviderRequest,
} from '../../../shared/schemas/offers.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { addProviderMember } from './add-provider-member.ts';
import { createOffer } from './create-offer.ts';
import { createOfferKind } from './create-offer-kind.ts';
import { createProvider } from './create-provider.ts';
import { exportHsds } from './export-hsds.ts';
import { findOfferKinds } from './find-offer-kinds.ts';
import { findOffers } from './find-offers.ts';
import { findProviders } from './find-providers.ts';
import { getCapacityOverview } from './get-capacity-overview.ts';
import { getLearningSettings } from './get-learning-settings.ts';
import { getOffer } from './get-offer.ts';
import { getOfferLearning } from './get-offer-learning.ts';
import { getOfferWaitingTimes } from './get-offer-waiting-times.ts';
import { getProvider } from './get-provider.ts';
import { recordOfferDecision } from './record-offer-decision.ts';
import { removeProviderMember } from './remove-provider-member.ts';
import { suggestOffersForChild } from './suggest-offers-for-child.ts';
import { updateLearningSettings } from './update-learning-settings.ts';
import { updateOffer } from './update-offer.ts';
import { updateOfferKind } from './update-offer-kind.ts';
import { updateProvider } from './update-provider.ts';

export function offersRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['offers'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/offers',
    summary: "The municipality's offers: filter by kind, status, provider, district, age, factor or text",
    tags,
    permission: findOffers.permission,
    query: ZFindOffersQuery,
    handler: (ctx, { query }) => findOffers(ctx, query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/offers',
    summary: 'Add an offer (admin for any provider, a partner user for their own)',
    tags,
    permission: createOffer.permission,
    body: ZCreateOfferRequest,
    status: 201,
    handler: (ctx, { body }) => createOffer(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/offers/hsds',
    summary:
      'The published offers as Open Referral HSDS 3.0 JSON (organization, service, location, service_at_location)',
    tags,
    permission: exportHsds.permission,
    query: ZHsdsQuery,
    handler: async (ctx, { query }, _req, reply) => {
      const doc = await exportHsds(ctx);
      if (query.download === 'true')
        reply.header('content-disposition', 'attachment; filename="tilbud-hsds-3.0.json"');
      return doc;
    },
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/offers/capacity-overview',
    summary:
      'For leaders: offers full, offers with long waits, referrals declined for lack of capacity per kind and district',
    tags,
    permission: getCapacityOverview.permission,
    query: ZCapacityOverviewQuery,
    handler: (ctx, { query }) => getCapacityOverview(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/offers/learning',
    summary:
      'Intervention learning: per offer and kind, the change in protective share after starting, against comparable children',
    tags,
    permission: getOfferLearning.permission,
    handler: (ctx) => getOfferLearning(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/offers/learning-settings',
    summary: 'How many months after the start the follow-up joint assessment may come at the earliest',
    tags,
    permission: getLearningSettings.permission,
    handler: (ctx) => getLearningSettings(ctx),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/offers/learning-settings',
    summary: 'Set how many months after the start the follow-up joint assessment may come at the earliest',
    tags,
    permission: updateLearningSettings.permission,
    body: ZLearningSettingsRequest,
    handler: (ctx, { body }) => updateLearningSettings(ctx, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/offers/:id/decisions',
    summary:
      "A leader's decision on an offer — continue, adjust or close — with the reason; closing closes it",
    tags,
    permission: recordOfferDecision.permission,
    params: ZIdParams,
    body: ZOfferDecisionRequest,
    status: 201,
    handler: (ctx, { params, body }) => recordOfferDecision(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/offers/:id/waiting-times',
    summary:
      "An offer's waiting times (median, 90th percentile, last six months), waiting list and free places",
    tags,
    permission: getOfferWaitingTimes.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getOfferWaitingTimes(ctx, params.id),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/offers/:id',
    summary: 'One offer',
    tags,
    permission: getOffer.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getOffer(ctx, params.id),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/offers/:id',
    summary: 'Edit an offer (admin, its owner, or a partner user of its provider): fields, status, capacity',
    tags,
    permission: updateOffer.permission,
    params: ZIdParams,
    body: ZUpdateOfferRequest,
    handler: (ctx, { params, body }) => updateOffer(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/offer-suggestions',
    summary:
      "Offers for the protective factors absent in the child's latest joint assessment, each with why (no score)",
    tags,
    permission: suggestOffersForChild.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => suggestOffersForChild(ctx, params.id),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/offer-kinds',
    summary: "The municipality's list of offer kinds",
    tags,
    permission: findOfferKinds.permission,
    handler: (ctx) => findOfferKinds(ctx),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/offer-kinds',
    summary: 'Add a kind of offer to the list',
    tags,
    permission: createOfferKind.permission,
    body: ZCreateOfferKindRequest,
    status: 201,
    handler: (ctx, { body }) => createOfferKind(ctx, body),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/offer-kinds/:code',
    summary: 'Rename, reorder or retire a kind of offer',
    tags,
    permission: updateOfferKind.permission,
    params: ZOfferKindParams,
    body: ZUpdateOfferKindRequest,
    handler: (ctx, { params, body }) => updateOfferKind(ctx, params.code, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/offer-providers',
    summary: 'The providers of offers',
    tags,
    permission: findProviders.permission,
    handler: (ctx) => findProviders(ctx),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/offer-providers',
    summary: 'Add a provider: a municipal unit, a civil-society organisation, an association or a business',
    tags,
    permission: createProvider.permission,
    body: ZCreateProviderRequest,
    status: 201,
    handler: (ctx, { body }) => createProvider(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/offer-providers/:id',
    summary: 'One provider with its partner users',
    tags,
    permission: getProvider.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getProvider(ctx, params.id),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/offer-providers/:id',
    summary: 'Edit a provider',
    tags,
    permission: updateProvider.permission,
    params: ZIdParams,
    body: ZUpdateProviderRequest,
    handler: (ctx, { params, body }) => updateProvider(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/offer-providers/:id/members',
    summary: 'Make a partner user belong to the provider (one provider per partner user)',
    tags,
    permission: addProviderMember.permission,
    params: ZIdParams,
    body: ZProviderMemberRequest,
    handler: (ctx, { params, body }) => addProviderMember(ctx, params.id, body.userId),
  });
  route(app, deps, {
    method: 'DELETE',
    url: '/api/v1/offer-providers/:id/members/:userId',
    summary: "End a partner user's belonging to the provider; their access to its referrals ends at once",
    tags,
    permission: removeProviderMember.permission,
    params: ZProviderMemberParams,
    handler: (ctx, { params }) => removeProviderMember(ctx, params.id, params.userId),
  });
}
