import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import type { TCtx, TSessionUser } from '../../http/context.ts';
import {
  addDays,
  addUser,
  CURRENT_FACTORS,
  childPicker,
  publishTestCatalogue,
  unitOf,
} from './assessments.fixtures.ts';
import { getUnitWellbeing } from './get-unit-wellbeing.ts';

let t: TTestApp;
let demoId: string;
let today: string;
let admin: TSession;
let sourceUnitId: string;
let pick: ReturnType<typeof childPicker>;

const name = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@demo.beskyt.test');
  const leader = await t.login('unitleader@demo.beskyt.test');
  demoId = admin.user.municipality.id;
  sourceUnitId = unitOf(leader, 'unitLeader');
  await publishTestCatalogue(t, demoId, CURRENT_FACTORS);
  today = (await t.db.pool.query('SELECT current_date::text AS d')).rows[0].d;
  pick = childPicker(t, demoId);
});
afterAll(() => t.close());

/** A school of its own (so no seeded round touches it), its leader and children enrolled in it. */
async function newUnit(childCount: number) {
  const { rows } = await t.db.pool.query(
    "INSERT INTO units (municipality_id, name, kind) VALUES ($1, $2, 'school') RETURNING id",
    [demoId, name('Opfølgningsskolen')],
  );
  const unitId = rows[0].id as string;
  const leader = await addUser(t, demoId, 'unitLeader', [unitId]);
  const children: string[] = [];
  for (let i = 0; i < childCount; i++) {
    const c = await pick(sourceUnitId);
    await t.db.pool.query(
      'INSERT INTO enrolments (municipality_id, child_id, unit_id, from_date) VALUES ($1, $2, $3, $4)',
      [demoId, c.id, unitId, addDays(today, -400)],
    );
    children.push(c.id);
  }
  return { unitId, leader, children };
}

async function createRound(body: Record<string, unknown>) {
  const res = await t.as(admin, 'POST', '/api/v1/assessment-rounds', { name: name('Runde'), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}

async function joint(leader: TSession, roundId: string, childId: string, position: string) {
  const res = await t.as(leader, 'POST', '/api/v1/assessments', {
    roundId,
    childId,
    mode: 'joint',
    position,
    factors: [{ code: 'TR-KONFLIKT', state: position === 'green' ? 'absent' : 'present' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** The same use-case the route calls, as the unit's leader, at a chosen instant. */
function leaderCtx(session: TSession, unitId: string): TCtx {
  const user = {
    userId: session.user.id,
    municipalityId: demoId,
    roles: [{ role: 'unitLeader', unitId, unitName: null, teamId: null }],
    grants: [{ permission: 'read:measurement:unit', role: 'unitLeader', unitId }],
    permissions: new Set(['read:measurement:unit']),
  } as unknown as TSessionUser;
  return { db: t.db, audit: t.audit, cipher: t.cipher, user, ip: '127.0.0.1', locale: 'da' };
}

type TFollowUp = { childId: string; assessmentId: string; position: string; round: { id: string } };

describe('the follow-up list', () => {
  it('keeps the completed round’s yellow and red children after a new round opens, until a newer joint assessment', async () => {
    const { unitId, leader, children } = await newUnit(4);
    const [a, b, c, d] = children as [string, string, string, string];
    const spring = await createRound({
      opensOn: addDays(today, -7),
      closesOn: addDays(today, 30),
      unitIds: [unitId],
    });
    const springA = await joint(leader, spring.id, a, 'red');
    const springB = await joint(leader, spring.id, b, 'yellow');
    const springC = await joint(leader, spring.id, c, 'red');
    await joint(leader, spring.id, d, 'green');
    // The spring round is over: it opened and closed months ago (assessments are only written in open rounds).
    await t.db.pool.query('UPDATE assessment_rounds SET opens_on = $2, closes_on = $3 WHERE id = $1', [
      spring.id,
      addDays(today, -200),
      addDays(today, -150),
    ]);
    await t.db.pool.query('UPDATE assessments SET assessed_on = $2 WHERE round_id = $1', [
      spring.id,
      addDays(today, -180),
    ]);
    const autumn = await createRound({
      opensOn: addDays(today, -3),
      closesOn: addDays(today, 30),
      unitIds: [unitId],
    });

    const opened = await t.as(leader, 'GET', `/api/v1/units/${unitId}/wellbeing`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().latest).toMatchObject({ round: { id: autumn.id }, total: 0 });
    const first = opened.json().followUp as TFollowUp[];
    expect(first.map((f) => [f.childId, f.assessmentId, f.position, f.round.id])).toEqual(
      expect.arrayContaining([
        [a, springA.id, 'red', spring.id],
        [b, springB.id, 'yellow', spring.id],
        [c, springC.id, 'red', spring.id],
      ]),
    );
    expect(first).toHaveLength(3);
    expect(first.at(-1)?.position).toBe('yellow');

    // Newer joint assessments decide: green leaves the list, a new colour replaces the old one.
    await joint(leader, autumn.id, a, 'green');
    const autumnB = await joint(leader, autumn.id, b, 'red');
    const autumnD = await joint(leader, autumn.id, d, 'yellow');
    const later = (await t.as(leader, 'GET', `/api/v1/units/${unitId}/wellbeing`)).json();
    const byChild = Object.fromEntries((later.followUp as TFollowUp[]).map((f) => [f.childId, f]));
    expect(Object.keys(byChild).sort()).toEqual([b, c, d].sort());
    expect(byChild[b]).toMatchObject({ assessmentId: autumnB.id, position: 'red', round: { id: autumn.id } });
    expect(byChild[c]).toMatchObject({ assessmentId: springC.id, position: 'red', round: { id: spring.id } });
    expect(byChild[d]).toMatchObject({
      assessmentId: autumnD.id,
      position: 'yellow',
      round: { id: autumn.id },
    });
    // Persistence counts the child's joint assessments up to the listed one: conflict present in both for b.
    expect(byChild[b]).toMatchObject({ persistentRisks: 1 });
  });

  it('drops a child who was not assessed in the last completed round or later', async () => {
    const { unitId, leader, children } = await newUnit(2);
    const [a, b] = children as [string, string];
    const older = await createRound({
      opensOn: addDays(today, -7),
      closesOn: addDays(today, 30),
      unitIds: [unitId],
    });
    await joint(leader, older.id, a, 'red');
    await joint(leader, older.id, b, 'red');
    const spring = await createRound({
      opensOn: addDays(today, -6),
      closesOn: addDays(today, 30),
      unitIds: [unitId],
    });
    const springB = await joint(leader, spring.id, b, 'yellow');
    await t.db.pool.query('UPDATE assessment_rounds SET opens_on = $2, closes_on = $3 WHERE id = $1', [
      older.id,
      addDays(today, -400),
      addDays(today, -350),
    ]);
    await t.db.pool.query('UPDATE assessment_rounds SET opens_on = $2, closes_on = $3 WHERE id = $1', [
      spring.id,
      addDays(today, -200),
      addDays(today, -150),
    ]);
    await t.db.pool.query('UPDATE assessments SET assessed_on = $2 WHERE round_id = $1', [
      older.id,
      addDays(today, -380),
    ]);
    await t.db.pool.query('UPDATE assessments SET assessed_on = $2 WHERE round_id = $1', [
      spring.id,
      addDays(today, -180),
    ]);
    const view = (await t.as(leader, 'GET', `/api/v1/units/${unitId}/wellbeing`)).json();
    expect((view.followUp as TFollowUp[]).map((f) => [f.childId, f.assessmentId])).toEqual([[b, springB.id]]);
  });

  it('counts a round as opened from midnight Danish time, not UTC', async () => {
    const { unitId, leader } = await newUnit(0);
    // Winter (UTC+1) and summer (UTC+2) openings.
    const winter = await createRound({ opensOn: '2031-01-10', closesOn: '2031-02-10', unitIds: [unitId] });
    const summer = await createRound({ opensOn: '2031-06-10', closesOn: '2031-07-10', unitIds: [unitId] });
    const ctx = leaderCtx(leader, unitId);
    const at = async (instant: string) =>
      (await getUnitWellbeing(ctx, unitId, new Date(instant))).latest?.round.id ?? null;
    expect(await at('2031-01-09T22:59:00Z')).toBeNull(); // 23:59 on the 9th in Copenhagen
    expect(await at('2031-01-09T23:30:00Z')).toBe(winter.id); // 00:30 on the 10th
    expect(await at('2031-06-09T21:30:00Z')).toBe(winter.id); // 23:30 on the 9th
    expect(await at('2031-06-09T22:30:00Z')).toBe(summer.id); // 00:30 on the 10th
  });
});
