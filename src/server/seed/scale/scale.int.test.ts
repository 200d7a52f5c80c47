import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCpr } from '../../../domain/cpr.ts';
import { createDb, type Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { fillChildProfiles } from '../../jobs/fill-child-profiles.ts';
import { createCprCipher } from '../../modules/children/cpr.ts';
import {
  cellsAgainstAssessments,
  cellsAgainstContributions,
  cellsOverPopulation,
  countsAgainstMasks,
  danglingReferences,
  riskPersistence,
} from '../seed-checks.ts';
import { buildScaleMunicipality, type TScaleResult } from './scale.ts';

// The Copenhagen build at 2,000 children: the same statements as at 110,000, checked row by row.
const ADMIN_URL =
  process.env.TEST_PG_URL ?? inject('pgAdminUrl') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `beskyt_test_scale_${randomBytes(4).toString('hex')}`;
const CHILDREN = 2000;
const cipher = createCprCipher(randomBytes(32).toString('hex'));
let db: Db;
let built: TScaleResult;
let m: string;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function rows<T>(sql: string, params: unknown[] = [m]): Promise<T[]> {
  return (await db.pool.query(sql, params)).rows as T[];
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  db = createDb(url.toString(), { max: 4 });
  await migrate(db);
  built = await buildScaleMunicipality(db, cipher, { children: CHILDREN });
  m = built.id;
});

afterAll(async () => {
  await db?.close();
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
});

describe('the Copenhagen-scale build', () => {
  it('reports what it built, step by step', () => {
    expect(built).toMatchObject({
      created: true,
      slug: 'copenhagen',
      name: 'København (syntetisk)',
      rounds: 10,
    });
    expect(built.children).toBe(CHILDREN);
    expect(built.jointAssessments).toBeGreaterThan(CHILDREN * 10 * 0.85);
    expect(built.steps.length).toBeGreaterThan(5);
    expect(built.totalSeconds).toBeGreaterThan(0);
  });

  it('registers the children 0–17 and the young people who turned 18 since the first round', async () => {
    const [found] = await rows<{ current: number; former: number; cprs: number }>(
      `SELECT count(*) FILTER (WHERE birth_date > (current_date - interval '18 years')::date)::int AS current,
              count(*) FILTER (WHERE birth_date <= (current_date - interval '18 years')::date)::int AS former,
              count(DISTINCT cpr_hash)::int AS cprs
         FROM children WHERE municipality_id = $1`,
    );
    expect(found?.current).toBe(CHILDREN);
    expect(found?.former).toBe(built.formerChildren);
    expect(found?.cprs).toBe(CHILDREN + built.formerChildren);
    // Everyone was under 18 when the first round opened.
    const [first] = await rows<{ under18: boolean }>(
      `SELECT min(c.birth_date) > (SELECT min(opens_on) FROM assessment_rounds WHERE municipality_id = $1) - interval '18 years' AS under18
         FROM children c WHERE c.municipality_id = $1`,
    );
    expect(first?.under18).toBe(true);
  });

  it('stores CPR numbers that decrypt to the birth date and gender', async () => {
    const sample = await rows<{
      birth_date: string;
      gender: string;
      cpr_encrypted: Buffer;
      cpr_hash: Buffer;
    }>(
      'SELECT birth_date, gender, cpr_encrypted, cpr_hash FROM children WHERE municipality_id = $1 LIMIT 300',
    );
    for (const child of sample) {
      const cpr = cipher.decrypt(child.cpr_encrypted);
      expect(parseCpr(cpr)).toEqual({ birthDate: child.birth_date, gender: child.gender });
      expect(cipher.hash(cpr).equals(child.cpr_hash)).toBe(true);
    }
  });

  it('has ten districts, units of every kind, families with guardians with custody', async () => {
    const [found] = await rows<{ districts: number; kinds: string[]; orphans: number; homeless: number }>(
      `SELECT (SELECT count(*) FROM districts WHERE municipality_id = $1)::int AS districts,
              (SELECT array_agg(DISTINCT kind::text ORDER BY kind::text) FROM units WHERE municipality_id = $1) AS kinds,
              (SELECT count(*) FROM children c WHERE c.municipality_id = $1 AND NOT EXISTS (
                 SELECT 1 FROM child_guardians g WHERE g.municipality_id = $1 AND g.child_id = c.id AND g.has_custody))::int AS orphans,
              (SELECT count(*) FROM children c WHERE c.municipality_id = $1 AND NOT EXISTS (
                 SELECT 1 FROM child_households h WHERE h.municipality_id = $1 AND h.child_id = c.id))::int AS homeless`,
    );
    expect(found?.districts).toBe(10);
    expect(found?.kinds).toEqual(expect.arrayContaining(['daycare', 'healthVisiting', 'leisure', 'school']));
    expect(found?.orphans).toBe(0);
    expect(found?.homeless).toBe(0);
  });

  it('gives every child 0–17 one current place that assesses it, and at most one club', async () => {
    const wrong = await rows(
      `SELECT c.id, count(e.id) FILTER (WHERE u.kind IN ('healthVisiting', 'daycare', 'school')) AS main,
              count(e.id) FILTER (WHERE u.kind = 'leisure') AS leisure
         FROM children c
         LEFT JOIN enrolments e ON e.municipality_id = c.municipality_id AND e.child_id = c.id AND e.to_date IS NULL
         LEFT JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
        WHERE c.municipality_id = $1 AND c.birth_date > (current_date - interval '18 years')::date
        GROUP BY c.id
       HAVING NOT ((count(e.id) FILTER (WHERE u.kind IN ('healthVisiting', 'daycare', 'school')) = 1
                    AND count(e.id) FILTER (WHERE u.kind = 'leisure') <= 1)
                OR (count(e.id) FILTER (WHERE u.kind IN ('healthVisiting', 'daycare', 'school')) = 0
                    AND count(e.id) FILTER (WHERE u.kind = 'leisure') = 1))`,
    );
    expect(wrong).toEqual([]);
    const [adults] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrolments e JOIN children c ON c.municipality_id = e.municipality_id AND c.id = e.child_id
        WHERE e.municipality_id = $1 AND e.to_date IS NULL AND c.birth_date <= (current_date - interval '18 years')::date`,
    );
    expect(adults?.n).toBe(0);
  });

  it('has ten consecutive half-year rounds, the last open today, for all assessing units', async () => {
    const rounds = await rows<{ period: string; open: boolean; units: number }>(
      `SELECT r.period, r.opens_on <= current_date AND current_date <= r.closes_on AS open,
              (SELECT count(*) FROM round_units ru WHERE ru.municipality_id = r.municipality_id AND ru.round_id = r.id)::int AS units
         FROM assessment_rounds r WHERE r.municipality_id = $1 ORDER BY r.period`,
    );
    expect(rounds).toHaveLength(10);
    expect(rounds.map((r) => r.open)).toEqual([...Array(9).fill(false), true]);
    for (let i = 1; i < rounds.length; i++) {
      const [prev, next] = [rounds[i - 1]?.period ?? '', rounds[i]?.period ?? ''];
      const expected = prev.endsWith('H1') ? `${prev.slice(0, 4)}H2` : `${Number(prev.slice(0, 4)) + 1}H1`;
      expect(next).toBe(expected);
    }
    const [units] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM units WHERE municipality_id = $1
          AND kind IN ('healthVisiting', 'daycare', 'school', 'leisure')`,
    );
    for (const r of rounds) expect(r.units).toBe(units?.n);
  });

  it('assesses about 96 % of the children 0–17 in every round, at the unit they were enrolled in that day', async () => {
    const wrong = await rows(
      `SELECT a.id FROM assessments a
         JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
         JOIN children c ON c.municipality_id = a.municipality_id AND c.id = a.child_id
        WHERE a.municipality_id = $1
          AND (a.mode <> 'joint' OR a.assessed_on NOT BETWEEN r.opens_on AND least(r.closes_on, current_date)
               OR extract(year FROM age(a.assessed_on, c.birth_date)) NOT BETWEEN 0 AND 17
               OR (a.locked_at IS NULL) <> (r.closes_on >= current_date)
               OR NOT EXISTS (SELECT 1 FROM enrolments e
                               WHERE e.municipality_id = a.municipality_id AND e.child_id = a.child_id AND e.unit_id = a.unit_id
                                 AND e.from_date <= a.assessed_on AND (e.to_date IS NULL OR e.to_date >= a.assessed_on)))`,
    );
    expect(wrong).toEqual([]);
    const perRound = await rows<{ share: number }>(
      `SELECT count(a.id)::float8 / (SELECT count(*) FROM children c WHERE c.municipality_id = r.municipality_id
                                       AND c.birth_date <= r.opens_on - 60 AND c.birth_date > r.opens_on - interval '18 years') AS share
         FROM assessment_rounds r JOIN assessments a ON a.municipality_id = r.municipality_id AND a.round_id = r.id
        WHERE r.municipality_id = $1 GROUP BY r.municipality_id, r.id`,
    );
    for (const r of perRound) {
      expect(r.share).toBeGreaterThan(0.88);
      expect(r.share).toBeLessThan(1.02);
    }
  });

  it('references only rows that exist', async () => {
    expect(await danglingReferences(db.pool, m)).toEqual([]);
  });

  it('stores only packed masks and counts, which agree', async () => {
    const [found] = await rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM assessment_factors WHERE municipality_id = $1',
    );
    expect(found?.n).toBe(0);
    expect(await countsAgainstMasks(db.pool, m)).toEqual([]);
  });

  it('assesses only factors whose age band fits, and leaves about one in ten not known', async () => {
    const [found] = await rows<{ outside: number; unknown: number }>(
      `WITH per AS (
         SELECT count(*) FILTER (WHERE (a.known_mask >> f.bit) & 1 = 1 AND age NOT BETWEEN f.age_from AND f.age_to) AS outside,
                count(*) FILTER (WHERE (a.known_mask >> f.bit) & 1 = 0 AND age BETWEEN f.age_from AND f.age_to) AS unknown,
                count(*) FILTER (WHERE age BETWEEN f.age_from AND f.age_to) AS fitting
           FROM (SELECT a.*, extract(year FROM age(a.assessed_on, c.birth_date)) AS age FROM assessments a
                   JOIN children c ON c.municipality_id = a.municipality_id AND c.id = a.child_id
                  WHERE a.municipality_id = $1) a
           JOIN factors f ON f.municipality_id = a.municipality_id AND f.catalogue_id = a.catalogue_id)
       SELECT outside::int, unknown::float8 / fitting AS unknown FROM per`,
    );
    expect(found?.outside).toBe(0);
    expect(found?.unknown).toBeGreaterThan(0.07);
    expect(found?.unknown).toBeLessThan(0.13);
  });

  it('spreads positions about 75 / 18 / 7, driven by risk, with risk factors that persist', async () => {
    const found = await rows<{ position: string; share: number; risk: number }>(
      `SELECT position, count(*)::float8 / sum(count(*)) OVER () AS share, avg(risk_present)::float8 AS risk
         FROM assessments WHERE municipality_id = $1 GROUP BY position`,
    );
    const by = new Map(found.map((r) => [r.position, r]));
    expect(by.get('green')?.share).toBeGreaterThan(0.7);
    expect(by.get('red')?.share).toBeGreaterThan(0.04);
    expect(by.get('red')?.share).toBeLessThan(0.1);
    expect(by.get('red')?.risk).toBeGreaterThan(by.get('yellow')?.risk ?? Infinity);
    expect(by.get('yellow')?.risk).toBeGreaterThan(by.get('green')?.risk ?? Infinity);
    const persistence = await riskPersistence(db.pool, m);
    expect(persistence).toBeGreaterThan(0.45);
    expect(persistence).toBeLessThan(0.75);
  });

  it('fills the cells of every round exactly as a plain recomputation from the assessments', async () => {
    expect(await cellsAgainstAssessments(db.pool, m)).toEqual([]);
  });

  it('never counts more children in a cell than its population, and keeps the roster of the open round', async () => {
    expect(await cellsOverPopulation(db.pool, m)).toEqual([]);
    const periods = await rows<{ open: boolean; roster: number }>(
      `SELECT r.closes_on >= current_date AS open,
              (SELECT count(*) FROM measurement_roster ro WHERE ro.municipality_id = r.municipality_id AND ro.period = r.period)::int AS roster
         FROM assessment_rounds r WHERE r.municipality_id = $1`,
    );
    for (const p of periods) expect(p.roster > 0).toBe(p.open);
  });

  it('writes contributions for the open round only, and its cells are their sums', async () => {
    const periods = await rows<{ period: string; open: boolean; contributions: number; assessed: number }>(
      `SELECT r.period, r.closes_on >= current_date AS open,
              (SELECT count(*) FROM measurement_contributions c
                WHERE c.municipality_id = r.municipality_id AND c.period = r.period AND c.theme_key = 'all')::int AS contributions,
              -- Counted: enrolled somewhere on the period's reference date (docs/measurement.md).
              (SELECT count(*) FROM assessments a
                WHERE a.municipality_id = r.municipality_id AND a.round_id = r.id AND a.protective_known > 0
                  AND EXISTS (SELECT 1 FROM measurement_roster ro WHERE ro.municipality_id = a.municipality_id
                                AND ro.period = r.period AND ro.child_id = a.child_id))::int AS assessed
         FROM assessment_rounds r WHERE r.municipality_id = $1`,
    );
    for (const p of periods) expect(p.contributions).toBe(p.open ? p.assessed : 0);
    expect(await cellsAgainstContributions(db.pool, m)).toEqual([]);
  });

  it('packs the dashboard rows of every period and unit once, from the cells', async () => {
    const { rows } = await db.pool.query(
      `SELECT (SELECT count(*) FROM measurement_unit_packed WHERE municipality_id = $1)::int AS packed,
              (SELECT count(DISTINCT (period, unit_id)) FROM measurement_unit_cells
                WHERE municipality_id = $1 AND n > 0)::int AS keys,
              (SELECT sum(octet_length(cells)) FROM measurement_unit_packed WHERE municipality_id = $1)::int AS bytes,
              (SELECT sum(2 + octet_length(theme_key) + 28) FROM measurement_unit_cells
                WHERE municipality_id = $1 AND n > 0)::int AS expected_bytes`,
      [m],
    );
    expect(rows[0].keys).toBeGreaterThan(0);
    expect(rows[0].packed).toBe(rows[0].keys);
    expect(rows[0].bytes).toBe(rows[0].expected_bytes);
  });

  it('counts the population of every period', async () => {
    const found = await rows<{ period: string; children: number }>(
      `SELECT r.period, coalesce(sum(p.children), 0)::int AS children FROM assessment_rounds r
         LEFT JOIN measurement_population p ON p.municipality_id = r.municipality_id AND p.period = r.period
          AND p.unit_id = '00000000-0000-0000-0000-000000000000'
        WHERE r.municipality_id = $1 GROUP BY r.period`,
    );
    expect(found).toHaveLength(10);
    for (const p of found) expect(p.children).toBeGreaterThan(CHILDREN * 0.9);
  });

  it('leaves the profile documents to the fill job, which then builds every one of them', async () => {
    const count = async () =>
      (
        await rows<{ children: number; docs: number; fresh: number }>(
          `SELECT count(*)::int AS children, count(p.child_id)::int AS docs,
                  count(*) FILTER (WHERE p.doc = child_profile_doc(c.municipality_id, c.id))::int AS fresh
             FROM children c LEFT JOIN child_profiles p ON p.municipality_id = c.municipality_id AND p.child_id = c.id
            WHERE c.municipality_id = $1`,
        )
      )[0];
    const before = await count();
    expect(before?.docs).toBe(0);
    expect(await fillChildProfiles(db)).toBe(before?.children);
    expect(await count()).toEqual({
      children: before?.children,
      docs: before?.children,
      fresh: before?.children,
    });
  });

  it('does nothing when the municipality exists', async () => {
    const again = await buildScaleMunicipality(db, cipher, { children: 10 });
    expect(again.created).toBe(false);
  });

  it('can write the contributions of every round, and the cells are then their sums', async () => {
    const all = await buildScaleMunicipality(db, cipher, {
      children: 300,
      slug: 'copenhagen-all',
      code: '101A',
      contributions: 'all',
    });
    const [found] = await rows<{ periods: number }>(
      'SELECT count(DISTINCT period)::int AS periods FROM measurement_contributions WHERE municipality_id = $1',
      [all.id],
    );
    expect(found?.periods).toBe(10);
    expect(await cellsAgainstContributions(db.pool, all.id)).toEqual([]);
    expect(await cellsAgainstAssessments(db.pool, all.id)).toEqual([]);
  });
});
