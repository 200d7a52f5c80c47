import type { FastifyInstance } from 'fastify';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { getToday } from './get-today.ts';

export function todayRoutes(app: FastifyInstance, deps: TDeps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/today',
    summary:
      'The first page: what needs the signed-in user today (counts and where the work is done), an admin’s setup checklist, an analyst’s key figure',
    tags: ['today'],
    handler: (ctx) => getToday(ctx),
  });
}
