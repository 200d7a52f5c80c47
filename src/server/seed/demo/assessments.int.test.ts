import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { createCprCipher } from '../../modules/children/cpr.ts';
import { DEMO_FACTORS, POLICY_THEMES } from '../catalogues/factor-catalogue.ts';
import { todayIso } from '../dates.ts';
import {
  cellsAgainstAssessments,
  cellsAgainstContributions,
  cellsOverPopulation,
  countsAgainstMasks,
  danglingReferences,
  masksAgainstFactorRows,
  riskPersistence,
} from '../seed-checks.ts';
import { seedDemo } from './demo.ts';

const ADMIN_URL =
  process.env.TEST_PG_URL ?? inject('pgAdminUrl') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `beskyt_test_assess_${randomBytes(4).toString('hex')}`;
const CHILDREN = 600;
let db: Db;
const municipalities = new Map<string, string>();

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.pool.query(sql, params)).rows as T[];
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  db = createDb(url.toString(), { max: 4 });
  await migrate(db);
  await seedDemo(db, createCprCipher(randomBytes(32).toString('hex')), { childrenPerMunicipality: CHILDREN });
  for (const r of await rows<{ id: string; slug: string }>('SELECT id, slug FROM municipalities')) {
    municipalities.set(r.slug, r.id);
  }
});

afterAll(async () => {
  await db?.close();
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
});

describe('the demo factor catalogue', () => {
  it('is written as about 40 factors with codes, bits and age bands that fit the schema', () => {
    expect(DEMO_FACTORS.length).toBeGreaterThanOrEqual(38);
    expect(DEMO_FACTORS.length).toBeLessThanOrEqual(64);
    const kinds = DEMO_FACTORS.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'protective').length).toBeGreaterThanOrEqual(18);
    expect(kinds.filter((k) => k === 'risk').length).toBeGreaterThanOrEqual(18);
    expect(new Set(DEMO_FACTORS.map((f) => f.code)).size).toBe(DEMO_FACTORS.length);
    for (const f of DEMO_FACTORS) {
      expect(f.code).toMatch(/^[A-Z][A-Z0-9-]{1,30}$/);
      expect(f.ageFrom).toBeLessThanOrEqual(f.ageTo);
      for (const text of [f.labelDa, f.labelEn, f.descriptionDa, f.descriptionEn, f.evidenceNote]) {
        expect(text.length).toBeGreaterThan(2);
      }
    }
  });

  it('is published as version 1 in every municipality, with its themes', async () => {
    const found = await rows<{
      slug: string;
      version: number;
      status: string;
      factors: number;
      themes: number;
    }>(
      `SELECT m.slug, c.version, c.status,
              (SELECT count(*) FROM factors f WHERE f.municipality_id = m.id AND f.catalogue_id = c.id)::int AS factors,
              (SELECT count(*) FROM policy_themes t WHERE t.municipality_id = m.id)::int AS themes
         FROM municipalities m JOIN factor_catalogues c ON c.municipality_id = m.id ORDER BY m.slug`,
    );
    expect(found).toEqual([
      { slug: 'demo', version: 1, status: 'published', factors: DEMO_FACTORS.length, themes: 6 },
      { slug: 'nabo', version: 1, status: 'published', factors: DEMO_FACTORS.length, themes: 5 },
    ]);
    const themeCodes = await rows<{ slug: string; codes: string[] }>(
      `SELECT m.slug, array_agg(t.code ORDER BY t.sort_order) AS codes
         FROM policy_themes t JOIN municipalities m ON m.id = t.municipality_id GROUP BY m.slug ORDER BY m.slug`,
    );
    expect(themeCodes).toEqual([
      { slug: 'demo', codes: POLICY_THEMES.demo.map((t) => t.code) },
      { slug: 'nabo', codes: POLICY_THEMES.nabo.map((t) => t.code) },
    ]);
  });

  it('maps every factor to one or two themes, and every theme has protective factors', async () => {
    const perFactor = await rows<{ n: number }>(
      `SELECT count(ft.theme_id)::int AS n FROM factors f
         LEFT JOIN factor_themes ft ON ft.municipality_id = f.municipality_id AND ft.factor_id = f.id
        GROUP BY f.municipality_id, f.id`,
    );
    expect(perFactor.length).toBe(2 * DEMO_FACTORS.length);
    for (const f of perFactor) expect([1, 2]).toContain(f.n);
    const perTheme = await rows<{ protective: number }>(
      `SELECT count(f.id) FILTER (WHERE f.kind = 'protective')::int AS protective FROM policy_themes t
         LEFT JOIN factor_themes ft ON ft.municipality_id = t.municipality_id AND ft.theme_id = t.id
         LEFT JOIN factors f ON f.municipality_id = ft.municipality_id AND f.id = ft.factor_id
        GROUP BY t.municipality_id, t.id`,
    );
    expect(perTheme).toHaveLength(11);
    for (const t of perTheme) expect(t.protective).toBeGreaterThan(0);
  });

  it('is frozen: a factor or theme mapping of the published version cannot change', async () => {
    const m = municipalities.get('demo');
    await expect(
      db.pool.query(
        `UPDATE factors SET label_da = 'Ændret' WHERE municipality_id = $1 AND code = 'R-ABSENCE'`,
        [m],
      ),
    ).rejects.toThrow(/published factor catalogue cannot change/);
    await expect(db.pool.query(`DELETE FROM factor_themes WHERE municipality_id = $1`, [m])).rejects.toThrow(
      /published factor catalogue cannot change/,
    );
    await expect(
      db.pool.query(
        `UPDATE factor_catalogues SET status = 'draft', published_at = NULL WHERE municipality_id = $1`,
        [m],
      ),
    ).rejects.toThrow(/published factor catalogue cannot change/);
  });
});

describe('the demo assessments', () => {
  it('has two closed rounds and one open today, for every daycare and school', async () => {
    const today = todayIso();
    for (const m of municipalities.values()) {
      const rounds = await rows<{
        period: string;
        opens_on: string;
        closes_on: string;
        units: number;
        name: string;
      }>(
        `SELECT r.name, r.period, r.opens_on, r.closes_on,
                (SELECT count(*) FROM round_units ru WHERE ru.municipality_id = r.municipality_id AND ru.round_id = r.id)::int AS units
           FROM assessment_rounds r WHERE r.municipality_id = $1 ORDER BY r.opens_on`,
        [m],
      );
      expect(rounds).toHaveLength(3);
      const [a, b, open] = rounds as [(typeof rounds)[0], (typeof rounds)[0], (typeof rounds)[0]];
      expect(a.closes_on < today && b.closes_on < today).toBe(true);
      expect(open.opens_on <= today && today <= open.closes_on).toBe(true);
      expect(new Set(rounds.map((r) => r.period)).size).toBe(3);
      const [units] = await rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM units WHERE municipality_id = $1 AND kind IN ('daycare', 'school')`,
        [m],
      );
      for (const r of rounds) expect(r.units).toBe(units?.n);
    }
  });

  it('gives about 85 % of the children in daycare or school a joint assessment in each past round', async () => {
    const found = await rows<{ period: string; joint: number; own: number; enrolled: number; open: boolean }>(
      `SELECT r.period, r.closes_on >= current_date AS open,
              count(a.id) FILTER (WHERE a.mode = 'joint')::int AS joint,
              count(a.id) FILTER (WHERE a.mode = 'own')::int AS own,
              (SELECT count(DISTINCT e.child_id) FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
                WHERE e.municipality_id = r.municipality_id AND u.kind IN ('daycare', 'school')
                  AND e.from_date <= r.opens_on + (r.closes_on - r.opens_on) / 2
                  AND (e.to_date IS NULL OR e.to_date >= r.opens_on + (r.closes_on - r.opens_on) / 2))::int AS enrolled
         FROM assessment_rounds r LEFT JOIN assessments a ON a.municipality_id = r.municipality_id AND a.round_id = r.id
        GROUP BY r.municipality_id, r.id`,
    );
    for (const r of found) {
      if (r.open) {
        expect(r.joint).toBe(0);
        expect(r.own).toBeGreaterThan(0);
        expect(r.own).toBeLessThanOrEqual(10);
      } else {
        expect(r.own).toBe(0);
        expect(r.joint / r.enrolled).toBeGreaterThan(0.75);
        expect(r.joint / r.enrolled).toBeLessThan(0.95);
      }
    }
  });

  it('writes each joint assessment by the unit leader, in the window, at the daycare or school the child attended', async () => {
    const wrong = await rows(
      `SELECT a.id FROM assessments a
         JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
         JOIN users us ON us.municipality_id = a.municipality_id AND us.id = a.author_id
        WHERE a.mode = 'joint'
          AND (lower(us.email) NOT LIKE 'unitleader@%' OR a.assessed_on NOT BETWEEN r.opens_on AND r.closes_on
               OR a.catalogue_id <> r.catalogue_id OR a.locked_at IS NULL
               OR NOT EXISTS (SELECT 1 FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
                               WHERE e.municipality_id = a.municipality_id AND e.child_id = a.child_id AND e.unit_id = a.unit_id
                                 AND u.kind IN ('daycare', 'school') AND e.from_date <= a.assessed_on
                                 AND (e.to_date IS NULL OR e.to_date >= a.assessed_on)))`,
    );
    expect(wrong).toEqual([]);
  });

  it('references only rows that exist', async () => {
    for (const m of municipalities.values()) expect(await danglingReferences(db.pool, m)).toEqual([]);
  });

  it('packs exactly the factor rows into the masks, one row per factor whose age band fits', async () => {
    const [count] = await rows<{ n: number }>('SELECT count(*)::int AS n FROM assessment_factors');
    expect(count?.n).toBeGreaterThan(1000);
    for (const m of municipalities.values()) expect(await masksAgainstFactorRows(db.pool, m)).toEqual([]);
  });

  it('keeps the four counts equal to the masks', async () => {
    for (const m of municipalities.values()) expect(await countsAgainstMasks(db.pool, m)).toEqual([]);
  });

  it('leaves about one factor in ten not known', async () => {
    const [states] = await rows<{ unknown: number }>(
      `SELECT (count(*) FILTER (WHERE state = 'unknown'))::float8 / count(*) AS unknown FROM assessment_factors`,
    );
    expect(states?.unknown).toBeGreaterThan(0.07);
    expect(states?.unknown).toBeLessThan(0.13);
  });

  it('spreads positions about 75 / 18 / 7, with more risk and less protection further from green', async () => {
    const found = await rows<{ position: string; share: number; risk: number; protective: number }>(
      `SELECT position, count(*)::float8 / sum(count(*)) OVER () AS share, avg(risk_present)::float8 AS risk,
              avg(protective_present::float8 / nullif(protective_known, 0)) AS protective
         FROM assessments WHERE mode = 'joint' GROUP BY position`,
    );
    const by = new Map(found.map((r) => [r.position, r]));
    const green = by.get('green');
    const yellow = by.get('yellow');
    const red = by.get('red');
    expect(green?.share).toBeGreaterThan(0.68);
    expect(green?.share).toBeLessThan(0.82);
    expect(yellow?.share).toBeGreaterThan(0.12);
    expect(yellow?.share).toBeLessThan(0.24);
    expect(red?.share).toBeGreaterThan(0.03);
    expect(red?.share).toBeLessThan(0.11);
    expect(red?.risk).toBeGreaterThan(yellow?.risk ?? Infinity);
    expect(yellow?.risk).toBeGreaterThan(green?.risk ?? Infinity);
    expect(red?.protective).toBeLessThan(yellow?.protective ?? 0);
    expect(yellow?.protective).toBeLessThan(green?.protective ?? 0);
  });

  it('lets risk factors persist: about 0.6 of those present are present again next round', async () => {
    for (const m of municipalities.values()) {
      const share = await riskPersistence(db.pool, m);
      expect(share).toBeGreaterThan(0.45);
      expect(share).toBeLessThan(0.75);
    }
  });
});

describe('the demo measurement rollup', () => {
  it('has a contribution for the joint assessments of the past rounds, and none for the open one', async () => {
    const found = await rows<{ period: string; open: boolean; contributions: number; cells: number }>(
      `SELECT r.period, r.closes_on >= current_date AS open,
              (SELECT count(*) FROM measurement_contributions c WHERE c.municipality_id = r.municipality_id AND c.period = r.period)::int AS contributions,
              (SELECT count(*) FROM measurement_cells c WHERE c.municipality_id = r.municipality_id AND c.period = r.period)::int AS cells
         FROM assessment_rounds r`,
    );
    for (const r of found) {
      expect(r.contributions > 0).toBe(!r.open);
      expect(r.cells > 0).toBe(!r.open);
    }
    // Every joint assessment of a child enrolled somewhere on its period's reference date counts; the
    // others (enrolled later) count in no cell of that period (docs/measurement.md).
    const [all] = await rows<{ joint: number; overall: number; enrolledLater: number }>(
      `SELECT count(*) FILTER (WHERE placed)::int AS joint, count(*) FILTER (WHERE NOT placed)::int AS "enrolledLater",
              (SELECT count(*) FROM measurement_contributions WHERE theme_key = 'all')::int AS overall
         FROM (SELECT EXISTS (SELECT 1 FROM measurement_roster ro WHERE ro.municipality_id = a.municipality_id
                                AND ro.period = r.period AND ro.child_id = a.child_id) AS placed
                 FROM assessments a JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
                WHERE a.mode = 'joint' AND a.protective_known > 0) j`,
    );
    expect(all?.overall).toBe(all?.joint);
    expect(all?.enrolledLater).toBeLessThan((all?.joint ?? 0) * 0.05);
  });

  it('keeps every cell equal to a plain recomputation from the assessments', async () => {
    for (const m of municipalities.values()) expect(await cellsAgainstAssessments(db.pool, m)).toEqual([]);
  });

  it('never counts more children in a cell than its population', async () => {
    for (const m of municipalities.values()) expect(await cellsOverPopulation(db.pool, m)).toEqual([]);
  });

  it('keeps every cell equal to the sum of its contributions', async () => {
    for (const m of municipalities.values()) expect(await cellsAgainstContributions(db.pool, m)).toEqual([]);
  });

  it('counts the population of every round period', async () => {
    const found = await rows<{ n: number }>(
      `SELECT count(p.*)::int AS n FROM assessment_rounds r
         LEFT JOIN measurement_population p ON p.municipality_id = r.municipality_id AND p.period = r.period
        GROUP BY r.municipality_id, r.id`,
    );
    expect(found).toHaveLength(6);
    for (const r of found) expect(r.n).toBeGreaterThan(0);
  });
});
