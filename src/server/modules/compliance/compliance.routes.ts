import type { FastifyInstance } from 'fastify';
import { ZComplianceQuery } from '../../../shared/schemas/compliance.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { exportCompliance } from './export-compliance.ts';
import { getCompliance } from './get-compliance.ts';

export function complianceRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['compliance'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/compliance',
    summary:
      'Process compliance per team and municipality for a period, beside the change in protective share',
    tags,
    permission: getCompliance.permission,
    query: ZComplianceQuery,
    handler: (ctx, { query }) => getCompliance(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/compliance/export',
    summary: 'The compliance report as XLSX',
    tags,
    permission: exportCompliance.permission,
    query: ZComplianceQuery,
    handler: async (ctx, { query }, _req, reply) => {
      const file = await exportCompliance(ctx, query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });
}
