import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

let t: TTestApp;
let demoId: string;
const from = '2020-01-01';
const to = '2035-12-31';

beforeAll(async () => {
  t = await startTestApp({ children: 120 });
  demoId = (await t.db.pool.query("SELECT id FROM municipalities WHERE slug = 'demo'")).rows[0].id;
});
afterAll(() => t.close());

describe('process compliance', () => {
  it('counts § 20 assessments, plans and follow-ups per team and for the municipality as the case data says', async () => {
    const manager = await t.login('caseworkManager@demo.beskyt.test');
    const res = await t.as(manager, 'GET', `/api/v1/compliance?from=${from}&to=${to}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows[0]).toMatchObject({ scope: 'municipality', name: 'Demo Kommune' });
    const expected = (
      await t.db.pool.query(
        `SELECT count(*) FILTER (WHERE assessment_completed_on IS NOT NULL OR assessment_due_on < current_date)::int AS total,
                count(*) FILTER (WHERE assessment_completed_on <= assessment_due_on)::int AS on_time
           FROM cases WHERE municipality_id = $1`,
        [demoId],
      )
    ).rows[0];
    expect(body.rows[0].assessment).toMatchObject({ total: expected.total, onTime: expected.on_time });
    expect(body.rows[0].assessment.share).toBeCloseTo(expected.on_time / expected.total);
    const teams = body.rows.filter((r: { scope: string }) => r.scope === 'team');
    const sum = (k: string) =>
      teams.reduce((a: number, r: Record<string, { total: number }>) => a + (r[k]?.total ?? 0), 0);
    expect(sum('assessment')).toBe(expected.total);
    expect(sum('plan')).toBe(body.rows[0].plan.total);
    expect(sum('followUp')).toBe(body.rows[0].followUp.total);
    expect(body.rows[0].followUp.total).toBeGreaterThan(0);
    for (const r of teams) {
      if (r.protective.n < 5) expect(r.protective).toMatchObject({ meanChange: null, suppressed: true });
    }
  });

  it('exports XLSX, refuses a period ending before it starts, and other roles', async () => {
    const analyst = await t.login('analyst@demo.beskyt.test');
    const file = await t.as(analyst, 'GET', `/api/v1/compliance/export?from=${from}&to=${to}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const bad = await t.as(analyst, 'GET', `/api/v1/compliance?from=2027-02-01&to=2027-01-01`);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['to']);
    const caseworker = await t.login('caseworker@demo.beskyt.test');
    expect((await t.as(caseworker, 'GET', `/api/v1/compliance?from=${from}&to=${to}`)).statusCode).toBe(403);
  });
});
