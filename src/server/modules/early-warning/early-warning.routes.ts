import type { FastifyInstance } from 'fastify';
import { ZRuleCodeParams, ZSaveRuleRequest } from '../../../shared/schemas/concerns.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { findRules } from './find-rules.ts';
import { saveRule } from './save-rule.ts';

export function earlyWarningRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['early-warning'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/early-warning-rules',
    summary: "The municipality's early-warning rules: enabled or not, and their parameters",
    tags,
    permission: findRules.permission,
    handler: (ctx) => findRules(ctx),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/early-warning-rules/:code',
    summary: 'Enable or disable a rule and set its parameters (version 0 for a rule never saved)',
    tags,
    permission: saveRule.permission,
    params: ZRuleCodeParams,
    body: ZSaveRuleRequest,
    handler: (ctx, { params, body }) => saveRule(ctx, params.code, body),
  });
}
