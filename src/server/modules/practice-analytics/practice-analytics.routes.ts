import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PERIOD_KINDS } from '../../../domain/practice/practice-figures.ts';
import { ZIsoDate } from '../../../shared/schemas/common.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { exportPracticeAnalytics } from './export-practice-analytics.ts';
import { getPracticeAnalytics } from './get-practice-analytics.ts';

export const ZPracticeQuery = z.strictObject({
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  groupBy: z.enum(['unit', 'profession']).default('unit'),
  period: z.enum(PERIOD_KINDS).default('quarter'),
});

export function practiceAnalyticsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['practice-analytics'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/practice-analytics',
    summary:
      'Time from first concern to action, meeting and notification; actions on time; follow-ups held; did it help',
    tags,
    permission: getPracticeAnalytics.permission,
    query: ZPracticeQuery,
    handler: (ctx, { query }) => getPracticeAnalytics(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/practice-analytics.xlsx',
    summary: 'The practice figures as an XLSX workbook (small cells empty)',
    tags,
    permission: exportPracticeAnalytics.permission,
    query: ZPracticeQuery,
    handler: async (ctx, { query }, _req, reply) => {
      const file = await exportPracticeAnalytics(ctx, query);
      return reply
        .header('content-disposition', 'attachment; filename="praksis.xlsx"')
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(file);
    },
  });
}
