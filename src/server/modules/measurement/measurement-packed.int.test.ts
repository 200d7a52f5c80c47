import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessableChildren,
  createMeasurementFixture,
  type TMeasurementFixture,
  writeJoint,
} from '../../../../tests/fixtures/measurement-data.ts';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { decodeMeasurement } from '../../../shared/measurement-wire.ts';
import { ZMeasurementQuery } from '../../../shared/schemas/measurement.ts';
import type { TRawCells } from './raw-cells.ts';
import { selectCells } from './select-cells.ts';
import { selectPackedCells } from './select-packed-cells.ts';

/**
 * The packed rows (measurement_unit_packed, one per period and unit, kept by triggers on
 * measurement_unit_cells) against the cells they pack, and the endpoint reading them against the same
 * figures read cell by cell.
 */
let t: TTestApp;
let analyst: TSession;
let m: string;
let children: { id: string; unitId: string }[];
let fixture: TMeasurementFixture;

interface TPackedCell {
  n: number;
  sumX: number;
  sumX2: number;
  sumRisk: number;
}

/** The format written by measurement_unit_packed_rebuild (migration 0014), decoded the plain way. */
function unpack(bytes: Buffer): Map<string, TPackedCell> {
  const cells = new Map<string, TPackedCell>();
  let at = 0;
  while (at < bytes.length) {
    const length = bytes.readInt16BE(at);
    const theme = bytes.toString('utf8', at + 2, at + 2 + length);
    at += 2 + length;
    cells.set(theme, {
      n: bytes.readInt32BE(at),
      sumX: bytes.readDoubleBE(at + 4),
      sumX2: bytes.readDoubleBE(at + 12),
      sumRisk: bytes.readDoubleBE(at + 20),
    });
    at += 28;
  }
  return cells;
}

/** Every packed row equals the cells (n > 0) of its period and unit, and every such cell is packed. */
async function expectPackedMatchesCells() {
  const packed = await t.db.pool.query(
    'SELECT period, unit_id, cells FROM measurement_unit_packed WHERE municipality_id = $1',
    [m],
  );
  const fromPacked = new Map<string, TPackedCell>();
  for (const r of packed.rows)
    for (const [theme, cell] of unpack(r.cells)) fromPacked.set(`${r.period}|${r.unit_id}|${theme}`, cell);
  const cells = await t.db.pool.query(
    `SELECT period || '|' || unit_id || '|' || theme_key AS key, n, sum_x, sum_x2, sum_risk
       FROM measurement_unit_cells WHERE municipality_id = $1 AND n > 0`,
    [m],
  );
  expect(fromPacked.size).toBe(cells.rows.length);
  for (const c of cells.rows) {
    expect(fromPacked.get(c.key)).toEqual({ n: c.n, sumX: c.sum_x, sumX2: c.sum_x2, sumRisk: c.sum_risk });
  }
}

beforeAll(async () => {
  t = await startTestApp({ children: 120 });
  analyst = await t.login('analyst@demo.beskyt.test');
  m = analyst.user.municipality.id;
  children = await assessableChildren(t.db, m);
  fixture = await createMeasurementFixture(t.db, m, [...new Set(children.map((c) => c.unitId))], '2018H1');
});
afterAll(() => t.close());

describe('measurement_unit_packed', () => {
  it('packs exactly the cells over random sequences of joint assessments', async () => {
    await expectPackedMatchesCells();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            child: fc.nat({ max: children.length - 1 }),
            present: fc.nat({ max: 63 }),
            known: fc.nat({ max: 63 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        async (writes) => {
          for (const w of writes) {
            const child = children[w.child] as { id: string; unitId: string };
            await writeJoint(t.db, m, fixture, child, w.present, w.known, analyst.user.id);
          }
          await expectPackedMatchesCells();
        },
      ),
      { numRuns: 12 },
    );
  });

  it('keeps both of two concurrent changes to different themes of one period and unit', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT period, unit_id, theme_key FROM measurement_unit_cells
        WHERE municipality_id = $1 AND n > 0 ORDER BY period, unit_id, theme_key LIMIT 2`,
      [m],
    );
    const [a, b] = rows;
    expect(b?.unit_id).toBe(a?.unit_id);
    const first = await t.db.pool.connect();
    const second = await t.db.pool.connect();
    const bump = (c: pg.PoolClient, r: typeof a) =>
      c.query(
        `UPDATE measurement_unit_cells SET sum_risk = sum_risk + 1000
          WHERE municipality_id = $1 AND period = $2 AND unit_id = $3 AND theme_key = $4`,
        [m, r.period, r.unit_id, r.theme_key],
      );
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      await bump(first, a);
      // The second writer's trigger waits for the first writer's lock on the packed row's key …
      const waiting = bump(second, b);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query('COMMIT');
      await waiting;
      await second.query('COMMIT');
    } finally {
      first.release();
      second.release();
    }
    // … and packs after the first committed, so neither change is lost.
    await expectPackedMatchesCells();
    const packed = await t.db.pool.query(
      'SELECT cells FROM measurement_unit_packed WHERE municipality_id = $1 AND period = $2 AND unit_id = $3',
      [m, a.period, a.unit_id],
    );
    const cells = unpack(packed.rows[0].cells);
    expect(cells.get(a.theme_key)?.sumRisk).toBeGreaterThanOrEqual(1000);
    expect(cells.get(b.theme_key)?.sumRisk).toBeGreaterThanOrEqual(1000);
    // The coarse cells again equal the finer ones they sum, for the tests after this one.
    await t.db.pool.query(
      `UPDATE measurement_unit_cells SET sum_risk = sum_risk - 1000
        WHERE municipality_id = $1 AND period = $2 AND unit_id = $3 AND theme_key = ANY($4)`,
      [m, a.period, a.unit_id, [a.theme_key, b.theme_key]],
    );
    await expectPackedMatchesCells();
  });
});

/** The cells of a theme × unit × period query read both ways, each cell as keys and sums, in key order. */
async function bothReads(search: { themes?: string; districtIds?: string }, units: string[] | null) {
  const query = ZMeasurementQuery.parse({ groupBy: 'theme,unit,period', ...search });
  const plain = (cells: TRawCells) =>
    Array.from(cells.n, (n, i) => ({
      keys: cells.dims.map(
        (d, di) => `${d}=${(cells.keys[di] as string[])[(cells.at[di] as Int32Array)[i] as number]}`,
      ),
      n,
      sum: cells.sum[i],
      sumSq: cells.sumSq[i],
      sumRisk: cells.sumRisk[i],
      population: cells.population[i],
    })).sort((a, b) => a.keys.join().localeCompare(b.keys.join()));
  return t.db.tenantRead(m, async (q) => {
    const codes = (await q.query('SELECT code FROM policy_themes WHERE municipality_id = $1', [m])).rows;
    const themes = query.themes ?? ['all', ...codes.map((r) => r.code as string)];
    return {
      packed: plain(
        await selectPackedCells(q, m, query, query.groupBy, new Set(themes), query.periods, units),
      ),
      byCell: plain(
        await selectCells(q, m, query, query.groupBy, query.themes ?? null, query.periods, units),
      ),
    };
  });
}

describe('GET /api/v1/measurement by theme × unit × period', () => {
  it('reads from the packed rows the same cells and sums as from the cells one by one', async () => {
    for (const child of children)
      await writeJoint(t.db, m, fixture, child, 0b011010, 0b111111, analyst.user.id);
    for (const search of [{}, { themes: 'all,m-a' }]) {
      const { packed, byCell } = await bothReads(search, null);
      expect(packed.length).toBeGreaterThan(20);
      expect(packed).toEqual(byCell);
    }
    const answer = decodeMeasurement(
      (await t.as(analyst, 'GET', '/api/v1/measurement?groupBy=period,unit,theme')).json(),
    );
    expect(answer.rows.some((r) => r.suppressed === null)).toBe(true);
    expect(answer.rows.some((r) => r.suppressed !== null)).toBe(true);
  });

  it('shows a unit leader only the units they lead, as the cells would', async () => {
    const leader = await t.login('unitLeader@demo.beskyt.test');
    const own = [...new Set(leader.user.roles?.map((r) => r.unitId ?? '').filter(Boolean))];
    const res = await t.as(leader, 'GET', '/api/v1/measurement?groupBy=theme,unit,period');
    expect(res.statusCode).toBe(200);
    const answer = decodeMeasurement(res.json());
    expect(answer.rows.length).toBeGreaterThan(0);
    for (const row of answer.rows) expect(own.includes(row.keys.unit ?? '')).toBe(true);
    const { packed, byCell } = await bothReads({}, own);
    expect(packed).toEqual(byCell);
  });

  it('filters by district as the cells would', async () => {
    const { rows } = await t.db.pool.query(
      'SELECT DISTINCT u.district_id FROM units u WHERE u.municipality_id = $1 AND u.id = ANY($2::uuid[]) LIMIT 1',
      [m, fixture.unitIds],
    );
    const district = rows[0].district_id as string;
    const { packed, byCell } = await bothReads({ districtIds: district }, null);
    expect(packed.length).toBeGreaterThan(0);
    expect(packed).toEqual(byCell);
    const inDistrict = new Set(
      (await t.db.pool.query('SELECT id FROM units WHERE district_id = $1', [district])).rows.map(
        (r) => r.id,
      ),
    );
    const answer = decodeMeasurement(
      (
        await t.as(analyst, 'GET', `/api/v1/measurement?groupBy=unit,theme,period&districtIds=${district}`)
      ).json(),
    );
    expect(answer.rows.length).toBeGreaterThan(0);
    for (const row of answer.rows) expect(inDistrict.has(row.keys.unit)).toBe(true);
  });

  it('never shows Nabo Kommune a unit of Demo Kommune', async () => {
    const nabo = await t.login('analyst@nabo.beskyt.test');
    const res = await t.as(nabo, 'GET', '/api/v1/measurement?groupBy=theme,unit,period');
    expect(res.statusCode).toBe(200);
    const { rows } = await t.db.pool.query('SELECT id FROM units WHERE municipality_id = $1', [m]);
    const demoUnits = new Set(rows.map((r) => r.id as string));
    const answer = decodeMeasurement(res.json());
    expect(answer.rows.length).toBeGreaterThan(0);
    for (const row of answer.rows) expect(demoUnits.has(row.keys.unit ?? '')).toBe(false);
  });
});
