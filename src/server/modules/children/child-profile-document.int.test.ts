import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  breakTies,
  expectDocumentsFresh,
  formerProfile,
  readableUnitsOf,
} from '../../../../tests/fixtures/child-profile-oracle.ts';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { UNIT_KINDS } from '../../../shared/permissions.ts';
import { ZChildProfile } from '../../../shared/schemas/children-views.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import type { Queryable } from '../../db/client.ts';
import { createCprAllocator } from '../../seed/fake-cpr.ts';

let t: TTestApp;
let leader: TSession;
let admin: TSession;
let demoId: string;
let units: string[];
let leaderUnit: string;

beforeAll(async () => {
  t = await startTestApp();
  leader = await t.login('unitLeader@demo.beskyt.test');
  admin = await t.login('admin@demo.beskyt.test');
  demoId = leader.user.municipality.id;
  units = await readableUnitsOf(t.db, leader.user.id);
  leaderUnit = units[0] as string;
});
afterAll(() => t.close());

/** A write as the application role, under row-level security, as the use-cases write. */
function asApp<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
  return t.db.tenant(demoId, fn);
}

/** The profile through the API equals what the former live query computes now, and its order is stable. */
async function expectAnswerAsBefore(childId: string) {
  const res = await t.as(leader, 'GET', `/api/v1/children/${childId}`);
  expect(res.statusCode).toBe(200);
  const answer = res.json();
  // The document PostgreSQL writes is the answer the web app reads (src/shared/schemas/children-views.ts).
  ZChildProfile.parse(answer);
  expect(answer).toEqual(await formerProfile(t.db, demoId, childId, units));
  expect(breakTies(answer)).toEqual(answer);
  return answer;
}

async function one<T = Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<T> {
  const { rows } = await t.db.pool.query(sql, values);
  expect(rows[0]).toBeDefined();
  return rows[0] as T;
}

/** A child the unit leader sees, with siblings, two guardians and a home: every part of the profile shows. */
async function richChild(): Promise<string> {
  const row = await one<{ id: string }>(
    `SELECT c.id FROM children c
      WHERE c.municipality_id = $1
        AND EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
                      AND e.unit_id = ANY($2::uuid[]) AND ${currentEnrolment('e').text})
        AND (SELECT count(*) FROM child_guardians cg WHERE cg.municipality_id = c.municipality_id AND cg.child_id = c.id) >= 2
        AND EXISTS (SELECT 1 FROM child_households ch WHERE ch.municipality_id = c.municipality_id AND ch.child_id = c.id)
        AND EXISTS (SELECT 1 FROM children s WHERE s.municipality_id = c.municipality_id AND s.family_id = c.family_id
                      AND s.id <> c.id)
      ORDER BY c.id LIMIT 1`,
    [demoId, units],
  );
  return row.id;
}

async function unitVersion(id: string): Promise<number> {
  return (await one<{ version: number }>('SELECT version FROM units WHERE id = $1', [id])).version;
}

describe('stored child profile documents', () => {
  it('stay equal to the live document through writes to every source, and the profile answers as before', async () => {
    await expectDocumentsFresh(t.db);
    const x = await richChild();
    const before = await expectAnswerAsBefore(x);
    expect(before.family.siblings.length).toBeGreaterThan(0);

    // A new child through the API: created and answered in one request.
    const cprFor = createCprAllocator();
    let created: { id: string } | undefined;
    for (let i = 0; i < 50 && !created; i++) {
      const res = await t.as(leader, 'POST', '/api/v1/children', {
        firstName: 'Alma',
        lastName: 'Profilsen',
        cpr: cprFor('2019-05-17', 'female'),
        unitId: leaderUnit,
        fromDate: '2024-08-01',
      });
      if (res.statusCode === 201) created = res.json();
      else expect(res.json().error.fields.cpr).toBeTruthy();
    }
    if (!created) throw new Error('no free CPR number');
    expect(created).toEqual(await formerProfile(t.db, demoId, created.id, units));
    await expectDocumentsFresh(t.db);

    // Enrolments: a new one elsewhere, then closed.
    const other = await one<{ id: string }>(
      `SELECT id FROM units WHERE municipality_id = $1 AND kind = 'leisure' ORDER BY id LIMIT 1`,
      [demoId],
    );
    const enrolment = await asApp(async (q) => {
      const { rows } = await q.query(
        `INSERT INTO enrolments (municipality_id, child_id, unit_id, group_name, from_date)
         VALUES ($1, $2, $3, 'Klubben', '2025-01-06') RETURNING id`,
        [demoId, x, other.id],
      );
      return rows[0].id as string;
    });
    expect((await expectAnswerAsBefore(x)).enrolments.map((e: { id: string }) => e.id)).toContain(enrolment);
    await asApp((q) => q.query("UPDATE enrolments SET to_date = '2025-06-30' WHERE id = $1", [enrolment]));
    await expectAnswerAsBefore(x);
    await expectDocumentsFresh(t.db);

    // Units through the API: the other unit renamed and given another kind, the leader's unit renamed
    // (it is also the relation's unit name, computed at read time).
    for (const change of [{ name: 'Klubben Omdøbt' }, { kind: 'civilSociety' }]) {
      const res = await t.as(admin, 'PATCH', `/api/v1/units/${other.id}`, {
        version: await unitVersion(other.id),
        ...change,
      });
      expect(res.statusCode).toBe(200);
    }
    const renamed = await t.as(admin, 'PATCH', `/api/v1/units/${leaderUnit}`, {
      version: await unitVersion(leaderUnit),
      name: 'Skolen Omdøbt',
    });
    expect(renamed.statusCode).toBe(200);
    const afterUnits = await expectAnswerAsBefore(x);
    expect(afterUnits.relation.unitName).toBe('Skolen Omdøbt');
    expect(afterUnits.enrolments).toContainEqual(
      expect.objectContaining({ id: enrolment, unitName: 'Klubben Omdøbt', unitKind: 'civilSociety' }),
    );
    await expectDocumentsFresh(t.db);
    await asApp((q) => q.query('DELETE FROM enrolments WHERE id = $1', [enrolment]));
    await expectAnswerAsBefore(x);

    // Guardians: an edit, custody changed, a link removed, a new guardian linked.
    const [g1, g2] = (
      await t.db.pool.query(
        'SELECT guardian_id FROM child_guardians WHERE municipality_id = $1 AND child_id = $2 ORDER BY guardian_id',
        [demoId, x],
      )
    ).rows.map((r) => r.guardian_id as string);
    await asApp((q) =>
      q.query("UPDATE guardians SET phone = '+45 11 22 33 44', last_name = 'Nyholm' WHERE id = $1", [g1]),
    );
    expect((await expectAnswerAsBefore(x)).guardians).toContainEqual(
      expect.objectContaining({ id: g1, phone: '+45 11 22 33 44', lastName: 'Nyholm' }),
    );
    await asApp((q) =>
      q.query(
        'UPDATE child_guardians SET has_custody = NOT has_custody WHERE child_id = $1 AND guardian_id = $2',
        [x, g1],
      ),
    );
    await expectAnswerAsBefore(x);
    await asApp((q) =>
      q.query('DELETE FROM child_guardians WHERE child_id = $1 AND guardian_id = $2', [x, g2]),
    );
    await asApp(async (q) => {
      const { rows } = await q.query(
        `INSERT INTO guardians (municipality_id, first_name, last_name, email) VALUES ($1, 'Bo', 'Nyholm', 'bo@example.test')
         RETURNING id`,
        [demoId],
      );
      await q.query(
        `INSERT INTO child_guardians (municipality_id, child_id, guardian_id, relation, has_custody)
         VALUES ($1, $2, $3, 'other', true)`,
        [demoId, x, rows[0].id],
      );
    });
    const afterGuardians = await expectAnswerAsBefore(x);
    expect(afterGuardians.guardians.map((g: { id: string }) => g.id)).not.toContain(g2);
    expect(afterGuardians.guardians.map((g: { firstName: string }) => g.firstName)).toContain('Bo');
    await expectDocumentsFresh(t.db);

    // Households: an edit, the primary one changed, one added, one removed.
    const h1 = (
      await one<{ household_id: string }>(
        'SELECT household_id FROM child_households WHERE municipality_id = $1 AND child_id = $2 ORDER BY household_id LIMIT 1',
        [demoId, x],
      )
    ).household_id;
    await asApp((q) =>
      q.query("UPDATE households SET address = 'Nyvej 1', city = 'Nyby' WHERE id = $1", [h1]),
    );
    expect((await expectAnswerAsBefore(x)).households).toContainEqual(
      expect.objectContaining({ id: h1, address: 'Nyvej 1', city: 'Nyby' }),
    );
    await asApp((q) =>
      q.query('UPDATE child_households SET is_primary = NOT is_primary WHERE child_id = $1', [x]),
    );
    await expectAnswerAsBefore(x);
    await asApp(async (q) => {
      const { rows } = await q.query(
        `INSERT INTO households (municipality_id, address, postal_code, city) VALUES ($1, 'Andenvej 2', '8000', 'Aarhus C')
         RETURNING id`,
        [demoId],
      );
      await q.query(
        'INSERT INTO child_households (municipality_id, child_id, household_id, is_primary) VALUES ($1, $2, $3, true)',
        [demoId, x, rows[0].id],
      );
    });
    expect((await expectAnswerAsBefore(x)).households).toContainEqual(
      expect.objectContaining({ address: 'Andenvej 2', isPrimary: true }),
    );
    await asApp((q) =>
      q.query('DELETE FROM child_households WHERE child_id = $1 AND household_id = $2', [x, h1]),
    );
    await expectAnswerAsBefore(x);
    await expectDocumentsFresh(t.db);

    // The child's own facts; then its family (read live): renamed, and the new child joins it as a sibling.
    await asApp((q) =>
      q.query("UPDATE children SET first_name = 'Nynne', version = version + 1 WHERE id = $1", [x]),
    );
    expect(await expectAnswerAsBefore(x)).toMatchObject({ firstName: 'Nynne', version: before.version + 1 });
    await asApp(async (q) => {
      await q.query(
        "UPDATE families SET name = 'Familien Nyholm' WHERE id = (SELECT family_id FROM children WHERE id = $1)",
        [x],
      );
      await q.query(
        'UPDATE children SET family_id = (SELECT family_id FROM children WHERE id = $1) WHERE id = $2',
        [x, created?.id],
      );
    });
    const afterFamily = await expectAnswerAsBefore(x);
    expect(afterFamily.family.name).toBe('Familien Nyholm');
    expect(afterFamily.family.siblings.map((s: { id: string }) => s.id)).toContain(created.id);
    // The read's audit event is durable before the answer, and names the siblings the profile shows.
    const read = await one<{ detail: { siblingIds: string[] } }>(
      "SELECT detail FROM audit_events WHERE child_id = $1 AND action = 'read' ORDER BY seq DESC LIMIT 1",
      [x],
    );
    expect([...read.detail.siblingIds].sort()).toEqual(
      afterFamily.family.siblings.map((s: { id: string }) => s.id).sort(),
    );

    // One statement across both municipalities (as the owner): each municipality's children refreshed.
    await t.db.pool.query("UPDATE units SET name = name || ' ·' WHERE kind IN ('school', 'daycare')");
    await expectDocumentsFresh(t.db);
    await expectAnswerAsBefore(x);

    // A deleted child takes its document along; its sibling's profile no longer names it.
    await asApp((q) => q.query('DELETE FROM children WHERE id = $1', [created?.id]));
    expect(
      (await t.db.pool.query('SELECT 1 FROM child_profiles WHERE child_id = $1', [created.id])).rowCount,
    ).toBe(0);
    await expectAnswerAsBefore(x);
    await expectDocumentsFresh(t.db);
  });

  it('stay equal to the live document after random sequences of writes (property)', async () => {
    const pool = async (sql: string) =>
      (await t.db.pool.query(sql, [demoId])).rows.map((r) => r.id as string);
    const children = await pool('SELECT id FROM children WHERE municipality_id = $1 ORDER BY id LIMIT 6');
    const unitIds = await pool('SELECT id FROM units WHERE municipality_id = $1 ORDER BY id LIMIT 4');
    const guardianIds = await pool('SELECT id FROM guardians WHERE municipality_id = $1 ORDER BY id LIMIT 4');
    const householdIds = await pool(
      'SELECT id FROM households WHERE municipality_id = $1 ORDER BY id LIMIT 4',
    );
    let serial = 0;
    const c = fc.nat(children.length - 1);
    const text = fc.string({ minLength: 1, maxLength: 12 });
    const op = fc.oneof(
      fc.record({ op: fc.constant('enrol'), c, u: fc.nat(unitIds.length - 1), day: fc.nat(2000) }),
      fc.record({ op: fc.constant('closeEnrolment'), c, days: fc.nat(400) }),
      fc.record({ op: fc.constant('dropEnrolment'), c }),
      fc.record({ op: fc.constant('renameUnit'), u: fc.nat(unitIds.length - 1) }),
      fc.record({
        op: fc.constant('unitKind'),
        u: fc.nat(unitIds.length - 1),
        kind: fc.constantFrom(...UNIT_KINDS),
      }),
      fc.record({ op: fc.constant('editGuardian'), g: fc.nat(guardianIds.length - 1), value: text }),
      fc.record({ op: fc.constant('custody'), c }),
      fc.record({ op: fc.constant('linkGuardian'), c, g: fc.nat(guardianIds.length - 1) }),
      fc.record({ op: fc.constant('unlinkGuardian'), c }),
      fc.record({ op: fc.constant('editHousehold'), h: fc.nat(householdIds.length - 1), value: text }),
      fc.record({ op: fc.constant('primary'), c }),
      fc.record({ op: fc.constant('linkHousehold'), c, h: fc.nat(householdIds.length - 1) }),
      fc.record({ op: fc.constant('unlinkHousehold'), c }),
      fc.record({ op: fc.constant('editChild'), c, value: text }),
    );
    type TOp = {
      op: string;
      c?: number;
      u?: number;
      g?: number;
      h?: number;
      day?: number;
      days?: number;
      value?: string;
      kind?: string;
    };
    const apply = async (q: Queryable, o: TOp) => {
      const child = children[o.c ?? 0];
      const unit = unitIds[o.u ?? 0];
      const guardian = guardianIds[o.g ?? 0];
      const household = householdIds[o.h ?? 0];
      switch (o.op) {
        case 'enrol':
          return q.query(
            `INSERT INTO enrolments (municipality_id, child_id, unit_id, from_date)
             VALUES ($1, $2, $3, date '2020-01-01' + $4::int)`,
            [demoId, child, unit, o.day],
          );
        case 'closeEnrolment':
          return q.query(
            `UPDATE enrolments SET to_date = from_date + $2::int
              WHERE id = (SELECT id FROM enrolments WHERE child_id = $1 ORDER BY id LIMIT 1)`,
            [child, o.days],
          );
        case 'dropEnrolment':
          return q.query(
            'DELETE FROM enrolments WHERE id = (SELECT id FROM enrolments WHERE child_id = $1 ORDER BY id DESC LIMIT 1)',
            [child],
          );
        case 'renameUnit':
          serial += 1;
          return q.query('UPDATE units SET name = $2 WHERE id = $1', [unit, `Enhed ${serial}`]);
        case 'unitKind':
          return q.query('UPDATE units SET kind = $2 WHERE id = $1', [unit, o.kind]);
        case 'editGuardian':
          return q.query('UPDATE guardians SET phone = $2, first_name = $2 WHERE id = $1', [
            guardian,
            o.value,
          ]);
        case 'custody':
          return q.query('UPDATE child_guardians SET has_custody = NOT has_custody WHERE child_id = $1', [
            child,
          ]);
        case 'linkGuardian':
          return q.query(
            `INSERT INTO child_guardians (municipality_id, child_id, guardian_id, relation, has_custody)
             VALUES ($1, $2, $3, 'other', false) ON CONFLICT DO NOTHING`,
            [demoId, child, guardian],
          );
        case 'unlinkGuardian':
          return q.query(
            `DELETE FROM child_guardians WHERE child_id = $1
                AND guardian_id = (SELECT min(guardian_id::text)::uuid FROM child_guardians WHERE child_id = $1)`,
            [child],
          );
        case 'editHousehold':
          return q.query('UPDATE households SET city = $2 WHERE id = $1', [household, o.value]);
        case 'primary':
          return q.query('UPDATE child_households SET is_primary = NOT is_primary WHERE child_id = $1', [
            child,
          ]);
        case 'linkHousehold':
          return q.query(
            `INSERT INTO child_households (municipality_id, child_id, household_id, is_primary)
             VALUES ($1, $2, $3, false) ON CONFLICT DO NOTHING`,
            [demoId, child, household],
          );
        case 'unlinkHousehold':
          return q.query(
            `DELETE FROM child_households WHERE child_id = $1
                AND household_id = (SELECT min(household_id::text)::uuid FROM child_households WHERE child_id = $1)`,
            [child],
          );
        default:
          return q.query('UPDATE children SET last_name = $2, version = version + 1 WHERE id = $1', [
            child,
            o.value,
          ]);
      }
    };
    await fc.assert(
      fc.asyncProperty(
        // Each inner list is one transaction: several statements on the same children before the commit.
        fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        async (transactions) => {
          for (const ops of transactions)
            await asApp(async (q) => {
              for (const o of ops) await apply(q, o as TOp);
            });
          await expectDocumentsFresh(t.db);
        },
      ),
      { numRuns: 25 },
    );
    for (const child of children) {
      const seen = await t.as(leader, 'GET', `/api/v1/children/${child}`);
      if (seen.statusCode === 200)
        expect(seen.json()).toEqual(await formerProfile(t.db, demoId, child, units));
    }
  });

  it('keeps both changes when two transactions change different sources of one child at once', async () => {
    const x = await richChild();
    const guardian = (
      await one<{ guardian_id: string }>(
        'SELECT guardian_id FROM child_guardians WHERE child_id = $1 ORDER BY guardian_id LIMIT 1',
        [x],
      )
    ).guardian_id;
    const other = await one<{ id: string }>(
      `SELECT id FROM units WHERE municipality_id = $1 AND NOT (id = ANY($2::uuid[])) ORDER BY id LIMIT 1`,
      [demoId, units],
    );
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let enrolled: () => void = () => {};
    const enrolmentWritten = new Promise<void>((resolve) => {
      enrolled = resolve;
    });
    // T1 adds an enrolment (its trigger refreshes the document) and stays open.
    const first = asApp(async (q) => {
      await q.query(
        `INSERT INTO enrolments (municipality_id, child_id, unit_id, group_name, from_date)
         VALUES ($1, $2, $3, 'Samtidig', '2025-02-03')`,
        [demoId, x, other.id],
      );
      enrolled();
      await held;
    });
    await enrolmentWritten;
    // T2 edits a guardian of the same child while T1 is open; its trigger must wait for T1.
    const second = asApp((q) =>
      q.query("UPDATE guardians SET email = 'samtidig@example.test' WHERE id = $1", [guardian]),
    );
    await expect
      .poll(
        async () =>
          (
            await t.db.pool.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE guardians%'`,
            )
          ).rows[0].n,
        { timeout: 10_000, interval: 50 },
      )
      .toBe(1);
    release();
    await first;
    await second;
    await expectDocumentsFresh(t.db);
    const doc = JSON.parse(
      (await one<{ doc: string }>('SELECT doc FROM child_profiles WHERE child_id = $1', [x])).doc,
    );
    expect(doc.enrolments).toContainEqual(expect.objectContaining({ groupName: 'Samtidig' }));
    expect(doc.guardians).toContainEqual(
      expect.objectContaining({ id: guardian, email: 'samtidig@example.test' }),
    );
  });
});
