import type { FastifyInstance } from 'fastify';
import { ZConfirmChangeRequest, ZProposeChangeRequest } from '../../../shared/schemas/caseworker-change.ts';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { confirmCaseworkerChange } from './confirm-caseworker-change.ts';
import { findCaseworkerChanges } from './find-caseworker-changes.ts';
import { getCaseworkerChange } from './get-caseworker-change.ts';
import { proposeCaseworkerChange } from './propose-caseworker-change.ts';
import { runCaseworkerChange } from './run-caseworker-change.ts';

export interface TCaseworkerChangeOptions {
  /** Queues a confirmed change for the job worker; without it, the change runs in this process. */
  enqueue?: (municipalityId: string, changeId: string) => Promise<void>;
}

export function caseworkerChangeRoutes(
  app: FastifyInstance,
  deps: TDeps,
  options: TCaseworkerChangeOptions = {},
): void {
  const tags = ['caseworker-change'];
  const enqueue =
    options.enqueue ??
    (async (municipalityId: string, changeId: string) => {
      await runCaseworkerChange(deps, municipalityId, changeId);
    });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/caseworker-changes',
    summary:
      'Mark a caseworker as leaving: a proposed new caseworker for each open case (same team, lightest load)',
    tags,
    permission: proposeCaseworkerChange.permission,
    body: ZProposeChangeRequest,
    status: 201,
    handler: (ctx, { body }) => proposeCaseworkerChange(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/caseworker-changes',
    summary: 'Caseworker changes, newest first',
    tags,
    permission: findCaseworkerChanges.permission,
    handler: (ctx) => findCaseworkerChanges(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/caseworker-changes/:id',
    summary: 'A caseworker change: its cases, the proposal and the progress',
    tags,
    permission: getCaseworkerChange.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getCaseworkerChange(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/caseworker-changes/:id/confirm',
    summary: 'Confirm the (adjusted) reassignment; the cases move and the families get letters in a job',
    tags,
    permission: confirmCaseworkerChange.permission,
    params: ZIdParams,
    body: ZConfirmChangeRequest,
    status: 202,
    handler: (ctx, { params, body }) => confirmCaseworkerChange(ctx, params.id, body, enqueue),
  });
}
