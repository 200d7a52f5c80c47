import { buildApp } from '../../../src/server/app.ts';
import type { TDeps } from '../../../src/server/http/context.ts';
import { routeTable } from '../../../src/server/http/route.ts';
import type { TPermission } from '../../../src/shared/permissions.ts';

/** What a route lets in: anyone, any signed-in user, or a holder of (any one of) its permission(s). */
export type TAccess = 'public' | 'session' | { anyOf: readonly TPermission[] };

/** `METHOD /path/:param`, as the route table and the matrix rows name a route. */
export const routeKey = (r: { method: string; url: string } | { method: string; path: string }) =>
  `${r.method} ${'url' in r ? r.url : r.path}`;

/**
 * The app's route table (decision 021): every route with the permission it is declared with. The routes are
 * registered by building the app once without a database (no handler runs), before the matrix's cases are
 * named, since each case's name tells the status it expects.
 */
export async function appRoutes(): Promise<Map<string, TAccess>> {
  const app = await buildApp({} as TDeps);
  await app.close();
  return new Map(
    routeTable().map((r) => [
      routeKey(r),
      r.auth === 'public'
        ? 'public'
        : r.permission === null
          ? 'session'
          : { anyOf: typeof r.permission === 'string' ? [r.permission] : r.permission },
    ]),
  );
}
