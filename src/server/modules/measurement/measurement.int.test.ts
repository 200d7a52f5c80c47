import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMeasurementFixture,
  enrolForPeriod,
  TEST_FACTORS,
  type TMeasurementFixture,
  writeJoint,
} from '../../../../tests/fixtures/measurement-data.ts';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { popcount } from '../../../domain/measurement/index.ts';
import { decodeMeasurement } from '../../../shared/measurement-wire.ts';

const decoded = (res: { json(): unknown }) => decodeMeasurement(res.json() as never);

let t: TTestApp;
let analyst: TSession;
let leader: TSession;
let demoId: string;
let children: { id: string; unitId: string; lastName: string }[];
let fixture: TMeasurementFixture;
let baseline: TMeasurementFixture;

// Deterministic pseudo-random masks over the six test factors.
let seed = 42;
const next = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed;
};

beforeAll(async () => {
  t = await startTestApp({ children: 200 });
  analyst = await t.login('analyst@demo.beskyt.test');
  leader = await t.login('unitLeader@demo.beskyt.test');
  demoId = analyst.user.municipality.id;
  const { rows } = await t.db.pool.query(
    `SELECT DISTINCT ON (c.id) c.id, e.unit_id AS "unitId", c.last_name AS "lastName"
       FROM children c JOIN enrolments e ON e.municipality_id = c.municipality_id AND e.child_id = c.id
       JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
      WHERE c.municipality_id = $1 AND u.kind IN ('school', 'daycare') AND c.birth_date < '2020-01-01'
        AND e.to_date IS NULL ORDER BY c.id, e.from_date`,
    [demoId],
  );
  children = rows;
  const unitIds = [...new Set(children.map((c) => c.unitId))];
  fixture = await createMeasurementFixture(t.db, demoId, unitIds, '2024H1');
  baseline = await createMeasurementFixture(t.db, demoId, unitIds, '2023H2').catch(async () => {
    // The themes exist already: the second fixture only needs its own round.
    const { rows: r } = await t.db.pool.query(
      `INSERT INTO assessment_rounds (municipality_id, name, period, opens_on, closes_on, catalogue_id)
       VALUES ($1, 'Målingstest 2023H2', '2023H2', '2023-08-01', '2023-11-30', $2) RETURNING id`,
      [demoId, fixture.catalogueId],
    );
    for (const u of unitIds) {
      await t.db.pool.query(
        'INSERT INTO round_units (municipality_id, round_id, unit_id) VALUES ($1, $2, $3)',
        [demoId, r[0].id, u],
      );
    }
    return { ...fixture, roundId: r[0].id, period: '2023H2' };
  });
  // Counted only where enrolled on each period's reference date (docs/measurement.md).
  for (const f of [fixture, baseline])
    await t.db.tenant(demoId, (q) => enrolForPeriod(q, demoId, children, f.period));
  for (const child of children) {
    await writeJoint(t.db, demoId, fixture, child, next() % 64, 63 - (next() % 4), analyst.user.id);
    await writeJoint(t.db, demoId, baseline, child, next() % 16, 63, analyst.user.id);
  }
  // A second opinion for a third of the children: the rollup must replace, not add.
  for (const child of children.filter((_, i) => i % 3 === 0)) {
    await writeJoint(t.db, demoId, fixture, child, next() % 64, 63, analyst.user.id);
  }
});
afterAll(() => t.close());

describe('measurement rollup', () => {
  it('keeps every cell equal to a plain recomputation from the contributions', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT c.period, c.unit_id, c.age_band, c.gender, c.theme_key, c.n, c.sum_x, c.sum_x2, r.n AS rn, r.sx, r.sx2
         FROM measurement_cells c
         FULL JOIN (SELECT period, unit_id, age_band, gender, theme_key, count(*)::int AS n, sum(x) AS sx, sum(x * x) AS sx2
                      FROM measurement_contributions WHERE municipality_id = $1 GROUP BY 1, 2, 3, 4, 5) r
           USING (period, unit_id, age_band, gender, theme_key)
        WHERE c.municipality_id = $1 OR c.municipality_id IS NULL`,
      [demoId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.n).toBe(r.rn ?? 0);
      if (r.n > 0) {
        expect(r.sum_x).toBeCloseTo(r.sx, 9);
        expect(r.sum_x2).toBeCloseTo(r.sx2, 9);
      }
    }
  });

  it('gives each child exactly the share its latest joint assessment says, overall and per theme', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT a.child_id, a.present_mask::text AS present, a.known_mask::text AS known, mc.theme_key, mc.x
         FROM assessments a JOIN measurement_contributions mc
           ON mc.municipality_id = a.municipality_id AND mc.assessment_id = a.id
        WHERE a.municipality_id = $1 AND a.round_id = $2`,
      [demoId, fixture.roundId],
    );
    expect(rows.length).toBeGreaterThan(children.length);
    const bits = (predicate: (f: (typeof TEST_FACTORS)[number]) => boolean) =>
      TEST_FACTORS.filter(predicate).reduce((m, f) => m | (1n << BigInt(f.bit)), 0n);
    for (const r of rows) {
      const select = bits(
        (f) => f.kind === 'protective' && (r.theme_key === 'all' || f.theme === r.theme_key),
      );
      const present = BigInt(r.present) & BigInt(r.known);
      expect(r.x).toBeCloseTo(popcount(present & select) / popcount(BigInt(r.known) & select), 12);
    }
  });
});

describe('GET /api/v1/measurement', () => {
  it('answers an analyst with means, intervals, n and coverage — and hides small cells with their complements', async () => {
    const res = await t.as(
      analyst,
      'GET',
      '/api/v1/measurement?groupBy=theme,unit&periods=2024H1&themes=all,m-a,m-b',
    );
    expect(res.statusCode).toBe(200);
    const body = decoded(res);
    expect(body.definition.protectiveShare?.text).toMatch(/beskyttelsesfaktor/i);
    const slices = new Map<string, { hidden: number; rows: number }>();
    for (const row of body.rows) {
      if (row.summary) {
        expect(row.summary.n).toBeGreaterThanOrEqual(5);
        expect(row.summary.ci95?.[0]).toBeLessThanOrEqual(row.summary.mean ?? Number.NaN);
        expect(row.summary.coverage).toBeGreaterThan(0);
        expect(row.summary.coverage).toBeLessThanOrEqual(1);
      } else {
        expect(['primary', 'complementary']).toContain(row.suppressed);
      }
      const s = slices.get(row.keys.theme ?? '') ?? { hidden: 0, rows: 0 };
      s.rows += 1;
      s.hidden += row.summary ? 0 : 1;
      slices.set(row.keys.theme ?? '', s);
    }
    // The total of a theme is published; one hidden unit could be recomputed from it.
    for (const s of slices.values()) expect(s.hidden).not.toBe(1);
    // Aggregates only: not one child is identifiable in the answer.
    for (const child of children) expect(res.body).not.toContain(child.id);
  });

  it('marks a change against the baseline as significant only when the intervals part', async () => {
    const res = await t.as(
      analyst,
      'GET',
      '/api/v1/measurement?groupBy=theme&periods=2024H1&baselinePeriod=2023H2',
    );
    type TRow = {
      keys: { theme?: string };
      summary: { ci95: [number, number] | null; mean: number } | null;
      baseline: { n: number; ci95: [number, number] | null; mean: number } | null;
      change: { significant: boolean; delta: number } | null;
    };
    // Every theme shown in both periods: which ones the protected cube shows depends on how the random
    // ids order the units (a slice whose small cells cannot be protected one by one hides everything).
    const rows = (decoded(res).rows as never as TRow[]).filter(
      (r) => r.summary?.ci95 && r.baseline?.ci95 && r.change,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [lo, hi] = (row.summary as { ci95: [number, number] }).ci95;
      const [blo, bhi] = (row.baseline as { ci95: [number, number] }).ci95;
      const change = row.change as { significant: boolean; delta: number };
      if (row.keys.theme === 'all') expect(row.baseline?.n).toBe(children.length);
      // The wire rounds each bound to ten-thousandths; bounds that close cannot say which side they lie on.
      const touching = Math.abs(lo - bhi) <= 1e-4 || Math.abs(hi - blo) <= 1e-4;
      if (!touching) expect(change.significant, row.keys.theme).toBe(lo > bhi || hi < blo);
      // Figures travel in ten-thousandths, each rounded on its own.
      expect(change.delta).toBeCloseTo((row.summary?.mean ?? 0) - (row.baseline?.mean ?? 0), 3);
    }
  });

  it('shows a unit leader only the units they lead, and refuses a professional', async () => {
    const own = new Set(leader.user.roles?.map((r) => r.unitId));
    const res = await t.as(leader, 'GET', '/api/v1/measurement?groupBy=unit&periods=2024H1');
    expect(res.statusCode).toBe(200);
    for (const row of decoded(res).rows) expect(own.has(row.keys.unit ?? null)).toBe(true);
    const professional = await t.login('professional@demo.beskyt.test');
    expect((await t.as(professional, 'GET', '/api/v1/measurement')).statusCode).toBe(403);
    // Refused before the question is read: a bad one tells a professional nothing more (decision 021).
    const bad = await t.as(professional, 'GET', '/api/v1/measurement/export?groupBy=nonsense');
    expect(bad.statusCode, bad.body).toBe(403);
  });

  it('never shows Nabo Kommune anything of Demo Kommune', async () => {
    const nabo = await t.login('analyst@nabo.beskyt.test');
    const res = await t.as(nabo, 'GET', '/api/v1/measurement?groupBy=unit&periods=2024H1');
    expect(decoded(res).rows).toEqual([]);
  });

  it('names the asked periods that have no joint assessment yet', async () => {
    const res = await t.as(analyst, 'GET', '/api/v1/measurement?groupBy=theme&periods=2024H1,2031H2');
    expect(res.statusCode).toBe(200);
    const wire = res.json();
    expect(wire.periodsWithoutAssessments).toEqual(['2031H2']);
    expect(wire.groupBy).toEqual(['theme', 'period']);
    expect(decoded(res).rows.every((r) => r.keys.period === '2024H1')).toBe(true);
  });

  it('names a grouping it cannot make', async () => {
    const res = await t.as(analyst, 'GET', '/api/v1/measurement?groupBy=unit,district');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.groupBy).toBeTruthy();
  });

  it('exports the same figures with the same cells hidden', async () => {
    const url = 'groupBy=theme,unit&periods=2024H1&themes=all';
    const screen = decoded(await t.as(analyst, 'GET', `/api/v1/measurement?${url}`));
    const csv = (await t.as(analyst, 'GET', `/api/v1/measurement/export?${url}&format=csv`)).body;
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines.length).toBe(screen.rows.length);
    const hiddenOnScreen = screen.rows.filter((r) => !r.summary).length;
    expect(lines.filter((l) => /,(n < 5|for at beskytte en anden celle)$/.test(l)).length).toBe(
      hiddenOnScreen,
    );
    const xlsx = await t.as(analyst, 'GET', `/api/v1/measurement/export?${url}&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
