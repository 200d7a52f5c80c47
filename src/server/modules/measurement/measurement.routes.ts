import type { FastifyInstance } from 'fastify';
import { ZMeasurementExportQuery, ZMeasurementQuery } from '../../../shared/schemas/measurement.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { exportMeasurement } from './export-measurement.ts';
import { findMeasurementJson } from './find-measurement.ts';
import { MEASUREMENT_READ } from './measurement.access.ts';

export function measurementRoutes(app: FastifyInstance, deps: TDeps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/measurement',
    summary: 'The measurement parameter rolled up by the chosen dimensions, small cells hidden',
    tags: ['measurement'],
    permission: MEASUREMENT_READ,
    query: ZMeasurementQuery,
    handler: (ctx, { query }) => findMeasurementJson(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/measurement/export',
    summary: 'The same figures as CSV or XLSX, with the same suppression',
    tags: ['measurement'],
    permission: MEASUREMENT_READ,
    query: ZMeasurementExportQuery,
    handler: async (ctx, { query }, _req, reply) => {
      const file = await exportMeasurement(ctx, query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });
}
