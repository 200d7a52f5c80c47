import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import { ZSetCoordinatorRequest } from '../../../shared/schemas/concerns.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { findCoordinatorCandidates } from './find-coordinator-candidates.ts';
import { findMyChildren } from './find-my-children.ts';
import { getCoordinator } from './get-coordinator.ts';
import { setCoordinator } from './set-coordinator.ts';

export function coordinatorsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['coordinators'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/coordinator',
    summary: "The child's named coordinator, and whether the user may set it",
    tags,
    permission: getCoordinator.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getCoordinator(ctx, params.id),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/children/:id/coordinator',
    summary: "Name (or replace) the child's coordinator and record when the parents were told",
    tags,
    permission: setCoordinator.permission,
    params: ZIdParams,
    body: ZSetCoordinatorRequest,
    handler: (ctx, { params, body }) => setCoordinator(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/coordinator-candidates',
    summary: "Staff of the child's units who may be named its coordinator",
    tags,
    permission: findCoordinatorCandidates.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => findCoordinatorCandidates(ctx, params.id),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/coordinators/me/children',
    summary: 'The children the signed-in user is named coordinator for, with a short overview each',
    tags,
    permission: findMyChildren.permission,
    handler: (ctx) => findMyChildren(ctx),
  });
}
