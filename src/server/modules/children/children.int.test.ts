import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { ZChildProfile } from '../../../shared/schemas/children-views.ts';

let t: TTestApp;
let professional: TSession;
let naboProfessional: TSession;

beforeAll(async () => {
  t = await startTestApp();
  professional = await t.login('professional@demo.beskyt.test');
  naboProfessional = await t.login('professional@nabo.beskyt.test');
});
afterAll(() => t.close());

async function someChildOf(session: TSession) {
  const res = await t.as(session, 'GET', '/api/v1/children?pageSize=5');
  expect(res.statusCode).toBe(200);
  const child = res.json().items[0];
  expect(child).toBeDefined();
  return child;
}

describe('children register', () => {
  it('lists only children enrolled in the professional’s own units, with masked CPR', async () => {
    const res = await t.as(professional, 'GET', '/api/v1/children?pageSize=100');
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    const ownUnits = new Set(
      (await t.as(professional, 'GET', '/api/v1/auth/me'))
        .json()
        .user.roles.map((r: { unitId: string }) => r.unitId),
    );
    for (const child of body.items) {
      expect(child.cprMasked).toMatch(/^\d{6}-xxxx$/);
      expect(child.units.some((u: { id: string }) => ownUnits.has(u.id))).toBe(true);
    }
  });

  it('opens a profile with enrolments, guardians and family, and audits the read', async () => {
    const child = await someChildOf(professional);
    const res = await t.as(professional, 'GET', `/api/v1/children/${child.id}`);
    expect(res.statusCode).toBe(200);
    const profile = ZChildProfile.parse(res.json());
    expect(profile.relation.kind).toBe('enrolment');
    expect(profile.enrolments.length).toBeGreaterThan(0);
    expect(profile.guardians.length).toBeGreaterThan(0);
    const { rows } = await t.db.pool.query(
      "SELECT user_id, action, purpose FROM audit_events WHERE child_id = $1 AND action = 'read'",
      [child.id],
    );
    expect(rows).toContainEqual({
      user_id: professional.user.id,
      action: 'read',
      purpose: `enrolment:${profile.relation.unitId}`,
    });
  });

  it('finds a child by CPR and by birth date', async () => {
    const child = await someChildOf(professional);
    const reveal = await t.as(professional, 'POST', `/api/v1/children/${child.id}/cpr-reveal`, {
      reason: 'Kontakt til sundhedsplejen',
    });
    expect(reveal.statusCode).toBe(200);
    const cpr = reveal.json().cpr as string;
    expect(cpr.slice(0, 6)).toBe(child.cprMasked.slice(0, 6));
    const byCpr = await t.as(professional, 'GET', `/api/v1/children?q=${cpr}`);
    expect(byCpr.json().items.map((c: { id: string }) => c.id)).toEqual([child.id]);
    const [y, m, d] = child.birthDate.split('-');
    const byDate = await t.as(professional, 'GET', `/api/v1/children?q=${d}-${m}-${y}&pageSize=100`);
    expect(byDate.json().items.map((c: { id: string }) => c.id)).toContain(child.id);
  });

  it('keeps the reason for a CPR reveal in the audit log and refuses a reveal without one', async () => {
    const child = await someChildOf(professional);
    const refused = await t.as(professional, 'POST', `/api/v1/children/${child.id}/cpr-reveal`, {
      reason: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.reason).toBeTruthy();
    await t.as(professional, 'POST', `/api/v1/children/${child.id}/cpr-reveal`, {
      reason: 'Underretning skal skrives',
    });
    const { rows } = await t.db.pool.query(
      "SELECT detail FROM audit_events WHERE child_id = $1 AND action = 'reveal-cpr'",
      [child.id],
    );
    expect(rows.map((r) => r.detail.reason)).toContain('Underretning skal skrives');
  });

  it('answers 404 to a Nabo Kommune professional asking for a Demo Kommune child, and leaks nothing in search', async () => {
    const child = await someChildOf(professional);
    const res = await t.as(naboProfessional, 'GET', `/api/v1/children/${child.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(child.lastName);
    const search = await t.as(
      naboProfessional,
      'GET',
      `/api/v1/children?q=${encodeURIComponent(child.firstName)}&pageSize=100`,
    );
    expect(search.json().items.map((c: { id: string }) => c.id)).not.toContain(child.id);
    const reveal = await t.as(naboProfessional, 'POST', `/api/v1/children/${child.id}/cpr-reveal`, {
      reason: 'Forsøg på at se',
    });
    expect(reveal.statusCode).toBe(404);
  });

  it('refuses an admin any child data', async () => {
    const admin = await t.login('admin@demo.beskyt.test');
    const child = await someChildOf(professional);
    expect((await t.as(admin, 'GET', `/api/v1/children/${child.id}`)).statusCode).toBe(403);
    expect((await t.as(admin, 'GET', '/api/v1/children')).statusCode).toBe(403);
  });

  it('names bad input in the user’s language and writes nothing', async () => {
    const before = (await t.db.pool.query('SELECT count(*)::int AS n FROM children')).rows[0].n;
    const leader = await t.login('unitLeader@demo.beskyt.test');
    const unitId = leader.user.roles?.[0]?.unitId;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/children',
      headers: { cookie: `${leader.cookie}; beskyt_lang=en`, 'x-csrf-token': leader.csrfToken },
      payload: {
        firstName: '',
        lastName: 'x'.repeat(500),
        cpr: '320199-1234',
        unitId,
        fromDate: '2026-13-01',
        extra: 1,
      },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toMatchObject({
      firstName: 'Is required.',
      lastName: 'Must be at most 100 characters.',
      cpr: 'Is not a valid CPR number (ddmmyy-xxxx).',
      fromDate: 'Is not a valid date (yyyy-mm-dd).',
      extra: 'Unknown field.',
    });
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM children')).rows[0].n).toBe(before);
  });
});
