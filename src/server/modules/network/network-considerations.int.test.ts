import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import {
  ZNetworkConsideration,
  ZNetworkConsiderations,
} from '../../../shared/schemas/network-considerations.ts';

/**
 * Network involvement considered (issue 16, item 3): recorded on a case (a caseworker's relation: the open case) or
 * in a unit, under the network's relations and audit; "not now" needs a reason, the day is not in the future; bad
 * input is a 400 naming the field with nothing written; other units, other municipality 404, no permission 403.
 */
let t: TTestApp;
let professional: TSession;
let caseworker: TSession;
let analyst: TSession;
let naboProfessional: TSession;
let demoId: string;
let unitChild: string;
let caseChild: string;
let outsider: string;

const path = (childId: string) => `/api/v1/children/${childId}/network-considerations`;
const record = (session: TSession, childId: string, body: unknown) =>
  t.as(session, 'POST', path(childId), body);

async function rowCount(): Promise<number> {
  const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM network_considerations');
  return rows[0].n;
}

beforeAll(async () => {
  t = await startTestApp({ children: 200 });
  const login = (who: string, domain = 'demo') => t.login(`${who}@${domain}.beskyt.test`);
  [professional, caseworker, analyst, naboProfessional] = await Promise.all([
    login('professional'),
    login('caseworker'),
    login('analyst'),
    login('professional', 'nabo'),
  ]);
  demoId = professional.user.municipality.id;
  const units = (professional.user.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : []));
  const enrolled = `EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
       AND e.unit_id = ANY($2::uuid[]) AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date))`;
  unitChild = (
    await t.db.pool.query(
      `SELECT c.id FROM children c WHERE c.municipality_id = $1 AND ${enrolled} ORDER BY c.id LIMIT 1`,
      [demoId, units],
    )
  ).rows[0].id;
  outsider = (
    await t.db.pool.query(
      `SELECT c.id FROM children c WHERE c.municipality_id = $1 AND NOT ${enrolled}
          AND NOT EXISTS (SELECT 1 FROM child_coordinators cc WHERE cc.municipality_id = c.municipality_id AND cc.child_id = c.id)
        ORDER BY c.id LIMIT 1`,
      [demoId, units],
    )
  ).rows[0].id;
  caseChild = (
    await t.db.pool.query(
      `SELECT k.child_id FROM cases k JOIN role_assignments ra ON ra.municipality_id = k.municipality_id
          AND ra.team_id = k.team_id AND ra.user_id = $2
        WHERE k.municipality_id = $1 AND k.status = 'open' ORDER BY k.child_id LIMIT 1`,
      [demoId, caseworker.user.id],
    )
  ).rows[0].child_id;
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('network involvement considered', () => {
  it('records a unit’s decision for a network meeting, listed and audited under the enrolment', async () => {
    const res = await record(professional, unitChild, {
      consideredOn: '2026-11-02',
      decision: 'networkMeeting',
      reason: 'Mormor og naboen inviteres',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = ZNetworkConsideration.parse(res.json());
    expect(created).toMatchObject({
      decision: 'networkMeeting',
      context: 'unit',
      consideredOn: '2026-11-02',
    });
    const list = ZNetworkConsiderations.parse((await t.as(professional, 'GET', path(unitChild))).json());
    expect(list.items.map((i) => i.id)).toContain(created.id);
    expect(list.canWrite).toBe(true);
    await t.audit.drain();
    const { rows } = await t.db.pool.query(
      "SELECT action, child_id, purpose FROM audit_events WHERE entity = 'network-consideration' AND user_id = $1 ORDER BY action",
      [professional.user.id],
    );
    expect(rows).toEqual([
      { action: 'create', child_id: unitChild, purpose: expect.stringMatching(/^enrolment:/) },
      { action: 'read', child_id: unitChild, purpose: expect.stringMatching(/^enrolment:/) },
    ]);
  });

  it('records a caseworker’s decision on the open case', async () => {
    const res = await record(caseworker, caseChild, { consideredOn: '2026-10-01', decision: 'conference' });
    expect(res.statusCode, res.body).toBe(201);
    expect(ZNetworkConsideration.parse(res.json()).context).toBe('case');
    const { rows } = await t.db.pool.query(
      `SELECT n.case_id, k.child_id FROM network_considerations n JOIN cases k ON k.municipality_id = n.municipality_id
          AND k.id = n.case_id WHERE n.id = $1`,
      [res.json().id],
    );
    expect(rows[0]?.child_id).toBe(caseChild);
  });

  it.each([
    [
      '"not now" without a reason',
      { consideredOn: '2026-10-01', decision: 'notNow', reason: '  ' },
      'reason',
    ],
    ['a day in the future', { consideredOn: '2099-01-01', decision: 'conference' }, 'consideredOn'],
    ['an unknown decision', { consideredOn: '2026-10-01', decision: 'later' }, 'decision'],
    ['a malformed day', { consideredOn: '1. oktober', decision: 'conference' }, 'consideredOn'],
  ])('refuses %s with a 400 naming the field, writing nothing', async (_label, body, field) => {
    const before = await rowCount();
    const res = await record(professional, unitChild, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain(field);
    expect(await rowCount()).toBe(before);
  });

  it('answers any free-form reason and day with 201 or a 400 naming the field, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.oneof(fc.constant('2026-09-01'), fc.string({ maxLength: 12 })),
        fc.constantFrom('conference', 'networkMeeting', 'notNow'),
        async (reason, consideredOn, decision) => {
          const res = await record(professional, unitChild, { consideredOn, decision, reason });
          expect([201, 400], res.body).toContain(res.statusCode);
          if (res.statusCode === 400) {
            const fields = Object.keys(res.json().error?.fields ?? res.json().fields ?? {});
            expect(fields.length, res.body).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('answers 404 outside the relations and in another municipality, 403 without the permission', async () => {
    const before = await rowCount();
    const body = { consideredOn: '2026-10-01', decision: 'conference' };
    expect((await record(professional, outsider, body)).statusCode).toBe(404);
    expect((await record(naboProfessional, unitChild, body)).statusCode).toBe(404);
    expect((await record(analyst, unitChild, body)).statusCode).toBe(403);
    expect((await t.as(professional, 'GET', path(outsider))).statusCode).toBe(404);
    expect((await t.as(naboProfessional, 'GET', path(unitChild))).statusCode).toBe(404);
    expect(await rowCount()).toBe(before);
  });
});
