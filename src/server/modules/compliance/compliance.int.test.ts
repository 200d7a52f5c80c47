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

  it('never lets the municipality row give a hidden team mean away: hidden ones come in twos or more', async () => {
    const manager = await t.login('caseworkManager@demo.beskyt.test');
    // Every quarter since the demo began, and the whole span: any period a manager could ask.
    const periods: [string, string][] = [[from, to]];
    for (let y = 2024; y <= 2027; y++)
      for (const [a, b] of [
        ['01-01', '03-31'],
        ['04-01', '06-30'],
        ['07-01', '09-30'],
        ['10-01', '12-31'],
      ])
        periods.push([`${y}-${a}`, `${y}-${b}`]);
    let hiddenSeen = 0;
    for (const [f, e] of periods) {
      const body = (await t.as(manager, 'GET', `/api/v1/compliance?from=${f}&to=${e}`)).json();
      const [all, ...teams] = body.rows as { protective: { n: number; meanChange: number | null } }[];
      const withChildren = teams.filter((r) => r.protective.n > 0);
      const hidden = withChildren.filter((r) => r.protective.meanChange === null);
      hiddenSeen += hidden.length;
      // One hidden mean beside a shown total is the total's sum less the shown teams' sums.
      if (all?.protective.meanChange !== null) expect(hidden.length, `${f}–${e}`).not.toBe(1);
      for (const r of hidden) expect(r.protective).toMatchObject({ suppressed: true });
    }
    expect(hiddenSeen).toBeGreaterThan(0);
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
