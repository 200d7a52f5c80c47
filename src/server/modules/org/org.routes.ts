import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import { ZCreateUnitRequest, ZFindUnitsQuery, ZUpdateUnitRequest } from '../../../shared/schemas/org.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { createUnit } from './create-unit.ts';
import { findDistricts, findUnits } from './find-units.ts';
import { updateUnit } from './update-unit.ts';

export function orgRoutes(app: FastifyInstance, deps: TDeps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/districts',
    summary: "The municipality's districts",
    tags: ['org'],
    permission: findDistricts.permission,
    handler: (ctx) => findDistricts(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/units',
    summary: "The municipality's units",
    tags: ['org'],
    permission: findUnits.permission,
    query: ZFindUnitsQuery,
    handler: (ctx, { query }) => findUnits(ctx, query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/units',
    summary: 'Create a unit',
    tags: ['org'],
    permission: createUnit.permission,
    body: ZCreateUnitRequest,
    status: 201,
    handler: (ctx, { body }) => createUnit(ctx, body),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/units/:id',
    summary: 'Change a unit (optimistic locking by version)',
    tags: ['org'],
    permission: updateUnit.permission,
    params: ZIdParams,
    body: ZUpdateUnitRequest,
    handler: (ctx, { params, body }) => updateUnit(ctx, params.id, body),
  });
}
