import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childrenWithoutDocument,
  expectDocumentsFresh,
  formerProfile,
  readableUnitsOf,
} from '../../../tests/fixtures/child-profile-oracle.ts';
import { startTestApp, type TSession, type TTestApp } from '../../../tests/fixtures/test-app.ts';
import { deferChildProfiles } from '../seed/bulk-load.ts';
import { fillChildProfiles } from './fill-child-profiles.ts';
import { startJobs } from './jobs.ts';

let t: TTestApp;
let leader: TSession;
let demoId: string;
let units: string[];

beforeAll(async () => {
  t = await startTestApp({ children: 30 });
  leader = await t.login('unitLeader@demo.beskyt.test');
  demoId = leader.user.municipality.id;
  units = await readableUnitsOf(t.db, leader.user.id);
});
afterAll(() => t.close());

/**
 * `n` children written as a bulk build writes them: with the documents deferred, each with an enrolment in
 * the unit leader's unit, a guardian and a home. Returns their ids, sorted.
 */
async function insertDeferred(n: number): Promise<string[]> {
  return t.db.system(async (q) => {
    await deferChildProfiles(q);
    const { rows } = await q.query(
      `INSERT INTO children (municipality_id, first_name, last_name, birth_date, gender, cpr_encrypted, cpr_hash, family_id)
       SELECT $1, 'Bulk', 'Barn ' || i, date '2018-01-01' + i, 'other', '\\x00', $2::bytea || int4send(i),
              (SELECT id FROM families WHERE municipality_id = $1 ORDER BY id LIMIT 1)
         FROM generate_series(1, $3::int) i RETURNING id`,
      [demoId, randomBytes(8), n],
    );
    const ids = rows.map((r) => r.id as string).sort();
    await q.query(
      `INSERT INTO enrolments (municipality_id, child_id, unit_id, from_date)
       SELECT $1, id, $3, date '2024-08-01' FROM unnest($2::uuid[]) id`,
      [demoId, ids, units[0]],
    );
    await q.query(
      `INSERT INTO child_guardians (municipality_id, child_id, guardian_id, relation, has_custody)
       SELECT $1, id, (SELECT id FROM guardians WHERE municipality_id = $1 ORDER BY id LIMIT 1), 'mother', true
         FROM unnest($2::uuid[]) id`,
      [demoId, ids],
    );
    await q.query(
      `INSERT INTO child_households (municipality_id, child_id, household_id)
       SELECT $1, id, (SELECT id FROM households WHERE municipality_id = $1 ORDER BY id LIMIT 1)
         FROM unnest($2::uuid[]) id`,
      [demoId, ids],
    );
    return ids;
  });
}

async function documents(): Promise<Map<string, string>> {
  const { rows } = await t.db.pool.query('SELECT child_id, doc FROM child_profiles');
  return new Map(rows.map((r) => [r.child_id as string, r.doc as string]));
}

describe('deferred child profile documents', () => {
  it('are not built by writes while deferred, and the profile still answers as before from the live fallback', async () => {
    await expectDocumentsFresh(t.db);
    const ids = await insertDeferred(5);
    expect(await childrenWithoutDocument(t.db)).toEqual(ids);
    for (const id of ids.slice(0, 2)) {
      const res = await t.as(leader, 'GET', `/api/v1/children/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(await formerProfile(t.db, demoId, id, units));
      expect(res.json().guardians).toHaveLength(1);
    }
  });

  it('refuses a deferred write to a child that already has a document, which would go stale', async () => {
    const { rows } = await t.db.pool.query('SELECT child_id FROM child_profiles LIMIT 1');
    await expect(
      t.db.system(async (q) => {
        await deferChildProfiles(q);
        await q.query(`UPDATE child_guardians SET has_custody = NOT has_custody WHERE child_id = $1`, [
          rows[0].child_id,
        ]);
      }),
    ).rejects.toThrow(/defer_child_profiles/);
    const kept = await t.db.pool.query(
      'SELECT doc = child_profile_doc(municipality_id, child_id) AS fresh FROM child_profiles WHERE child_id = $1',
      [rows[0].child_id],
    );
    expect(kept.rows[0].fresh).toBe(true);
  });

  it('are built by the fill job: exactly the missing ones, in batches, and nothing else changes', async () => {
    const missing = await childrenWithoutDocument(t.db);
    expect(missing.length).toBeGreaterThan(0);
    const before = await documents();
    expect(await fillChildProfiles(t.db, { batchSize: 2 })).toBe(missing.length);
    await expectDocumentsFresh(t.db);
    const after = await documents();
    expect([...after.keys()].filter((id) => !before.has(id)).sort()).toEqual(missing);
    for (const [id, doc] of before) expect(after.get(id)).toBe(doc);
    expect(await fillChildProfiles(t.db)).toBe(0);
  });

  it('are built soon after boot by the job queue', async () => {
    const ids = await insertDeferred(3);
    expect(await childrenWithoutDocument(t.db)).toEqual(ids);
    const boss = await startJobs(t.url, t.db);
    try {
      await expect
        .poll(async () => (await childrenWithoutDocument(t.db)).length, { timeout: 20_000, interval: 250 })
        .toBe(0);
      await expectDocumentsFresh(t.db);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
