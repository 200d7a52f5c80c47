import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessableChildren,
  createMeasurementFixture,
  type TMeasurementFixture,
  writeJoint,
} from '../../../../tests/fixtures/measurement-data.ts';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { cellOf, MIN_CELL, popcount, summarise } from '../../../domain/measurement/index.ts';
import { decodeMeasurement } from '../../../shared/measurement-wire.ts';

/**
 * The dashboard's fast path (measurement_unit_cells, kept by triggers on measurement_cells, read by
 * GET /api/v1/measurement) against a plain recomputation: from a model of the writes, and in SQL from the
 * assessments themselves.
 */
let t: TTestApp;
let analyst: TSession;
let m: string;
let children: { id: string; unitId: string }[];
let fixture: TMeasurementFixture;
/** The model: each child's latest joint assessment in the fixture's period, as written. */
const latest = new Map<string, { unitId: string; present: number; known: number }>();

const THEME_BITS: Record<string, { protective: number; risk: number }> = {
  all: { protective: 0b001111, risk: 0b110000 },
  'm-a': { protective: 0b000011, risk: 0b010000 },
  'm-b': { protective: 0b001100, risk: 0b100000 },
};
const bits = (mask: number) => popcount(BigInt(mask));

/** Per unit and theme: the children's shares and risk loads, recomputed from the model. */
function expectedCells(): Map<string, { xs: number[]; risks: number[] }> {
  const cells = new Map<string, { xs: number[]; risks: number[] }>();
  for (const { unitId, present, known } of latest.values()) {
    for (const [theme, b] of Object.entries(THEME_BITS)) {
      const assessed = bits(known & b.protective);
      if (assessed === 0) continue;
      const key = `${unitId}|${theme}`;
      const cell = cells.get(key) ?? { xs: [], risks: [] };
      cell.xs.push(bits(present & known & b.protective) / assessed);
      cell.risks.push(bits(present & known & b.risk));
      cells.set(key, cell);
    }
  }
  return cells;
}

async function rollupCells() {
  const { rows } = await t.db.pool.query(
    `SELECT unit_id || '|' || theme_key AS key, n, sum_x, sum_x2, sum_risk
       FROM measurement_unit_cells WHERE municipality_id = $1 AND period = $2 AND n <> 0`,
    [m, fixture.period],
  );
  return new Map(rows.map((r) => [r.key as string, r]));
}

async function expectRollupMatchesModel() {
  const expected = expectedCells();
  const actual = await rollupCells();
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, e] of expected) {
    const a = actual.get(key);
    const plain = cellOf(e.xs);
    expect(a?.n).toBe(plain.n);
    expect(a?.sum_x).toBeCloseTo(plain.sum, 9);
    expect(a?.sum_x2).toBeCloseTo(plain.sumSq, 9);
    expect(a?.sum_risk).toBeCloseTo(
      e.risks.reduce((s, r) => s + r, 0),
      9,
    );
  }
}

async function write(child: { id: string; unitId: string }, present: number, known: number) {
  await writeJoint(t.db, m, fixture, child, present, known, analyst.user.id);
  latest.set(child.id, { unitId: child.unitId, present: present & known, known });
}

beforeAll(async () => {
  t = await startTestApp({ children: 120 });
  analyst = await t.login('analyst@demo.beskyt.test');
  m = analyst.user.municipality.id;
  children = await assessableChildren(t.db, m);
  fixture = await createMeasurementFixture(t.db, m, [...new Set(children.map((c) => c.unitId))], '2018H1');
});
afterAll(() => t.close());

describe('the dashboard rollup (measurement_unit_cells)', () => {
  it('stays equal to a recomputation from the writes over random sequences of joint assessments', async () => {
    expect(children.length).toBeGreaterThan(20);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            child: fc.nat({ max: children.length - 1 }),
            present: fc.nat({ max: 63 }),
            known: fc.nat({ max: 63 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (writes) => {
          for (const w of writes)
            await write(children[w.child] as { id: string; unitId: string }, w.present, w.known);
          await expectRollupMatchesModel();
        },
      ),
      { numRuns: 15 },
    );
  });

  it('equals the finer cells summed, and a plain recomputation from the assessments', async () => {
    const { rows } = await t.db.pool.query(
      `WITH fine AS (
         SELECT period, unit_id, theme_key, sum(n)::int AS n, sum(sum_x) AS sx, sum(sum_x2) AS sx2, sum(sum_risk) AS sr
           FROM measurement_cells WHERE municipality_id = $1 GROUP BY 1, 2, 3),
       plain AS (
         SELECT r.period, a.unit_id, th.key AS theme_key, count(*)::int AS n,
                sum(bit_count((a.present_mask & th.p)::bit(64))::float8 / bit_count((a.known_mask & th.p)::bit(64))) AS sx,
                sum((bit_count((a.present_mask & th.p)::bit(64))::float8 / bit_count((a.known_mask & th.p)::bit(64))) ^ 2) AS sx2,
                sum(bit_count((a.present_mask & th.r)::bit(64)))::float8 AS sr
           FROM assessments a
           JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
           CROSS JOIN (VALUES ('all', 15::bigint, 48::bigint), ('m-a', 3, 16), ('m-b', 12, 32)) th(key, p, r)
          WHERE a.municipality_id = $1 AND a.mode = 'joint' AND a.round_id = $2
            AND bit_count((a.known_mask & th.p)::bit(64)) > 0
          GROUP BY 1, 2, 3)
       SELECT u.period, u.unit_id, u.theme_key, u.n, u.sum_x, u.sum_x2, u.sum_risk,
              f.n AS fn, f.sx AS fsx, f.sx2 AS fsx2, f.sr AS fsr,
              p.n AS pn, p.sx AS psx, p.sx2 AS psx2, p.sr AS psr
         FROM (SELECT * FROM measurement_unit_cells WHERE municipality_id = $1 AND n <> 0) u
         FULL JOIN fine f USING (period, unit_id, theme_key)
         LEFT JOIN plain p USING (period, unit_id, theme_key)
        WHERE coalesce(u.n, 0) <> 0 OR coalesce(f.n, 0) <> 0`,
      [m, fixture.roundId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.n).toBe(r.fn);
      expect(r.sum_x).toBeCloseTo(r.fsx, 9);
      expect(r.sum_x2).toBeCloseTo(r.fsx2, 9);
      expect(r.sum_risk).toBeCloseTo(r.fsr, 9);
      if (r.period === fixture.period) {
        expect(r.n).toBe(r.pn);
        expect(r.sum_x).toBeCloseTo(r.psx, 9);
        expect(r.sum_x2).toBeCloseTo(r.psx2, 9);
        expect(r.sum_risk).toBeCloseTo(r.psr, 9);
      }
    }
  });

  it('holds the population per unit as the finer population summed', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT u.children, f.children AS expected
         FROM measurement_unit_population u
         FULL JOIN (SELECT municipality_id, period, unit_id, sum(children)::int AS children
                      FROM measurement_population GROUP BY 1, 2, 3) f USING (municipality_id, period, unit_id)`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.children).toBe(r.expected);
  });
});

describe('GET /api/v1/measurement through the rollup', () => {
  it('answers theme × unit with the figures and hidden cells of a plain recomputation', async () => {
    // Enough children in some units for shown cells.
    for (const child of children) if (!latest.has(child.id)) await write(child, 0b011010, 0b111111);
    const res = await t.as(
      analyst,
      'GET',
      `/api/v1/measurement?groupBy=theme,unit,period&periods=${fixture.period}&themes=all,m-a,m-b`,
    );
    expect(res.statusCode).toBe(200);
    const { rows } = decodeMeasurement(res.json());
    const expected = expectedCells();
    // A cell is left out only when it lies inside a small cell (its district's or the municipality's).
    const listed = new Set(rows.map((r) => `${r.keys.unit}|${r.keys.theme}`));
    for (const [key, cell] of expected) if (!listed.has(key)) expect(cell.xs.length).toBeLessThan(MIN_CELL);
    const { rows: pop } = await t.db.pool.query(
      'SELECT unit_id, children FROM measurement_unit_population WHERE municipality_id = $1 AND period = $2',
      [m, fixture.period],
    );
    const population = new Map(pop.map((r) => [r.unit_id as string, r.children as number]));
    for (const row of rows) {
      const cell = expected.get(`${row.keys.unit}|${row.keys.theme}`);
      expect(cell).toBeDefined();
      if (!cell) continue;
      if (cell.xs.length < MIN_CELL) expect(row.suppressed).toBe('primary');
      if (row.suppressed !== null) {
        expect(row.summary).toBeNull();
        continue;
      }
      const pop = population.get(row.keys.unit ?? '');
      const plain = summarise(cellOf(cell.xs), pop === undefined || pop < cell.xs.length ? undefined : pop);
      expect(row.summary?.n).toBe(plain.n);
      expect(row.summary?.mean).toBeCloseTo(plain.mean ?? Number.NaN, 4);
      expect(row.summary?.ci95?.[0]).toBeCloseTo(plain.ci95?.[0] ?? Number.NaN, 4);
      expect(row.summary?.ci95?.[1]).toBeCloseTo(plain.ci95?.[1] ?? Number.NaN, 4);
      if (plain.coverage === null) expect(row.summary?.coverage).toBeNull();
      else expect(row.summary?.coverage).toBeCloseTo(plain.coverage, 4);
      expect(row.riskLoad).toBeCloseTo(cell.risks.reduce((s, r) => s + r, 0) / cell.risks.length, 4);
    }
  });

  it('groups by gender when a filter names several genders, and adds nothing up (decision 022)', async () => {
    const url = `groupBy=theme,unit&periods=${fixture.period}&themes=all`;
    const coarse = decodeMeasurement((await t.as(analyst, 'GET', `/api/v1/measurement?${url}`)).json());
    const fine = decodeMeasurement(
      (await t.as(analyst, 'GET', `/api/v1/measurement?${url}&genders=female,male,other`)).json(),
    );
    expect(fine.groupBy).toEqual(['theme', 'unit', 'gender']);
    // A unit's shown genders never hold more children than the unit; where all are shown they add up to it.
    for (const unit of coarse.rows) {
      const parts = fine.rows.filter((r) => r.keys.unit === unit.keys.unit);
      if (!unit.summary || parts.length === 0) continue;
      const shown = parts.reduce((n, r) => n + (r.summary?.n ?? 0), 0);
      if (parts.every((r) => r.summary)) expect(shown).toBe(unit.summary.n);
      else expect(shown).toBeLessThan(unit.summary.n);
    }
    expect(fine.rows.length).toBeGreaterThan(0);
    // One gender selects that gender's cells: the same cells as in the grouping by gender.
    const girls = decodeMeasurement(
      (await t.as(analyst, 'GET', `/api/v1/measurement?${url}&genders=female`)).json(),
    );
    expect(girls.groupBy).toEqual(['theme', 'unit']);
    expect(girls.rows.map((r) => [r.keys, r.summary?.n ?? null, r.suppressed])).toEqual(
      fine.rows
        .filter((r) => r.keys.gender === 'female')
        .map((r) => [r.keys, r.summary?.n ?? null, r.suppressed]),
    );
  });
});
