import type { FastifyInstance } from 'fastify';
import { ZExportAuditEventsQuery, ZFindAuditEventsQuery } from '../../../shared/schemas/audit.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { exportAuditEvents } from './export-audit-events.ts';
import { findAuditEvents } from './find-audit-events.ts';

export function auditRoutes(app: FastifyInstance, deps: TDeps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/audit',
    summary: 'Audit events, filtered by user, child and period',
    tags: ['audit'],
    permission: findAuditEvents.permission,
    query: ZFindAuditEventsQuery,
    handler: (ctx, { query }) => findAuditEvents(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/audit/export',
    summary: 'Audit events as CSV or XLSX',
    tags: ['audit'],
    permission: exportAuditEvents.permission,
    query: ZExportAuditEventsQuery,
    handler: async (ctx, { query }, _req, reply) => {
      const file = await exportAuditEvents(ctx, query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });
}
