import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import {
  ZCreateNetworkPersonRequest,
  ZNetworkSettingsRequest,
  ZUpdateNetworkPersonRequest,
} from '../../../shared/schemas/network.ts';
import { ZNetworkConsiderationRequest } from '../../../shared/schemas/network-considerations.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { createNetworkPerson } from './create-network-person.ts';
import { findChildNetwork } from './find-child-network.ts';
import { findNetworkConsiderations } from './find-network-considerations.ts';
import { getNetworkSettings } from './get-network-settings.ts';
import { recordNetworkConsideration } from './record-network-consideration.ts';
import { updateNetworkPerson } from './update-network-person.ts';
import { updateNetworkSettings } from './update-network-settings.ts';

/** The child's network (issue 16, item 1; decision 027). */
export function networkRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['network'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/network',
    summary: "A child's network persons, shared with the siblings the reader reaches",
    tags,
    permission: findChildNetwork.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => findChildNetwork(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/network-persons',
    summary:
      'Record a network person for a child (and siblings of its family), with the agreements to involve them',
    tags,
    permission: createNetworkPerson.permission,
    body: ZCreateNetworkPersonRequest,
    status: 201,
    handler: (ctx, { body }) => createNetworkPerson(ctx, body),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/network-persons/:id',
    summary: 'Change a network person and its links to the children you reach (optimistic locking)',
    tags,
    permission: updateNetworkPerson.permission,
    params: ZIdParams,
    body: ZUpdateNetworkPersonRequest,
    handler: (ctx, { params, body }) => updateNetworkPerson(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/network-considerations',
    summary: "Whether involving the child's network was considered, and what was decided",
    tags,
    permission: findNetworkConsiderations.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => findNetworkConsiderations(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/children/:id/network-considerations',
    summary:
      'Record that network involvement was considered: a conference, a network meeting, or not now and why',
    tags,
    permission: recordNetworkConsideration.permission,
    params: ZIdParams,
    body: ZNetworkConsiderationRequest,
    status: 201,
    handler: (ctx, { params, body }) => recordNetworkConsideration(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/network-settings',
    summary: "The age from which a child's own agreement to involve a network person is recorded",
    tags,
    permission: getNetworkSettings.permission,
    handler: (ctx) => getNetworkSettings(ctx),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/network-settings',
    summary: "Set the age of the child's own agreement (optimistic locking)",
    tags,
    permission: updateNetworkSettings.permission,
    body: ZNetworkSettingsRequest,
    handler: (ctx, { body }) => updateNetworkSettings(ctx, body),
  });
}
