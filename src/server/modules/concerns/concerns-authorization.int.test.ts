import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { ROLES, type TRole } from '../../../shared/permissions.ts';

/**
 * Concerns, coordinators and alerts beyond the role matrix (tests/integration/authorization-matrix.test.ts
 * asks every endpoint of every role, signed out and without the CSRF token): a child without a relation or of
 * another municipality is 404, a professional may not name a coordinator, another user's alert is 404, and
 * no concern of another municipality is listed.
 */
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

function send(
  session: TSession,
  method: string,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.as(session, method, url, payload);
}

async function alertFor(userId: string, municipalityId = demoId): Promise<string> {
  const { rows } = await t.db.pool.query(
    `INSERT INTO alerts (municipality_id, user_id, kind, reason) VALUES ($1, $2, 'reminder', '{"code":"test"}') RETURNING id`,
    [municipalityId, userId],
  );
  return rows[0].id;
}

const concernBody = (childId: string | null) => ({
  childId,
  signs: ['withdrawn'],
  description: 'Trækker sig fra de andre.',
  level: 1,
  actionCode: 'observeInUnit',
});

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
