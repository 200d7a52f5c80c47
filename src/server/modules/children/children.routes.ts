import type { FastifyInstance } from 'fastify';
import {
  ZCreateChildRequest,
  ZFindChildrenQuery,
  ZRevealCprRequest,
} from '../../../shared/schemas/children.ts';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { createChild } from './create-child.ts';
import { findChildren } from './find-children.ts';
import { getChildProfile } from './get-child-profile.ts';
import { revealCpr } from './reveal-cpr.ts';

export function childrenRoutes(app: FastifyInstance, deps: TDeps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children',
    summary: 'Search the children the user may see (name, birth date or CPR)',
    tags: ['children'],
    permission: findChildren.permission,
    query: ZFindChildrenQuery,
    handler: (ctx, { query }) => findChildren(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id',
    summary: "A child's profile: facts, enrolments, guardians, households, family",
    tags: ['children'],
    permission: getChildProfile.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getChildProfile(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/children/:id/cpr-reveal',
    summary: 'Reveal the full CPR number, with a written reason',
    tags: ['children'],
    permission: revealCpr.permission,
    params: ZIdParams,
    body: ZRevealCprRequest,
    handler: (ctx, { params, body }) => revealCpr(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/children',
    summary: 'Register a child and enrol it in one of your units',
    tags: ['children'],
    permission: createChild.permission,
    body: ZCreateChildRequest,
    status: 201,
    handler: async (ctx, { body }) => getChildProfile(ctx, (await createChild(ctx, body)).id),
  });
}
