import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import { ZFindAlertsQuery } from '../../../shared/schemas/concerns.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { countUnreadAlerts } from './count-unread-alerts.ts';
import { findAlerts } from './find-alerts.ts';
import { markAlertRead } from './mark-alert-read.ts';

export function alertsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['alerts'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/alerts',
    summary: "The signed-in user's in-app alerts, unread first, each with its reason",
    tags,
    permission: findAlerts.permission,
    query: ZFindAlertsQuery,
    handler: (ctx, { query }) => findAlerts(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/alerts/unread-count',
    summary: "How many of the signed-in user's alerts are unread",
    tags,
    permission: countUnreadAlerts.permission,
    handler: (ctx) => countUnreadAlerts(ctx),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/alerts/:id/read',
    summary: 'Mark one of your alerts read',
    tags,
    permission: markAlertRead.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => markAlertRead(ctx, params.id),
  });
}
