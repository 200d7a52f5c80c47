import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { TDeps } from './http/context.ts';
import { installErrorHandler, sendError } from './http/error-handler.ts';
import { AppError } from './http/errors.ts';
import { staticHeaders } from './http/security-headers.ts';
import { registerWebApp } from './http/web-app.ts';
import { alertsRoutes } from './modules/alerts/alerts.routes.ts';
import { assessmentsRoutes } from './modules/assessments/assessments.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { caseworkerChangeRoutes } from './modules/caseworker-change/caseworker-change.routes.ts';
import { childrenRoutes } from './modules/children/children.routes.ts';
import { complianceRoutes } from './modules/compliance/compliance.routes.ts';
import { concernsRoutes } from './modules/concerns/concerns.routes.ts';
import { conferencesRoutes } from './modules/conferences/conferences.routes.ts';
import { consentsRoutes } from './modules/consents/consents.routes.ts';
import { coordinatorsRoutes } from './modules/coordinators/coordinators.routes.ts';
import { deadlineSettingsRoutes } from './modules/deadline-settings/deadline-settings.routes.ts';
import { earlyWarningRoutes } from './modules/early-warning/early-warning.routes.ts';
import { factorsRoutes } from './modules/factors/factors.routes.ts';
import { familyRoutes } from './modules/family/family.routes.ts';
import { handleguideRoutes } from './modules/handleguide/handleguide.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { leisurePassesRoutes } from './modules/leisure-passes/leisure-passes.routes.ts';
import { lettersRoutes } from './modules/letters/letters.routes.ts';
import { measurementRoutes } from './modules/measurement/measurement.routes.ts';
import { meetingsRoutes } from './modules/meetings/meetings.routes.ts';
import { myWorkRoutes } from './modules/my-work/my-work.routes.ts';
import { networkRoutes } from './modules/network/network.routes.ts';
import { noticesRoutes } from './modules/notices/notices.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { offersRoutes } from './modules/offers/offers.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { practiceAnalyticsRoutes } from './modules/practice-analytics/practice-analytics.routes.ts';
import { publicFormRoutes } from './modules/public-form/public-form.routes.ts';
import { referralsRoutes } from './modules/referrals/referrals.routes.ts';
import { todayRoutes } from './modules/today/today.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';

export interface TAppOptions {
  secureCookies?: boolean;
  trustProxy?: boolean;
  logLevel?: string;
  /** Demo accounts cannot log in (production). */
  refuseDemoUsers?: boolean;
  /** Login attempts per IP and minute. */
  loginRateLimit?: number;
  /** Built SPA to serve; skipped when missing (API-only tests). */
  webRoot?: string;
  /** Citizen notifications per IP in ten minutes on the public form. */
  publicFormRateLimit?: number;
  /** Queues an assessment import for the job worker; without it, imports run in this process. */
  enqueueImport?: (importId: string) => Promise<void>;
  /** Queues a confirmed caseworker change for the job worker; without it, the change runs in this process. */
  enqueueCaseworkerChange?: (municipalityId: string, changeId: string) => Promise<void>;
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Mantine writes its theme variables into a style element and style attributes; scripts stay strict.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export async function buildApp(deps: TDeps, options: TAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'warn' },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 256 * 1024,
  });
  // zod validates in the route wrapper (translated, field-named messages); JSON schemas are for the docs only.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  installErrorHandler(app);

  await app.register(cookie);
  // Security headers on every answer, worked out once from helmet: @fastify/helmet rebuilt its middleware
  // (and re-parsed the CSP) on every request, and even a prebuilt one runs a dozen nested calls per request.
  const securityHeaders = staticHeaders(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CSP },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: options.secureCookies ? undefined : false,
    }),
  );
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of securityHeaders) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Beskyt API', version: '1.0.0', description: 'See docs/api.md for conventions.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'beskyt_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.db.pool.query('SELECT 1');
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  authRoutes(app, deps, {
    secureCookies: options.secureCookies ?? false,
    loginRateLimit: options.loginRateLimit ?? 30,
    refuseDemoUsers: options.refuseDemoUsers ?? false,
  });
  orgRoutes(app, deps);
  usersRoutes(app, deps);
  childrenRoutes(app, deps);
  auditRoutes(app, deps);
  factorsRoutes(app, deps);
  assessmentsRoutes(app, deps);
  concernsRoutes(app, deps);
  handleguideRoutes(app, deps);
  earlyWarningRoutes(app, deps);
  alertsRoutes(app, deps);
  coordinatorsRoutes(app, deps);
  consentsRoutes(app, deps);
  meetingsRoutes(app, deps);
  myWorkRoutes(app, deps);
  todayRoutes(app, deps);
  practiceAnalyticsRoutes(app, deps);
  measurementRoutes(app, deps);
  importsRoutes(app, deps, { enqueue: options.enqueueImport });
  lettersRoutes(app, deps);
  notificationsRoutes(app, deps);
  deadlineSettingsRoutes(app, deps);
  await publicFormRoutes(app, deps, { rateLimit: options.publicFormRateLimit });
  casesRoutes(app, deps);
  caseworkerChangeRoutes(app, deps, { enqueue: options.enqueueCaseworkerChange });
  complianceRoutes(app, deps);
  offersRoutes(app, deps);
  referralsRoutes(app, deps);
  leisurePassesRoutes(app, deps);
  noticesRoutes(app, deps);
  networkRoutes(app, deps);
  conferencesRoutes(app, deps);
  familyRoutes(app, deps);

  const spa = options.webRoot && existsSync(path.join(options.webRoot, 'index.html'));
  if (spa) await registerWebApp(app, options.webRoot ?? '');
  // Unknown API paths answer the JSON error; every other GET is a route of the single-page app.
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api') || req.url === '/healthz';
    if (spa && req.method === 'GET' && !isApi) return reply.type('text/html').sendFile('index.html');
    return sendError(req, reply, new AppError('NOT_FOUND'));
  });
  return app;
}
