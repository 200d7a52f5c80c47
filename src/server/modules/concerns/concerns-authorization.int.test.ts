import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TPermission, type TRole } from '../../../shared/permissions.ts';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * Concerns, handleguide, early-warning rules, alerts and coordinators: every endpoint × every role. The
 * roles holding each permission (migration 0007) decide the expected answer: a holder gets the endpoint's
 * success status, anyone else 403; a child without a relation or of another municipality is 404; nobody
 * signed in is 401; a missing CSRF token on a write is 403 and writes nothing.
 */
const HOLDERS: Partial<Record<TPermission, readonly TRole[]>> = {
  'write:concern:unit': ['professional', 'unitLeader'],
  'read:concern:unit': ['professional', 'unitLeader'],
  'read:handleguide:municipality': ['professional', 'unitLeader', 'caseworker', 'caseworkManager', 'admin'],
  'manage:handleguide:municipality': ['admin'],
  'read:warning-rule:municipality': ['unitLeader', 'admin'],
  'manage:warning-rule:municipality': ['admin'],
  'read:alert:own': ROLES,
  'read:child:unit': ['professional', 'unitLeader'],
  'manage:coordinator:unit': ['unitLeader'],
};

let t: TTestApp;
let demoId: string;
let sessions: Record<TRole, TSession>;
let naboProfessional: TSession;
/** A child in the school both the demo professional and the demo unit leader work in. */
let ownChild: string;
/** A Demo child with no current enrolment in any unit of the professional or the leader. */
let otherChild: string;
let naboChild: string;
let schoolId: string;

async function send(
  session: TSession | null,
  method: string,
  url: string,
  payload?: unknown,
  csrf = true,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: method as 'GET',
    url,
    payload: payload as object,
    headers: session
      ? { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}) }
      : {},
  });
}

async function alertFor(userId: string, municipalityId = demoId): Promise<string> {
  const { rows } = await t.db.pool.query(
    `INSERT INTO alerts (municipality_id, user_id, kind, reason) VALUES ($1, $2, 'reminder', '{"code":"test"}') RETURNING id`,
    [municipalityId, userId],
  );
  return rows[0].id;
}

async function coordinatorVersion(childId: string): Promise<number | undefined> {
  const { rows } = await t.db.pool.query('SELECT version FROM child_coordinators WHERE child_id = $1', [
    childId,
  ]);
  return rows[0]?.version;
}

async function ruleVersion(): Promise<number> {
  const { rows } = await t.db.pool.query(
    "SELECT version FROM early_warning_rules WHERE municipality_id = $1 AND code = 'persistentRisk'",
    [demoId],
  );
  return rows[0]?.version ?? 0;
}

interface TEndpoint {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  access: TPermission | TPermission[];
  success: number;
  request: (role: TRole) => Promise<{ url: string; payload?: unknown }> | { url: string; payload?: unknown };
}

const concernBody = (childId: string | null) => ({
  childId,
  signs: ['withdrawn'],
  description: 'Trækker sig fra de andre.',
  level: 1,
  actionCode: 'observeInUnit',
});

const ENDPOINTS: TEndpoint[] = [
  {
    method: 'POST',
    path: '/api/v1/concerns',
    access: 'write:concern:unit',
    success: 201,
    request: () => ({ url: '/api/v1/concerns', payload: concernBody(ownChild) }),
  },
  {
    method: 'GET',
    path: '/api/v1/concerns',
    access: 'read:concern:unit',
    success: 200,
    request: () => ({ url: '/api/v1/concerns?level=3' }),
  },
  {
    method: 'GET',
    path: '/api/v1/children/:id/concerns',
    access: 'read:concern:unit',
    success: 200,
    request: () => ({ url: `/api/v1/children/${ownChild}/concerns` }),
  },
  {
    method: 'GET',
    path: '/api/v1/handleguide',
    access: 'read:handleguide:municipality',
    success: 200,
    request: () => ({ url: '/api/v1/handleguide' }),
  },
  {
    method: 'PUT',
    path: '/api/v1/handleguide/signs/:code',
    access: 'manage:handleguide:municipality',
    success: 200,
    request: () => ({
      url: `/api/v1/handleguide/signs/matrix${randomUUID().slice(0, 8)}`,
      payload: { labelDa: 'Prøve', labelEn: 'Test', acute: false, actions: [] },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/early-warning-rules',
    access: ['read:warning-rule:municipality', 'manage:warning-rule:municipality'],
    success: 200,
    request: () => ({ url: '/api/v1/early-warning-rules' }),
  },
  {
    method: 'PUT',
    path: '/api/v1/early-warning-rules/:code',
    access: 'manage:warning-rule:municipality',
    success: 200,
    request: async () => ({
      url: '/api/v1/early-warning-rules/persistentRisk',
      payload: { enabled: true, params: { consecutive: 2 }, version: await ruleVersion() },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/alerts',
    access: 'read:alert:own',
    success: 200,
    request: () => ({ url: '/api/v1/alerts' }),
  },
  {
    method: 'GET',
    path: '/api/v1/alerts/unread-count',
    access: 'read:alert:own',
    success: 200,
    request: () => ({ url: '/api/v1/alerts/unread-count' }),
  },
  {
    method: 'POST',
    path: '/api/v1/alerts/:id/read',
    access: 'read:alert:own',
    success: 200,
    request: async (role) => ({ url: `/api/v1/alerts/${await alertFor(sessions[role].user.id)}/read` }),
  },
  {
    method: 'GET',
    path: '/api/v1/children/:id/coordinator',
    access: 'read:child:unit',
    success: 200,
    request: () => ({ url: `/api/v1/children/${ownChild}/coordinator` }),
  },
  {
    method: 'PUT',
    path: '/api/v1/children/:id/coordinator',
    access: 'manage:coordinator:unit',
    success: 200,
    request: async () => {
      const version = await coordinatorVersion(ownChild);
      return {
        url: `/api/v1/children/${ownChild}/coordinator`,
        payload: { userId: sessions.professional.user.id, ...(version ? { version } : {}) },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/children/:id/coordinator-candidates',
    access: 'manage:coordinator:unit',
    success: 200,
    request: () => ({ url: `/api/v1/children/${ownChild}/coordinator-candidates` }),
  },
  {
    method: 'GET',
    path: '/api/v1/coordinators/me/children',
    access: 'read:child:unit',
    success: 200,
    request: () => ({ url: '/api/v1/coordinators/me/children' }),
  },
];

function holds(role: TRole, access: TEndpoint['access']): boolean {
  return [access].flat().some((p) => HOLDERS[p]?.includes(role));
}

const MATRIX = ENDPOINTS.flatMap((e) =>
  ROLES.map((role) => {
    const status = holds(role, e.access) ? e.success : 403;
    return [
      `${status < 300 ? 'allows' : 'refuses'} ${role} ${e.method} ${e.path} with ${status}`,
      { e, role, status },
    ] as const;
  }),
);

beforeAll(async () => {
  t = await startTestApp();
  const { rows } = await t.db.pool.query(
    "SELECT id, slug FROM municipalities WHERE slug IN ('demo', 'nabo')",
  );
  demoId = rows.find((r) => r.slug === 'demo').id;
  const entries = await Promise.all(
    ROLES.map(async (role) => [role, await t.login(`${role}@demo.beskyt.test`)] as const),
  );
  sessions = Object.fromEntries(entries) as Record<TRole, TSession>;
  naboProfessional = await t.login('professional@nabo.beskyt.test');
  schoolId = (sessions.unitLeader.user.roles ?? []).find((r) => r.role === 'unitLeader')?.unitId as string;
  const units = (sessions.professional.user.roles ?? []).map((r) => r.unitId);
  const own = await t.db.pool.query(
    `SELECT child_id FROM enrolments WHERE municipality_id = $1 AND unit_id = $2 AND to_date IS NULL
        AND from_date <= current_date ORDER BY child_id LIMIT 1`,
    [demoId, schoolId],
  );
  ownChild = own.rows[0].child_id;
  const other = await t.db.pool.query(
    `SELECT c.id FROM children c WHERE c.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM enrolments e
        WHERE e.child_id = c.id AND e.unit_id = ANY($2::uuid[]) AND (e.to_date IS NULL OR e.to_date >= current_date))
      ORDER BY c.id LIMIT 1`,
    [demoId, units],
  );
  otherChild = other.rows[0].id;
  const nabo = await t.db.pool.query(
    "SELECT c.id FROM children c JOIN municipalities m ON m.id = c.municipality_id WHERE m.slug = 'nabo' LIMIT 1",
  );
  naboChild = nabo.rows[0].id;
}, 180_000);

afterAll(() => t.close());

describe('endpoint × role (Demo Kommune)', () => {
  it.each(MATRIX)('%s', async (_name, { e, role, status }) => {
    const req = await e.request(role);
    const res = await send(sessions[role], e.method, req.url, req.payload);
    expect(res.statusCode, res.body).toBe(status);
    if (status === 403) expect(res.json().error.code).toBe('FORBIDDEN');
  });
});

describe('without a session', () => {
  it.each(ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))(
    'refuses %s with 401',
    async (_n, e) => {
      const req = await e.request('admin');
      const res = await send(null, e.method, req.url, req.payload);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    },
  );
});

describe('CSRF', () => {
  it.each(ENDPOINTS.filter((e) => e.method !== 'GET').map((e) => [`${e.method} ${e.path}`, e] as const))(
    'refuses %s without the x-csrf-token and writes nothing',
    async (_n, e) => {
      const role = ROLES.find((r) => holds(r, e.access)) as TRole;
      const req = await e.request(role);
      await t.audit.drain();
      const count = async () =>
        (
          await t.db.pool.query(
            `SELECT (SELECT count(*) FROM concerns) + (SELECT count(*) FROM concern_signs) + (SELECT sum(version) FROM early_warning_rules)
                  + (SELECT count(*) FROM alerts WHERE read_at IS NOT NULL) + (SELECT coalesce(sum(version), 0) FROM child_coordinators) AS n`,
          )
        ).rows[0].n;
      const before = await count();
      const res = await send(sessions[role], e.method, req.url, req.payload, false);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_FAILED');
      expect(await count()).toBe(before);
    },
  );
});

describe('relations: 404, never confirming existence', () => {
  const childCases = [
    ['POST', '/api/v1/concerns', (id: string) => ({ url: '/api/v1/concerns', payload: concernBody(id) })],
    ['GET', '/api/v1/children/:id/concerns', (id: string) => ({ url: `/api/v1/children/${id}/concerns` })],
    [
      'GET',
      '/api/v1/children/:id/coordinator',
      (id: string) => ({ url: `/api/v1/children/${id}/coordinator` }),
    ],
  ] as const;
  it.each(
    childCases.flatMap(([method, path, build]) =>
      (['professional', 'unitLeader'] as const).flatMap((role) =>
        (['other', 'nabo'] as const).map(
          (which) =>
            [`${role} ${method} ${path} for a ${which} child`, { method, build, role, which }] as const,
        ),
      ),
    ),
  )('answers 404 to %s', async (_n, { method, build, role, which }) => {
    const req = build(which === 'other' ? otherChild : naboChild);
    const res = await send(sessions[role], method, req.url, 'payload' in req ? req.payload : undefined);
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it.each([
    [
      'PUT',
      (id: string) => ({ url: `/api/v1/children/${id}/coordinator`, payload: { userId: randomUUID() } }),
    ],
    ['GET', (id: string) => ({ url: `/api/v1/children/${id}/coordinator-candidates` })],
  ] as const)(
    'a unit leader gets 404 on %s coordinator endpoints for a child outside the units they lead',
    async (method, build) => {
      for (const id of [otherChild, naboChild]) {
        const req = build(id);
        const res = await send(
          sessions.unitLeader,
          method,
          req.url,
          'payload' in req ? req.payload : undefined,
        );
        expect(res.statusCode).toBe(404);
      }
    },
  );

  it('a professional with the child in their unit may not set its coordinator (403), only a leader may', async () => {
    const res = await send(sessions.professional, 'PUT', `/api/v1/children/${ownChild}/coordinator`, {
      userId: sessions.professional.user.id,
    });
    expect(res.statusCode).toBe(403);
  });

  it('another user’s alert, and another municipality’s, is 404 to mark read', async () => {
    const leaders = await alertFor(sessions.unitLeader.user.id);
    expect((await send(sessions.professional, 'POST', `/api/v1/alerts/${leaders}/read`)).statusCode).toBe(
      404,
    );
    const nabo = await alertFor(naboProfessional.user.id, naboProfessional.user.municipality.id);
    expect((await send(sessions.professional, 'POST', `/api/v1/alerts/${nabo}/read`)).statusCode).toBe(404);
    expect((await send(naboProfessional, 'POST', `/api/v1/alerts/${leaders}/read`)).statusCode).toBe(404);
  });

  it('lists no concern from another municipality', async () => {
    const res = await send(naboProfessional, 'GET', '/api/v1/concerns?pageSize=100');
    const { rows } = await t.db.pool.query('SELECT id FROM concerns WHERE municipality_id = $1', [demoId]);
    const demoIds = new Set(rows.map((r) => r.id));
    expect(res.json().items.some((c: { id: string }) => demoIds.has(c.id))).toBe(false);
  });
});
