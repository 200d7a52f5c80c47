import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import { ZCreateConcernRequest, ZFindConcernsQuery } from '../../../shared/schemas/concerns.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { createConcern } from './create-concern.ts';
import { findChildConcerns } from './find-child-concerns.ts';
import { findConcerns } from './find-concerns.ts';

export function concernsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['concerns'];
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/concerns',
    summary: 'Record a concern about a child (or anonymously), with the handleguide action chosen',
    tags,
    permission: createConcern.permission,
    body: ZCreateConcernRequest,
    status: 201,
    handler: (ctx, { body }) => createConcern(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/concerns',
    summary: "Concerns recorded from the user's units, newest first (filter by level, anonymous)",
    tags,
    permission: findConcerns.permission,
    query: ZFindConcernsQuery,
    handler: (ctx, { query }) => findConcerns(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/concerns',
    summary: "The concerns about a child, newest first (the profile's timeline)",
    tags,
    permission: findChildConcerns.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => findChildConcerns(ctx, params.id),
  });
}
