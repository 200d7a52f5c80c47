import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import {
  ZCreateUserRequest,
  ZFindRoleGrantsQuery,
  ZFindUsersQuery,
  ZUpdateUserRequest,
} from '../../../shared/schemas/users.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { createUser } from './create-user.ts';
import { decideRoleGrant } from './decide-role-grant.ts';
import { findRoleGrants } from './find-role-grants.ts';
import { findRoles, findUsers } from './find-users.ts';
import { updateUser } from './update-user.ts';

export function usersRoutes(app: FastifyInstance, deps: TDeps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/roles',
    summary: 'Roles and the permissions each holds',
    tags: ['users'],
    permission: findRoles.permission,
    handler: (ctx) => findRoles(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/users',
    summary: "The municipality's users",
    tags: ['users'],
    permission: findUsers.permission,
    query: ZFindUsersQuery,
    handler: (ctx, { query }) => findUsers(ctx, query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/users',
    summary: 'Create a user with roles',
    tags: ['users'],
    permission: createUser.permission,
    body: ZCreateUserRequest,
    status: 201,
    handler: (ctx, { body }) => createUser(ctx, body),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    summary: 'Change a user: name, language, active, roles (optimistic locking by version)',
    tags: ['users'],
    permission: updateUser.permission,
    params: ZIdParams,
    body: ZUpdateUserRequest,
    handler: (ctx, { params, body }) => updateUser(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/role-grants',
    summary:
      'Role grants that reach children, pending and decided, for review (admins: all; unit leaders: their units)',
    tags: ['users'],
    permission: findRoleGrants.permission,
    query: ZFindRoleGrantsQuery,
    handler: (ctx, { query }) => findRoleGrants(ctx, query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/role-grants/:id/confirm',
    summary:
      'Confirm a pending role grant (a second admin, or a leader of its unit; never the one who asked)',
    tags: ['users'],
    permission: decideRoleGrant.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => decideRoleGrant(ctx, params.id, 'confirmed'),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/role-grants/:id/refuse',
    summary: 'Refuse a pending role grant (who may: as for confirming)',
    tags: ['users'],
    permission: decideRoleGrant.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => decideRoleGrant(ctx, params.id, 'refused'),
  });
}
