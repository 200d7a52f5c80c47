import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import {
  IMPORT_BODY_LIMIT,
  ZCreateAssessmentImportQuery,
  ZCreateAssessmentImportRequest,
} from '../../../shared/schemas/imports.ts';
import type { TDeps } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import { createAssessmentImport } from './create-assessment-import.ts';
import { getAssessmentImport, getAssessmentImportState } from './get-assessment-import.ts';
import { reportError } from './import-report.ts';
import { finishFailed, runAssessmentImport } from './run-assessment-import.ts';

export interface TImportsOptions {
  /**
   * Hands an import to the job queue (pg-boss, src/server/jobs/jobs.ts), so any instance may run it.
   * Without a queue — tests and tools that build the app alone — the import runs in this process right
   * after the answer.
   */
  enqueue?: (importId: string) => Promise<void>;
}

export function importsRoutes(app: FastifyInstance, deps: TDeps, options: TImportsOptions = {}): void {
  const tags = ['imports'];
  const enqueue =
    options.enqueue ??
    (async (importId: string) => {
      setImmediate(() => {
        runAssessmentImport(deps, importId).catch((err) =>
          app.log.error({ err }, 'assessment import failed'),
        );
      });
    });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/assessment-imports',
    summary:
      'Import joint assessments from a CSV/XLSX file (base64 in JSON): 202 and a job, or with wait=true 201 when done',
    tags,
    permission: createAssessmentImport.permission,
    // The file travels base64-encoded in the JSON body; every other route keeps the global 256 KB limit.
    bodyLimit: IMPORT_BODY_LIMIT,
    body: ZCreateAssessmentImportRequest,
    query: ZCreateAssessmentImportQuery,
    status: 202,
    handler: async (ctx, { body, query }, _req, reply) => {
      const { id } = await createAssessmentImport(ctx, body);
      if (query.wait) {
        // Inline, for small files and scripts: the answer is the finished import or its error report.
        await runAssessmentImport(deps, id);
        const { view, report } = await getAssessmentImportState(ctx, id);
        if (report) throw reportError(report);
        return reply.status(201).send(view);
      }
      try {
        await enqueue(id);
      } catch {
        await finishFailed(
          deps.db,
          { municipalityId: ctx.user.municipalityId, id },
          { code: 'UNAVAILABLE', rows: [] },
        );
        throw new AppError('UNAVAILABLE');
      }
      return { id };
    },
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/assessment-imports/:id',
    summary: 'Progress of an import and, when it failed, its row-by-row error report',
    tags,
    permission: getAssessmentImport.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getAssessmentImport(ctx, params.id),
  });
}
