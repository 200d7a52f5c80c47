import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { createCprCipher } from '../../src/server/modules/children/cpr.ts';
import { buildScaleMunicipality } from '../../src/server/seed/scale/scale.ts';
import { measureCopyFloor } from '../bench/copy-floor.ts';

// P4's floor (tests/bench/copy-floor.ts) on a small Copenhagen build: it must load exactly the built rows,
// let the insert triggers fill what they fill in the build, and leave the built tables as they were.
const ADMIN_URL = inject('pgAdminUrl') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `beskyt_test_floor_${randomBytes(4).toString('hex')}`;
let db: Db;
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

// Every row of the table's municipality, as text, in one sorted array: equal arrays, equal tables.
const contents = (schema: string, table: string) =>
  `SELECT coalesce(array_agg(t::text ORDER BY t::text), '{}') AS rows FROM ${schema}.${table} t WHERE municipality_id = $1`;

beforeAll(async () => {
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  db = createDb(url.toString(), { max: 4 });
  await migrate(db);
  const built = await buildScaleMunicipality(db, createCprCipher(randomBytes(32).toString('hex')), {
    children: 300,
  });
  m = built.id;
}, 180_000);

afterAll(async () => {
  await db?.close();
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
});

describe("P4's copy floor", () => {
  it('loads the built rows, and its triggers build the same rollups as the build', async () => {
    const compared: string[] = [];
    const floor = await measureCopyFloor(db, m, {
      inspect: async (q, schema) => {
        for (const table of [
          'children',
          'assessments',
          'measurement_cells',
          'measurement_unit_cells',
          'measurement_unit_population',
          'measurement_unit_packed',
        ]) {
          const [loaded] = (await q.query(contents(schema, table), [m])).rows;
          const [built] = (await q.query(contents('public', table), [m])).rows;
          expect(loaded.rows.length, table).toBeGreaterThan(0);
          expect(loaded.rows, table).toEqual(built.rows);
          compared.push(table);
        }
      },
    });
    expect(compared).toHaveLength(6);
    const loaded = floor.tables.map((t) => t.table);
    expect(loaded).toEqual(expect.arrayContaining(['children', 'assessments', 'measurement_cells']));
    // Filled by the rollup triggers from the loaded cells and population, not copied.
    expect(loaded).not.toContain('measurement_unit_cells');
    expect(loaded).not.toContain('measurement_unit_population');
    expect(floor.rows).toBe(floor.tables.reduce((n, t) => n + t.rows, 0));
    expect(floor.seconds).toBeGreaterThan(0);
    const left = await db.pool.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'bench_floor'`);
    expect(left.rowCount).toBe(0);
  }, 120_000);

  it('fails when an insert trigger writes rows into a table the floor also copies', async () => {
    // A trigger the floor knows nothing of: each new district adds a team. The floor's copy of districts
    // then adds teams to the copied teams, and the floor must refuse to report a figure.
    await db.pool.query(`
      CREATE FUNCTION test_district_team() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO teams (municipality_id, name) SELECT municipality_id, 'extra ' || name FROM new_rows;
        RETURN NULL;
      END $$;
      CREATE TRIGGER test_district_team AFTER INSERT ON districts REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION test_district_team();`);
    try {
      await expect(measureCopyFloor(db, m)).rejects.toThrow(/P4 floor: teams has/);
      const left = await db.pool.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'bench_floor'`);
      expect(left.rowCount).toBe(0);
    } finally {
      await db.pool.query('DROP TRIGGER test_district_team ON districts; DROP FUNCTION test_district_team()');
    }
  }, 120_000);
});
