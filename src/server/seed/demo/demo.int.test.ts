import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCpr } from '../../../domain/cpr.ts';
import { createDb, type Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { createCprCipher } from '../../modules/children/cpr.ts';
import { seedDemo } from './demo.ts';

// Its own database on the integration run's server, or on the local one when run without that setup.
const ADMIN_URL =
  process.env.TEST_PG_URL ?? inject('pgAdminUrl') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `beskyt_test_seed_${randomBytes(4).toString('hex')}`;
const cipher = createCprCipher(randomBytes(32).toString('hex'));
let db: Db;

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
  expect(await seedDemo(db, cipher, { childrenPerMunicipality: 300 })).toEqual({ created: true });
});

afterAll(async () => {
  await db?.close();
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
});

describe('seedDemo', () => {
  it('creates the demo and neighbour municipality with units and children', async () => {
    const found = await rows<{ slug: string; units: number; children: number }>(
      `SELECT m.slug,
              (SELECT count(*) FROM units u WHERE u.municipality_id = m.id)::int AS units,
              (SELECT count(*) FROM children c WHERE c.municipality_id = m.id)::int AS children
         FROM municipalities m ORDER BY m.slug`,
    );
    expect(found.map((m) => m.slug)).toEqual(['demo', 'nabo']);
    for (const m of found) {
      expect(m.units).toBeGreaterThanOrEqual(25);
      expect(m.children).toBe(300);
    }
  });

  it('gives the demo professional a daycare and a school with children enrolled now', async () => {
    const units = await rows<{ kind: string; enrolled: number }>(
      `SELECT u.kind,
              (SELECT count(*) FROM enrolments e
                WHERE e.municipality_id = u.municipality_id AND e.unit_id = u.id AND e.to_date IS NULL)::int AS enrolled
         FROM users us
         JOIN role_assignments ra ON ra.municipality_id = us.municipality_id AND ra.user_id = us.id
         JOIN units u ON u.municipality_id = ra.municipality_id AND u.id = ra.unit_id
        WHERE us.email = 'professional@demo.beskyt.test' AND ra.role = 'professional'
        ORDER BY u.kind`,
    );
    expect(units.map((u) => u.kind)).toEqual(['daycare', 'school']);
    for (const u of units) expect(u.enrolled).toBeGreaterThan(0);
  });

  it('stores CPR numbers that decrypt to the stored birth date and gender', async () => {
    const children = await rows<{
      birth_date: string;
      gender: string;
      cpr_encrypted: Buffer;
      cpr_hash: Buffer;
    }>('SELECT birth_date, gender, cpr_encrypted, cpr_hash FROM children');
    expect(children).toHaveLength(600);
    for (const child of children) {
      const cpr = cipher.decrypt(child.cpr_encrypted);
      expect(parseCpr(cpr)).toEqual({ birthDate: child.birth_date, gender: child.gender });
      expect(cipher.hash(cpr).equals(child.cpr_hash)).toBe(true);
    }
  });

  it('groups siblings in families that share their last name', async () => {
    const families = await rows<{ children: number; last_names: number }>(
      `SELECT count(*)::int AS children, count(DISTINCT last_name)::int AS last_names
         FROM children GROUP BY municipality_id, family_id`,
    );
    const withSiblings = families.filter((f) => f.children > 1);
    expect(withSiblings.length).toBeGreaterThan(30);
    for (const f of withSiblings) expect(f.last_names).toBe(1);
    const perFamily = 600 / families.length;
    expect(perFamily).toBeGreaterThan(1.4);
    expect(perFamily).toBeLessThan(1.9);
  });

  it('gives every child a guardian with custody', async () => {
    const without = await rows(
      `SELECT c.id FROM children c
        WHERE NOT EXISTS (SELECT 1 FROM child_guardians g
                           WHERE g.municipality_id = c.municipality_id AND g.child_id = c.id AND g.has_custody)`,
    );
    expect(without).toEqual([]);
  });

  it('does nothing when run again', async () => {
    expect(await seedDemo(db, cipher, { childrenPerMunicipality: 300 })).toEqual({ created: false });
    const [count] = await rows<{ n: number }>('SELECT count(*)::int AS n FROM children');
    expect(count?.n).toBe(600);
  });
});
