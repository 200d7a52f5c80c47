import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import { ZFindLettersQuery } from '../../../shared/schemas/letters.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { findLetters } from './find-letters.ts';
import { getLetterPdf } from './get-letter-pdf.ts';
import { retryLetter } from './retry-letter.ts';

export function lettersRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['letters'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/letters',
    summary: "The municipality's letters outbox with status (queued, sent, failed) and counts",
    tags,
    permission: findLetters.permission,
    query: ZFindLettersQuery,
    handler: (ctx, { query }) => findLetters(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/letters/:id/pdf',
    summary: 'A letter as the PDF the citizen receives',
    tags,
    permission: getLetterPdf.permission,
    params: ZIdParams,
    handler: async (ctx, { params }, _req, reply) => {
      const file = await getLetterPdf(ctx, params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${file.filename}"`)
        .send(file.body);
    },
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/letters/:id/retry',
    summary: 'Queue a failed letter again',
    tags,
    permission: retryLetter.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => retryLetter(ctx, params.id),
  });
}
