import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import {
  ZGrantLeisurePassRequest,
  ZLeisurePassSettingsRequest,
  ZUpdateLeisurePassRequest,
} from '../../../shared/schemas/leisure-passes.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { findChildLeisurePasses } from './find-child-leisure-passes.ts';
import { getLeisurePassSettings } from './get-leisure-pass-settings.ts';
import { grantLeisurePass } from './grant-leisure-pass.ts';
import { updateLeisurePass } from './update-leisure-pass.ts';
import { updateLeisurePassSettings } from './update-leisure-pass-settings.ts';

export function leisurePassesRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['leisure-passes'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/leisure-pass-settings',
    summary:
      "The municipality's leisure pass: amount per child per year, who grants it, when a pass is unused",
    tags,
    permission: getLeisurePassSettings.permission,
    handler: (ctx) => getLeisurePassSettings(ctx),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/leisure-pass-settings',
    summary: 'Set the leisure pass (optimistic locking)',
    tags,
    permission: updateLeisurePassSettings.permission,
    body: ZLeisurePassSettingsRequest,
    handler: (ctx, { body }) => updateLeisurePassSettings(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/leisure-passes',
    summary: "A child's leisure passes and the year's budget: amount, used, left",
    tags,
    permission: findChildLeisurePasses.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => findChildLeisurePasses(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/leisure-passes',
    summary: 'Grant a child the leisure pass for an offer it may pay, within what is left of the year',
    tags,
    permission: grantLeisurePass.permission,
    body: ZGrantLeisurePassRequest,
    status: 201,
    handler: (ctx, { body }) => grantLeisurePass(ctx, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/leisure-passes/:id/status',
    summary: 'Mark a granted pass redeemed, or cancel it (its amount returns to the child’s year)',
    tags,
    permission: updateLeisurePass.permission,
    params: ZIdParams,
    body: ZUpdateLeisurePassRequest,
    handler: (ctx, { params, body }) => updateLeisurePass(ctx, params.id, body),
  });
}
