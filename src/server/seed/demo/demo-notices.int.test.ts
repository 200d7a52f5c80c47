import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { runNoticeSweep } from '../../modules/notices/notice-sweep.ts';

let t: TTestApp;
let demoId: string;

beforeAll(async () => {
  t = await startTestApp({ children: 80 });
  demoId = (await t.db.pool.query("SELECT id FROM municipalities WHERE slug = 'demo'")).rows[0].id;
});
afterAll(() => t.close());

describe('the demo’s duty to inform', () => {
  it('has the open round’s children due and three exceptions recorded', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT (SELECT count(*)::int FROM notice_subjects s JOIN assessment_rounds r ON r.id = s.round_id
                WHERE s.municipality_id = $1 AND r.closes_on >= current_date) AS due,
              (SELECT count(*)::int FROM notice_exceptions WHERE municipality_id = $1 AND ended_at IS NULL) AS exceptions`,
      [demoId],
    );
    expect(rows[0].due).toBeGreaterThan(20);
    expect(rows[0].exceptions).toBe(3);
  });

  it('produces the open round’s notices in the outbox when the job runs, holding back the excepted children', async () => {
    const run = await runNoticeSweep(t);
    expect(run.letters).toBeGreaterThan(20);
    const { rows } = await t.db.pool.query(
      `SELECT count(*) FILTER (WHERE s.notified_at IS NULL)::int AS waiting,
              count(*) FILTER (WHERE s.notified_at IS NULL AND EXISTS (SELECT 1 FROM notice_exceptions x
                 WHERE x.municipality_id = s.municipality_id AND x.child_id = s.child_id AND x.ended_at IS NULL
                   AND s.kind = ANY(x.kinds)))::int AS held
         FROM notice_subjects s WHERE s.municipality_id = $1 AND s.kind = 'round'`,
      [demoId],
    );
    expect(rows[0].waiting).toBe(rows[0].held);
    expect(rows[0].held).toBeGreaterThanOrEqual(1);
    const letters = await t.db.pool.query(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE n.kind = 'round' AND cardinality(n.child_ids) > 1)::int AS families
         FROM notices n JOIN letters l ON l.id = n.letter_id WHERE n.municipality_id = $1`,
      [demoId],
    );
    expect(letters.rows[0].n).toBe(run.letters - (await naboLetters()));
    expect(letters.rows[0].families).toBeGreaterThan(0);
    // The demo's network persons (issue 16) are told about too.
    const network = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM notices WHERE municipality_id = $1 AND kind = 'networkPerson'",
      [demoId],
    );
    expect(network.rows[0].n).toBeGreaterThan(0);
  });
});

async function naboLetters(): Promise<number> {
  const { rows } = await t.db.pool.query(
    `SELECT count(*)::int AS n FROM notices n JOIN municipalities m ON m.id = n.municipality_id
      WHERE m.slug = 'nabo' AND n.status = 'letter'`,
  );
  return rows[0].n;
}
