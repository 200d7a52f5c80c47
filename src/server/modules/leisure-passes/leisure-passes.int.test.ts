import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * The leisure pass (issue 15, item 6): the municipality sets the amount per child per year, who grants it and when
 * an unredeemed pass counts as unused; a grant records child, offer and amount within what is left of the year;
 * the child's budget (used, left) is shown; every read and write is audited under the granter's relation, and
 * every refusal is a clear 4xx with nothing written.
 */
let t: TTestApp;
let admin: TSession;
let professional: TSession;
let caseworker: TSession;
let naboProfessional: TSession;
let demoId: string;
let passOffer: string;
let plainOffer: string;
let pausedOffer: string;
let naboPassOffer: string;
let pool: string[] = [];
/** A Demo child outside the professional's units (and without a case of the caseworker's teams). */
let otherChild: string;

const login = (who: string, domain = 'demo') => t.login(`${who}@${domain}.beskyt.test`);

function nextChild(): string {
  const child = pool.shift();
  if (!child) throw new Error('no test child left');
  return child;
}

async function writes(): Promise<string> {
  const { rows } = await t.db.pool.query(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM leisure_passes) AS passes,
            (SELECT count(*) FROM audit_events WHERE entity = 'leisurePass' AND action <> 'read') AS audited`,
  );
  return JSON.stringify(rows[0]);
}

const grant = (session: TSession, body: Record<string, unknown>) =>
  t.as(session, 'POST', '/api/v1/leisure-passes', body);
const passes = (session: TSession, childId: string) =>
  t.as(session, 'GET', `/api/v1/children/${childId}/leisure-passes`);

async function settings(change: Record<string, unknown>) {
  const current = (await t.as(admin, 'GET', '/api/v1/leisure-pass-settings')).json();
  const res = await t.as(admin, 'PUT', '/api/v1/leisure-pass-settings', {
    version: current.version,
    enabled: current.enabled,
    amountPerYearDkk: current.amountPerYearDkk,
    grantRoles: current.grantRoles,
    unusedWeeks: current.unusedWeeks,
    ...change,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await startTestApp({ children: 250 });
  [admin, professional, caseworker, naboProfessional] = await Promise.all([
    login('admin'),
    login('professional'),
    login('caseworker'),
    login('professional', 'nabo'),
  ]);
  demoId = admin.user.municipality.id;
  const provider = (
    await t.as(admin, 'POST', '/api/v1/offer-providers', { name: 'Passklubben', kind: 'association' })
  ).json().id;
  const offer = async (session: TSession, providerId: string, extra: Record<string, unknown>) => {
    const res = await t.as(session, 'POST', '/api/v1/offers', {
      providerId,
      kind: 'leisureActivity',
      name: `Passtilbud ${randomUUID().slice(0, 6)}`,
      description: 'Et tilbud.',
      ageFrom: 0,
      ageTo: 25,
      access: 'direct',
      costDkk: 900,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  passOffer = await offer(admin, provider, { leisurePass: true });
  plainOffer = await offer(admin, provider, { leisurePass: false });
  pausedOffer = await offer(admin, provider, { leisurePass: true, status: 'paused' });
  const naboAdmin = await t.login('admin@nabo.beskyt.test');
  const naboProvider = (
    await t.as(naboAdmin, 'POST', '/api/v1/offer-providers', { name: 'Naboklub', kind: 'association' })
  ).json().id;
  naboPassOffer = await offer(naboAdmin, naboProvider, { leisurePass: true });
  const units = (professional.user.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : []));
  const { rows } = await t.db.pool.query(
    `SELECT c.id FROM children c
      WHERE c.municipality_id = $1
        AND EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
                       AND e.unit_id = ANY($2::uuid[]) AND e.from_date <= current_date
                       AND (e.to_date IS NULL OR e.to_date >= current_date))
        AND NOT EXISTS (SELECT 1 FROM leisure_passes lp WHERE lp.child_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.child_id = c.id)
      ORDER BY c.id`,
    [demoId, units],
  );
  pool = rows.map((r) => r.id);
  const { rows: other } = await t.db.pool.query(
    `SELECT c.id FROM children c
      WHERE c.municipality_id = $1
        AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
                           AND e.unit_id = ANY($2::uuid[]))
        AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.child_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM child_coordinators cc WHERE cc.child_id = c.id)
      ORDER BY c.id LIMIT 1`,
    [demoId, units],
  );
  otherChild = other[0].id;
  expect(pool.length).toBeGreaterThan(15);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('leisure pass settings', () => {
  it('the demo municipality has a pass of 1,500 kr. a year, unused after 8 weeks, granted by the referring roles', async () => {
    const res = await t.as(admin, 'GET', '/api/v1/leisure-pass-settings');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      enabled: true,
      amountPerYearDkk: 1500,
      unusedWeeks: 8,
      grantRoles: ['professional', 'unitLeader', 'caseworker', 'caseworkManager'],
    });
  });

  it('refuses a stale version (409), bad values naming the field (400), and roles that do not administer (403)', async () => {
    const current = (await t.as(admin, 'GET', '/api/v1/leisure-pass-settings')).json();
    const body = {
      version: current.version,
      enabled: true,
      amountPerYearDkk: 1500,
      grantRoles: ['professional'],
      unusedWeeks: 8,
    };
    const stale = await t.as(admin, 'PUT', '/api/v1/leisure-pass-settings', {
      ...body,
      version: current.version + 7,
    });
    expect(stale.statusCode).toBe(409);
    for (const [field, value] of [
      ['unusedWeeks', 0],
      ['amountPerYearDkk', -1],
      ['grantRoles', ['partner']],
      ['grantRoles', []],
      ['grantRoles', ['professional', 'professional']],
    ] as const) {
      const res = await t.as(admin, 'PUT', '/api/v1/leisure-pass-settings', { ...body, [field]: value });
      expect(res.statusCode, `${field}=${JSON.stringify(value)}`).toBe(400);
      expect(Object.keys(res.json().error.fields).join()).toContain(field);
    }
    expect((await t.as(professional, 'PUT', '/api/v1/leisure-pass-settings', body)).statusCode).toBe(403);
    expect((await t.as(professional, 'GET', '/api/v1/leisure-pass-settings')).statusCode).toBe(403);
    expect((await t.as(admin, 'GET', '/api/v1/leisure-pass-settings')).json().version).toBe(current.version);
  });
});

describe('granting a pass', () => {
  it('records child, offer and amount, shows the budget used and left, and audits it under the granter’s relation', async () => {
    const child = nextChild();
    const res = await grant(professional, { childId: child, offerId: passOffer, amountDkk: 600 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      childId: child,
      offer: { id: passOffer, providerName: 'Passklubben' },
      amountDkk: 600,
      status: 'granted',
      unused: false,
      grantedBy: { id: professional.user.id },
    });
    const view = await passes(professional, child);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      enabled: true,
      amountPerYearDkk: 1500,
      usedDkk: 600,
      leftDkk: 900,
      canGrant: true,
      items: [{ id: res.json().id }],
    });
    const { rows } = await t.db.pool.query(
      `SELECT action, role, purpose FROM audit_events WHERE entity = 'leisurePass' AND child_id = $1 ORDER BY seq`,
      [child],
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'read']);
    expect(rows[0].role).toBe('professional');
    expect(rows[0].purpose).toMatch(/^enrolment:/);
  });

  it('refuses more than is left of the year (400 on amountDkk, naming what is left) and writes nothing', async () => {
    const child = nextChild();
    expect(
      (await grant(professional, { childId: child, offerId: passOffer, amountDkk: 1000 })).statusCode,
    ).toBe(201);
    const before = await writes();
    const res = await grant(professional, { childId: child, offerId: passOffer, amountDkk: 501 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.amountDkk).toContain('500');
    expect(await writes()).toBe(before);
    expect(
      (await grant(professional, { childId: child, offerId: passOffer, amountDkk: 500 })).statusCode,
    ).toBe(201);
  });

  it('refuses offers the pass cannot pay, unknown and paused offers, and malformed amounts, naming the problem', async () => {
    const child = nextChild();
    const before = await writes();
    const plain = await grant(professional, { childId: child, offerId: plainOffer, amountDkk: 100 });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.fields.offerId).toBeDefined();
    const unknown = await grant(professional, { childId: child, offerId: randomUUID(), amountDkk: 100 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.offerId).toBeDefined();
    const paused = await grant(professional, { childId: child, offerId: pausedOffer, amountDkk: 100 });
    expect(paused.statusCode).toBe(409);
    expect(paused.json().error.code).toBe('OFFER_PAUSED');
    const nabo = await grant(professional, { childId: child, offerId: naboPassOffer, amountDkk: 100 });
    expect(nabo.statusCode).toBe(400);
    for (const amountDkk of [0, -5, 1.5, '100', 100_001]) {
      const res = await grant(professional, { childId: child, offerId: passOffer, amountDkk });
      expect(res.statusCode, String(amountDkk)).toBe(400);
      expect(res.json().error.fields.amountDkk).toBeDefined();
    }
    expect(await writes()).toBe(before);
  });

  it('answers 404 for a child outside the granter’s relations or of another municipality, 403 to roles that do not refer', async () => {
    const before = await writes();
    expect(
      (await grant(professional, { childId: otherChild, offerId: passOffer, amountDkk: 100 })).statusCode,
    ).toBe(404);
    expect((await passes(professional, otherChild)).statusCode).toBe(404);
    expect(
      (await grant(caseworker, { childId: otherChild, offerId: passOffer, amountDkk: 100 })).statusCode,
    ).toBe(404);
    const child = nextChild();
    expect(
      (await grant(naboProfessional, { childId: child, offerId: passOffer, amountDkk: 100 })).statusCode,
    ).toBe(404);
    expect((await passes(naboProfessional, child)).statusCode).toBe(404);
    expect((await grant(admin, { childId: child, offerId: passOffer, amountDkk: 100 })).statusCode).toBe(403);
    expect(await writes()).toBe(before);
  });

  it('follows the municipality: no pass (409) and roles not allowed to grant (403)', async () => {
    const child = nextChild();
    const before = await writes();
    await settings({ grantRoles: ['caseworker'] });
    const role = await grant(professional, { childId: child, offerId: passOffer, amountDkk: 100 });
    expect(role.statusCode).toBe(403);
    expect(role.json().error.code).toBe('LEISURE_PASS_ROLE');
    expect((await passes(professional, child)).json().canGrant).toBe(false);
    await settings({
      enabled: false,
      grantRoles: ['professional', 'unitLeader', 'caseworker', 'caseworkManager'],
    });
    const off = await grant(professional, { childId: child, offerId: passOffer, amountDkk: 100 });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.code).toBe('LEISURE_PASS_OFF');
    await settings({ enabled: true });
    expect(await writes()).toBe(before);
  });

  it('never lets a child’s passes in a year exceed the amount, whatever the grants asked for', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 1600 }), { minLength: 1, maxLength: 5 }),
        async (amounts) => {
          const child = nextChild();
          let expected = 0;
          for (const amountDkk of amounts) {
            const res = await grant(professional, { childId: child, offerId: passOffer, amountDkk });
            const fits = expected + amountDkk <= 1500;
            expect(res.statusCode).toBe(fits ? 201 : 400);
            if (fits) expected += amountDkk;
          }
          const view = (await passes(professional, child)).json();
          expect(view.usedDkk).toBe(expected);
          expect(view.leftDkk).toBe(1500 - expected);
        },
      ),
      { numRuns: 6 },
    );
  });
});

describe('redeeming and cancelling', () => {
  it('cancelling returns the amount to the child’s year; a settled pass cannot change (409), a stale version 409', async () => {
    const child = nextChild();
    const pass = (await grant(professional, { childId: child, offerId: passOffer, amountDkk: 1500 })).json();
    const stale = await t.as(professional, 'POST', `/api/v1/leisure-passes/${pass.id}/status`, {
      version: pass.version + 1,
      status: 'cancelled',
    });
    expect(stale.statusCode).toBe(409);
    const cancelled = await t.as(professional, 'POST', `/api/v1/leisure-passes/${pass.id}/status`, {
      version: pass.version,
      status: 'cancelled',
      note: 'Familien flyttede',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', note: 'Familien flyttede' });
    expect((await passes(professional, child)).json()).toMatchObject({ usedDkk: 0, leftDkk: 1500 });
    const again = await t.as(professional, 'POST', `/api/v1/leisure-passes/${pass.id}/status`, {
      version: cancelled.json().version,
      status: 'redeemed',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LEISURE_PASS_SETTLED');
    const bad = await t.as(professional, 'POST', `/api/v1/leisure-passes/${pass.id}/status`, {
      version: cancelled.json().version,
      status: 'granted',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.status).toBeDefined();
  });

  it('a pass of a child the user does not reach is 404, to staff of another municipality too', async () => {
    const child = nextChild();
    const pass = (await grant(professional, { childId: child, offerId: passOffer, amountDkk: 100 })).json();
    const before = await writes();
    for (const who of [caseworker, naboProfessional]) {
      const res = await t.as(who, 'POST', `/api/v1/leisure-passes/${pass.id}/status`, {
        version: pass.version,
        status: 'redeemed',
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await writes()).toBe(before);
    const redeemed = await t.as(professional, 'POST', `/api/v1/leisure-passes/${pass.id}/status`, {
      version: pass.version,
      status: 'redeemed',
    });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    expect(redeemed.json().status).toBe('redeemed');
  });

  it('a pass still granted eight weeks after it was granted is unused', async () => {
    const child = nextChild();
    const pass = (await grant(professional, { childId: child, offerId: passOffer, amountDkk: 100 })).json();
    await t.db.pool.query('UPDATE leisure_passes SET granted_on = current_date - 55 WHERE id = $1', [
      pass.id,
    ]);
    expect((await passes(professional, child)).json().items[0].unused).toBe(false);
    await t.db.pool.query('UPDATE leisure_passes SET granted_on = current_date - 56 WHERE id = $1', [
      pass.id,
    ]);
    expect((await passes(professional, child)).json().items[0].unused).toBe(true);
  });
});
