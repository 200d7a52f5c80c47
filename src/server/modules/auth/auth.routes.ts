import type { FastifyInstance, FastifyReply } from 'fastify';
import { ZLoginRequest, ZSetLocaleRequest } from '../../../shared/schemas/auth.ts';
import type { TDeps } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import { login } from './login.ts';
import { describeMe } from './me.ts';
import { ABSOLUTE_TIMEOUT_HOURS, deleteSession, loadSession, SESSION_COOKIE } from './sessions.ts';
import { setLocale } from './set-locale.ts';

export interface TAuthOptions {
  secureCookies: boolean;
  loginRateLimit: number;
  refuseDemoUsers: boolean;
}

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: ABSOLUTE_TIMEOUT_HOURS * 3600,
  });
}

export function authRoutes(app: FastifyInstance, deps: TDeps, options: TAuthOptions): void {
  route(app, deps, {
    auth: 'public',
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Log in with e-mail and password; sets the session cookie',
    tags: ['auth'],
    body: ZLoginRequest,
    config: { rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
    handler: async ({ db }, { body }, req, reply) => {
      const session = await login(db, body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        refuseDemoUsers: options.refuseDemoUsers,
      });
      const token = session.token;
      const user = await loadSession(db, token);
      if (!user) throw new AppError('UNAUTHENTICATED');
      setSessionCookie(reply, token, options.secureCookies);
      return describeMe(user);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'End the session',
    tags: ['auth'],
    handler: async (ctx, _input, _req, reply) => {
      await deleteSession(ctx.db, ctx.user.sessionKey);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/v1/auth/me',
    summary: 'The signed-in user, roles, permissions and CSRF token',
    tags: ['auth'],
    handler: async (ctx) => describeMe(ctx.user),
  });

  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/auth/locale',
    summary: "Save the user's language",
    tags: ['auth'],
    body: ZSetLocaleRequest,
    handler: (ctx, { body }) => setLocale(ctx, body),
  });
}
