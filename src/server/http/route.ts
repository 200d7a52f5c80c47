import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TPermission } from '../../shared/permissions.ts';
import { loadSession, SESSION_COOKIE } from '../modules/auth/sessions.ts';
import type { TCtx, TDeps } from './context.ts';
import { AppError } from './errors.ts';
import { resolveLocale } from './locale.ts';
import { requireAnyPermission, requirePermission } from './permissions.ts';
import { RawJson } from './raw-json.ts';
import { parseInput } from './validation.ts';

type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

interface TInput<B, Q, P> {
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
}

interface TBaseSpec<B, Q, P> {
  method: TMethod;
  url: string;
  summary: string;
  tags: string[];
  body?: B;
  query?: Q;
  params?: P;
  /** Status of a successful answer; 200 unless told. */
  status?: number;
  config?: Record<string, unknown>;
  /** Bytes this route accepts in a body, when it needs more than the app's limit (src/server/app.ts). */
  bodyLimit?: number;
}

export interface TSessionRoute<B, Q, P> extends TBaseSpec<B, Q, P> {
  auth?: 'session';
  /**
   * Checked before the input is parsed; use-cases check relations to specific records themselves. A list
   * lets in a user holding any one of them (a unit-scoped permission or its municipality-wide sibling).
   */
  permission?: TPermission | readonly TPermission[];
  handler: (ctx: TCtx, input: TInput<B, Q, P>, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

export interface TPublicRoute<B, Q, P> extends TBaseSpec<B, Q, P> {
  auth: 'public';
  handler: (
    deps: TDeps,
    input: TInput<B, Q, P>,
    req: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<unknown>;
}

/** One row of the route table: what a later test builds the endpoint × role matrix from. */
export interface TRouteEntry {
  method: TMethod;
  url: string;
  auth: 'session' | 'public';
  /** The permission the route is declared with (any one of a list lets in); none: any signed-in user. */
  permission: TPermission | readonly TPermission[] | null;
}

const ROUTES = new Map<string, TRouteEntry>();

/** Every route registered so far (by any app built in this process), keyed once per method and url. */
export function routeTable(): TRouteEntry[] {
  return [...ROUTES.values()];
}

const UNSAFE = new Set<TMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

function docSchema(s: unknown): unknown {
  return s instanceof z.ZodType
    ? z.toJSONSchema(s, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' })
    : undefined;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function authenticate(deps: TDeps, req: FastifyRequest, method: TMethod): Promise<TCtx> {
  const token = req.cookies[SESSION_COOKIE];
  const user = token ? await loadSession(deps.db, token) : null;
  if (!user) throw new AppError('UNAUTHENTICATED');
  req.locale = resolveLocale(req, user.locale);
  if (UNSAFE.has(method) && !sameToken(req.headers['x-csrf-token'] as string | undefined, user.csrfToken)) {
    throw new AppError('CSRF_FAILED');
  }
  return { ...deps, user, ip: req.ip, locale: req.locale };
}

/** Registers one route: docs from the zod schemas, session and CSRF, permission, parsed input, then the use-case. */
export function route<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(app: FastifyInstance, deps: TDeps, spec: TSessionRoute<B, Q, P> | TPublicRoute<B, Q, P>): void {
  ROUTES.set(`${spec.method} ${spec.url}`, {
    method: spec.method,
    url: spec.url,
    auth: spec.auth ?? 'session',
    permission: spec.auth === 'public' ? null : (spec.permission ?? null),
  });
  app.route({
    method: spec.method,
    url: spec.url,
    config: spec.config,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.body ? { body: docSchema(spec.body) } : {}),
      ...(spec.query ? { querystring: docSchema(spec.query) } : {}),
      ...(spec.params ? { params: docSchema(spec.params) } : {}),
    },
    handler: async (req, reply) => {
      req.locale = resolveLocale(req);
      if (spec.body && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      }
      const parse = (): TInput<B, Q, P> => ({
        params: (spec.params ? parseInput(spec.params, req.params) : undefined) as Infer<P>,
        query: (spec.query ? parseInput(spec.query, req.query) : undefined) as Infer<Q>,
        body: (spec.body ? parseInput(spec.body, req.body) : undefined) as Infer<B>,
      });
      reply.header('cache-control', 'no-store');
      let result: unknown;
      if (spec.auth === 'public') {
        result = await spec.handler(deps, parse(), req, reply);
      } else {
        const ctx = await authenticate(deps, req, spec.method);
        if (typeof spec.permission === 'string') requirePermission(ctx, spec.permission);
        else if (spec.permission) requireAnyPermission(ctx, spec.permission);
        result = await spec.handler(ctx, parse(), req, reply);
      }
      if (reply.sent) return reply;
      if (result === undefined) return reply.status(204).send();
      if (result instanceof RawJson) {
        return reply
          .status(spec.status ?? 200)
          .type('application/json; charset=utf-8')
          .send(result.text);
      }
      return reply.status(spec.status ?? 200).send(result);
    },
  });
}
