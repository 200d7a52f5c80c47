import type { FastifyInstance } from 'fastify';
import { ZSaveSignRequest, ZSignCodeParams } from '../../../shared/schemas/concerns.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { getHandleguide } from './get-handleguide.ts';
import { saveSign } from './save-sign.ts';

export function handleguideRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['handleguide'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/handleguide',
    summary: "The municipality's signs of concern, each with its actions by escalation level 1–4",
    tags,
    permission: getHandleguide.permission,
    handler: (ctx) => getHandleguide(ctx),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/handleguide/signs/:code',
    summary: 'Create a sign (no version) or replace a sign and its actions (with the version read)',
    tags,
    permission: saveSign.permission,
    params: ZSignCodeParams,
    body: ZSaveSignRequest,
    handler: (ctx, { params, body }) => saveSign(ctx, params.code, body),
  });
}
