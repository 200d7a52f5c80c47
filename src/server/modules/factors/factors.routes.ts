import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import {
  ZCatalogueFactorParams,
  ZCreateFactorRequest,
  ZUpdateFactorRequest,
} from '../../../shared/schemas/factors.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { createDraft } from './create-draft.ts';
import { findCatalogue, findCatalogueVersions, findPolicyThemes } from './find-catalogue.ts';
import { publishCatalogue } from './publish-catalogue.ts';
import { addFactor, removeFactor, updateFactor } from './save-factor.ts';

export function factorsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['factors'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/policy-themes',
    summary: "The municipality's policy themes",
    tags,
    permission: findPolicyThemes.permission,
    handler: (ctx) => findPolicyThemes(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/factor-catalogues',
    summary: 'Factor catalogue versions',
    tags,
    permission: findCatalogueVersions.permission,
    handler: (ctx) => findCatalogueVersions(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/factor-catalogues/current',
    summary: 'The latest published factor catalogue',
    tags,
    permission: findCatalogue.permission,
    handler: (ctx) => findCatalogue(ctx, 'current'),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/factor-catalogues/:id',
    summary: 'One factor catalogue version with its factors',
    tags,
    permission: findCatalogue.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => findCatalogue(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/factor-catalogues/draft',
    summary: 'Start a draft version as a copy of the latest published one',
    tags,
    permission: createDraft.permission,
    status: 201,
    handler: (ctx) => createDraft(ctx),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/factor-catalogues/:id/factors',
    summary: 'Add a factor to a draft',
    tags,
    permission: addFactor.permission,
    params: ZIdParams,
    body: ZCreateFactorRequest,
    status: 201,
    handler: (ctx, { params, body }) => addFactor(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/factor-catalogues/:id/factors/:factorId',
    summary: 'Change a factor in a draft',
    tags,
    permission: updateFactor.permission,
    params: ZCatalogueFactorParams,
    body: ZUpdateFactorRequest,
    handler: (ctx, { params, body }) => updateFactor(ctx, params.id, params.factorId, body),
  });
  route(app, deps, {
    method: 'DELETE',
    url: '/api/v1/factor-catalogues/:id/factors/:factorId',
    summary: 'Remove a factor from a draft',
    tags,
    permission: removeFactor.permission,
    params: ZCatalogueFactorParams,
    handler: (ctx, { params }) => removeFactor(ctx, params.id, params.factorId),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/factor-catalogues/:id/publish',
    summary: 'Publish a draft; it never changes again',
    tags,
    permission: publishCatalogue.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => publishCatalogue(ctx, params.id),
  });
}
