import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMeasurementFixture,
  type TMeasurementFixture,
} from '../../../../tests/fixtures/measurement-data.ts';
import { startTestApp, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { cellsAgainstAssessments, cellsOverPopulation } from '../../seed/seed-checks.ts';
import { periodsWithoutAssessments } from './periods-without-assessments.ts';
import { referenceDate } from './reference-date.ts';
import { refreshPopulation } from './refresh-population.ts';
import { replaceContribution, replaceContributions } from './replace-contribution.ts';

/**
 * n and coverage on one basis (docs/measurement.md): a child counts in a cell's numerator only through an
 * enrolment on the period's reference date, with its age band that day — the rows its population is
 * counted from — so n never exceeds the population, whatever is written and however enrolments change.
 */
let t: TTestApp;
let m: string;
let authorId: string;
let fixture: TMeasurementFixture;
let secondRoundId: string;
let units: string[];
let kids: { id: string; birthDate: string }[];
const PERIOD = '2017H2';
const REF = referenceDate(PERIOD);
const TAG = 'coverage-test';

const day = (offset: number) => {
  const d = new Date(`${REF}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

async function assess(
  childId: string,
  unitId: string,
  on: string,
  present: number,
  known: number,
  roundId = fixture.roundId,
) {
  const p = present & known;
  const bits = (x: number) => x.toString(2).replaceAll('0', '').length;
  await t.db.tenant(m, async (q) => {
    await q.query(
      `INSERT INTO assessments (municipality_id, round_id, child_id, unit_id, mode, author_id, catalogue_id, assessed_on, position,
                                present_mask, known_mask, protective_present, protective_known, risk_present, risk_known)
       VALUES ($1, $2, $3, $4, 'joint', $5, $6, $7, 'green', $8, $9, $10, $11, $12, $13)
       ON CONFLICT (municipality_id, round_id, child_id) WHERE mode = 'joint' DO UPDATE
         SET unit_id = excluded.unit_id, assessed_on = excluded.assessed_on, present_mask = excluded.present_mask,
             known_mask = excluded.known_mask, protective_present = excluded.protective_present,
             protective_known = excluded.protective_known, risk_present = excluded.risk_present,
             risk_known = excluded.risk_known, updated_at = now()`,
      [
        m,
        roundId,
        childId,
        unitId,
        authorId,
        fixture.catalogueId,
        on,
        p,
        known,
        bits(p & 0b1111),
        bits(known & 0b1111),
        bits(p & 0b110000),
        bits(known & 0b110000),
      ],
    );
    await replaceContribution(q, m, childId, PERIOD);
  });
}

async function enrol(childId: string, unitId: string, from: string, to: string | null) {
  await t.db.pool.query(
    `INSERT INTO enrolments (municipality_id, child_id, unit_id, group_name, from_date, to_date) VALUES ($1, $2, $3, $4, $5, $6)`,
    [m, childId, unitId, TAG, from, to],
  );
}

const refresh = () => t.db.tenant(m, (q) => refreshPopulation(q, m, PERIOD));

/** Back to no test assessments and no test enrolments, the cells emptied the way the app would. */
async function reset() {
  await t.db.tenant(m, async (q) => {
    await q.query('DELETE FROM assessments WHERE municipality_id = $1 AND round_id = ANY($2::uuid[])', [
      m,
      [fixture.roundId, secondRoundId],
    ]);
    await replaceContributions(
      q,
      m,
      kids.map((k) => k.id),
      PERIOD,
    );
    await q.query('DELETE FROM enrolments WHERE municipality_id = $1 AND group_name = $2', [m, TAG]);
    await refreshPopulation(q, m, PERIOD);
  });
}

async function cell(unitId: string, ageBand?: string) {
  const { rows } = await t.db.pool.query(
    `SELECT coalesce(sum(n), 0)::int AS n FROM measurement_cells
      WHERE municipality_id = $1 AND period = $2 AND unit_id = $3 AND theme_key = 'all' AND ($4::text IS NULL OR age_band = $4)`,
    [m, PERIOD, unitId, ageBand ?? null],
  );
  return rows[0].n as number;
}

async function population(unitId: string, ageBand?: string) {
  const { rows } = await t.db.pool.query(
    `SELECT coalesce(sum(children), 0)::int AS n FROM measurement_population
      WHERE municipality_id = $1 AND period = $2 AND unit_id = $3 AND ($4::text IS NULL OR age_band = $4)`,
    [m, PERIOD, unitId, ageBand ?? null],
  );
  return rows[0].n as number;
}

beforeAll(async () => {
  t = await startTestApp({ children: 100 });
  const { rows: users } = await t.db.pool.query(
    "SELECT u.id, u.municipality_id FROM users u WHERE u.email = 'analyst@demo.beskyt.test'",
  );
  m = users[0].municipality_id;
  authorId = users[0].id;
  // No unit in the fixture's round: this file enrols and assesses its own children.
  fixture = await createMeasurementFixture(t.db, m, [], PERIOD);
  const second = await t.db.pool.query(
    `INSERT INTO assessment_rounds (municipality_id, name, period, opens_on, closes_on, catalogue_id)
     VALUES ($1, 'Målingstest 2017H2 b', $2, '2017-10-01', '2017-12-15', $3) RETURNING id`,
    [m, PERIOD, fixture.catalogueId],
  );
  secondRoundId = second.rows[0].id;
  const { rows: u } = await t.db.pool.query(
    `SELECT id FROM units WHERE municipality_id = $1 AND kind IN ('daycare', 'school') ORDER BY id LIMIT 3`,
    [m],
  );
  units = u.map((r) => r.id);
  // Children born 2011–2015: aged 2–6 on the reference date, with no enrolment of the demo's then.
  const { rows: c } = await t.db.pool.query(
    `SELECT c.id, c.birth_date::text AS "birthDate" FROM children c
      WHERE c.municipality_id = $1 AND c.birth_date BETWEEN '2011-01-01' AND '2015-06-30'
        AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
                          AND e.from_date <= '2018-06-30' AND (e.to_date IS NULL OR e.to_date >= '2017-01-01'))
      ORDER BY c.id LIMIT 8`,
    [m],
  );
  kids = c;
});
afterAll(() => t?.close());

describe('one basis for n and population', () => {
  it('holds the reference date in SQL and in TypeScript alike', async () => {
    const periods = ['2017H1', '2017H2', '2024H1', '2031H2'];
    const { rows } = await t.db.pool.query(
      'SELECT measurement_reference_date(p)::text AS d FROM unnest($1::text[]) WITH ORDINALITY AS x(p, i) ORDER BY i',
      [periods],
    );
    expect(rows.map((r) => r.d)).toEqual(periods.map(referenceDate));
    expect(referenceDate('2017H2')).toBe('2017-09-01');
  });

  it('counts a child assessed by another unit where it was enrolled on the reference date', async () => {
    expect(kids.length).toBeGreaterThanOrEqual(4);
    await reset();
    const [u1, u2] = units as [string, string];
    const child = kids[0] as { id: string };
    const others = await population(u1);
    await enrol(child.id, u1, day(-100), null);
    await refresh();
    await assess(child.id, u2, day(30), 0b1111, 0b111111);
    // Before: 1 assessed in u2 against a population of 0 there, and nothing in u1 where it belongs.
    expect(await cell(u2)).toBe(0);
    expect(await cell(u1)).toBe(1);
    expect(await population(u1)).toBe(others + 1);
    expect(await cellsOverPopulation(t.db.pool, m, PERIOD)).toEqual([]);
  });

  it('counts a child enrolled after the reference date in no cell of the period', async () => {
    await reset();
    const [u1] = units as [string];
    const [early, late] = kids as unknown as [{ id: string }, { id: string }];
    const others = await population(u1);
    await enrol(early.id, u1, day(-30), null);
    await enrol(late.id, u1, day(14), null);
    await refresh();
    await assess(early.id, u1, day(40), 0b0011, 0b1111);
    await assess(late.id, u1, day(40), 0b0011, 0b1111);
    // Before: 2 assessed against a population of 1 (beside the unit's other children, not assessed here).
    expect(await population(u1)).toBe(others + 1);
    expect(await cell(u1)).toBe(1);
    expect(await cellsOverPopulation(t.db.pool, m, PERIOD)).toEqual([]);
  });

  it('puts a child in the age band it had on the reference date, as its population does', async () => {
    await reset();
    const [u1] = units as [string];
    const child = kids[1] as { id: string };
    // Three a month after the reference date: 0–2 that day, 3 when assessed.
    await t.db.pool.query('UPDATE children SET birth_date = $3 WHERE municipality_id = $1 AND id = $2', [
      m,
      child.id,
      `${Number(REF.slice(0, 4)) - 3}-10-01`,
    ]);
    const others = await population(u1, '0-2');
    await enrol(child.id, u1, day(-300), null);
    await refresh();
    await assess(child.id, u1, day(60), 0b0101, 0b1111);
    expect(await population(u1, '0-2')).toBe(others + 1);
    expect(await cell(u1, '0-2')).toBe(1);
    expect(await cell(u1, '3-5')).toBe(0);
    expect(await cellsAgainstAssessments(t.db.pool, m, PERIOD)).toEqual([]);
  });

  it('keeps n ≤ population in every cell over random assessments, enrolment changes and refreshes, and equal to a plain recomputation after each refresh', async () => {
    const child = fc.nat({ max: kids.length - 1 });
    const unit = fc.nat({ max: units.length - 1 });
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('assess' as const),
        child,
        unit,
        offset: fc.integer({ min: 20, max: 100 }),
        present: fc.nat({ max: 63 }),
        known: fc.nat({ max: 63 }),
        second: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('enrol' as const),
        child,
        unit,
        from: fc.integer({ min: -200, max: 60 }),
        days: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
      }),
      fc.record({ kind: fc.constant('leave' as const), child, on: fc.integer({ min: -60, max: 60 }) }),
      fc.record({ kind: fc.constant('refresh' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        await reset();
        for (const o of ops) {
          const k = 'child' in o ? (kids[o.child] as { id: string }) : null;
          if (o.kind === 'assess' && k)
            await assess(
              k.id,
              units[o.unit] as string,
              day(o.offset),
              o.present,
              o.known,
              o.second ? secondRoundId : fixture.roundId,
            );
          if (o.kind === 'enrol' && k)
            await enrol(
              k.id,
              units[o.unit] as string,
              day(o.from),
              o.days === null ? null : day(o.from + o.days),
            );
          if (o.kind === 'leave' && k)
            await t.db.pool.query(
              `UPDATE enrolments SET to_date = greatest(from_date, $4::date)
                WHERE municipality_id = $1 AND child_id = $2 AND group_name = $3`,
              [m, k.id, TAG, day(o.on)],
            );
          if (o.kind === 'refresh') {
            await refresh();
            expect(await cellsAgainstAssessments(t.db.pool, m, PERIOD)).toEqual([]);
          }
          expect(await cellsOverPopulation(t.db.pool, m, PERIOD)).toEqual([]);
        }
        await refresh();
        expect(await cellsAgainstAssessments(t.db.pool, m, PERIOD)).toEqual([]);
        expect(await cellsOverPopulation(t.db.pool, m, PERIOD)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});

describe('periodsWithoutAssessments', () => {
  it('names the periods with no joint assessment yet, in the order asked', async () => {
    await reset();
    await t.db.pool.query(
      `INSERT INTO assessment_rounds (municipality_id, name, period, opens_on, closes_on, catalogue_id)
       VALUES ($1, 'Tom runde 2016H2', '2016H2', '2016-09-01', '2016-11-30', $2)`,
      [m, fixture.catalogueId],
    );
    const ask = () => t.db.tenant(m, (q) => periodsWithoutAssessments(q, m, ['2016H2', PERIOD, '2015H1']));
    // A round without assessments, a round not yet assessed, a period with no round at all.
    expect(await ask()).toEqual(['2016H2', PERIOD, '2015H1']);
    const child = kids[2] as { id: string };
    await assess(child.id, units[0] as string, day(30), 1, 1);
    expect(await ask()).toEqual(['2016H2', '2015H1']);
    // Nothing asked, nothing named.
    expect(await t.db.tenant(m, (q) => periodsWithoutAssessments(q, m, []))).toEqual([]);
  });

  it('finds assessments of the demo rounds', async () => {
    const { rows } = await t.db.pool.query(
      "SELECT DISTINCT r.period FROM assessment_rounds r JOIN assessments a ON a.round_id = r.id AND a.mode = 'joint' WHERE r.municipality_id = $1",
      [m],
    );
    expect(rows.length).toBeGreaterThan(0);
    const periods = rows.map((r) => r.period as string);
    expect(await t.db.tenant(m, (q) => periodsWithoutAssessments(q, m, periods))).toEqual([]);
  });
});
