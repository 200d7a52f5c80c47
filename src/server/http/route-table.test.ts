import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { TDeps } from './context.ts';
import { route, routeTable } from './route.ts';
import { defineUseCase } from './use-case.ts';

describe('the route table', () => {
  it('holds every route with the permission its use-case states, once per method and url', () => {
    const app = Fastify();
    const deps = {} as TDeps;
    const readThing = defineUseCase('read:case:team', async () => ({ ok: true }));
    for (let i = 0; i < 2; i++) {
      // Two apps built in one process (as the tests do) must not list a route twice.
      const a = i === 0 ? app : Fastify();
      route(a, deps, {
        method: 'GET',
        url: '/api/v1/test-things/:id',
        summary: 'a thing',
        tags: ['test'],
        permission: readThing.permission,
        handler: (ctx) => readThing(ctx),
      });
      route(a, deps, {
        method: 'POST',
        url: '/api/v1/test-things/public',
        summary: 'open to all',
        tags: ['test'],
        auth: 'public',
        handler: async () => undefined,
      });
    }
    const rows = routeTable().filter((r) => r.url.startsWith('/api/v1/test-things'));
    expect(rows).toEqual([
      { method: 'GET', url: '/api/v1/test-things/:id', auth: 'session', permission: 'read:case:team' },
      { method: 'POST', url: '/api/v1/test-things/public', auth: 'public', permission: null },
    ]);
  });
});
