import { randomUUID } from 'node:crypto';
import type { TRole } from '../../../src/shared/permissions.ts';
import type { TSession, TTestApp } from '../../fixtures/test-app.ts';

/** The Demo records the matrix asks about, found once before the run (authorization-matrix.test.ts). */
export interface TFixtures {
  demoId: string;
  naboId: string;
  sessions: Record<TRole, TSession>;
  /** Per role: a Demo child the user sees through an enrolment (the professional's for roles without units). */
  ownChild: Record<TRole, string>;
  /** Per role: a Demo child with no current enrolment in any of the user's units. */
  otherChild: Record<TRole, string>;
  leaderUnitId: string;
  /** The units of the demo professional and unit leader: every test round includes them. */
  assessorUnitIds: string[];
  /** A Demo unit the demo unit leader does not lead. */
  otherUnitId: string;
}

export interface TRequest {
  url: string;
  payload?: unknown;
}

/** One row of the matrix: an endpoint (or one variant of it) asked by every role and by nobody signed in. */
export interface TEndpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document names it, `:param` for `{param}`. */
  path: string;
  /** Shown after the path in the test name. */
  label?: string;
  /**
   * Only for a route the route table does not hold (`/healthz`, which the app registers itself): every other
   * row's access is the permission its route is declared with (`routeTable()`, decision 021).
   */
  access?: 'public';
  success: number;
  /**
   * Which record is asked for: 'own' one the user has a relation to, 'other' one outside their relations
   * (a Demo child outside their units, a unit not theirs, a case of another team) — 404 to a role holding
   * the permission, as existence is never confirmed.
   */
  child?: 'own' | 'other';
  /** The request ends the session: use a session of its own. */
  freshSession?: boolean;
  /**
   * Builds the request for `role`. `allowed` tells whether the role is expected to get through: refused
   * roles are answered before any record is looked at, so builders make fresh records only for allowed ones.
   */
  request(role: TRole, f: TFixtures, allowed: boolean): Promise<TRequest> | TRequest;
}

/** The app and fixtures of the running matrix, set in its beforeAll: row builders read them when called. */
export const env = {} as { t: TTestApp; f: TFixtures };

let counter = 0;
export const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)} ${++counter}`;
export const today = () => new Date().toISOString().slice(0, 10);
export const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** A read whose answer depends on the permission alone: GET `path` (plus `query`), 200 to a holder. */
export function read(path: string, query = ''): TEndpoint {
  return { method: 'GET', path, success: 200, request: () => ({ url: `${path}${query}` }) };
}

/** A read about one child, `/api/v1/children/:id<route>`: the role's own child, or its 'other' one (404). */
export function childRead(child: 'own' | 'other', route: string): TEndpoint {
  return {
    method: 'GET',
    path: `/api/v1/children/:id${route}`,
    label: ` (${child} child)`,
    success: 200,
    child,
    request: (role, f) => ({
      url: `/api/v1/children/${child === 'own' ? f.ownChild[role] : f.otherChild[role]}${route}`,
    }),
  };
}

/** A request made to set a row up: it must succeed, else the setup (not the row) is wrong. */
export async function setUp<T = { id: string; version: number }>(
  session: TSession,
  method: string,
  url: string,
  payload?: unknown,
): Promise<T> {
  const res = await env.t.as(session, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`set-up ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
