import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { findFamily } from './find-family.ts';

/** One view of the family (issue 16, item 5; decision 030). */
export function familyRoutes(app: FastifyInstance, deps: TDeps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/family',
    summary: "A child's family as the reader may see it: each sibling through the reader's own relation",
    tags: ['family'],
    permission: findFamily.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => findFamily(ctx, params.id),
  });
}
