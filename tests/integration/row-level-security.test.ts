import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TTestApp } from '../fixtures/test-app.ts';

/**
 * Row-level security is the second line behind the `municipality_id = $1` every query carries: even a query
 * that forgets the filter, or asks for another municipality on purpose, sees and writes only its own tenant.
 */
const TENANT_TABLES = [
  'districts',
  'units',
  'teams',
  'users',
  'role_assignments',
  'families',
  'households',
  'children',
  'child_households',
  'guardians',
  'child_guardians',
  'enrolments',
  'child_profiles',
  'audit_events',
] as const;

let t: TTestApp;
let demoId: string;
let naboId: string;

beforeAll(async () => {
  t = await startTestApp();
  const { rows } = await t.db.pool.query(
    "SELECT slug, id FROM municipalities WHERE slug IN ('demo', 'nabo')",
  );
  const ids = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
  demoId = ids.demo;
  naboId = ids.nabo;
  // Both municipalities get audit events, so audit_events has rows on both sides too.
  for (const domain of ['demo', 'nabo']) {
    const s = await t.login(`professional@${domain}.beskyt.test`);
    expect((await t.as(s, 'GET', '/api/v1/children?pageSize=5')).statusCode).toBe(200);
  }
});
afterAll(() => t.close());

async function ownerCount(table: string, municipalityId: string): Promise<number> {
  const { rows } = await t.db.pool.query(
    `SELECT count(*)::int AS n FROM ${table} WHERE municipality_id = $1`,
    [municipalityId],
  );
  return rows[0].n;
}

describe('row-level security inside tenant()', () => {
  it('shows Nabo only Nabo’s children, even without a WHERE clause', async () => {
    const n = await t.db.tenant(
      naboId,
      async (q) => (await q.query('SELECT count(*)::int AS n FROM children')).rows[0].n,
    );
    expect(n).toBe(await ownerCount('children', naboId));
    expect(n).toBeGreaterThan(0);
    expect(await ownerCount('children', demoId)).toBeGreaterThan(0);
  });

  it.each(TENANT_TABLES)('shows Nabo no other municipality’s rows in %s', async (table) => {
    const seen = await t.db.tenant(naboId, async (q) => {
      const { rows } = await q.query(
        `SELECT municipality_id, count(*)::int AS n FROM ${table} GROUP BY municipality_id`,
      );
      return rows;
    });
    const own = await ownerCount(table, naboId);
    expect(seen).toEqual(own > 0 ? [{ municipality_id: naboId, n: own }] : []);
    expect(await ownerCount(table, demoId)).toBeGreaterThan(0);
  });

  it('returns no rows when Nabo asks for Demo’s municipality_id explicitly', async () => {
    const counts = await t.db.tenant(naboId, async (q) => {
      const out: Record<string, number> = {};
      for (const table of TENANT_TABLES) {
        out[table] = (
          await q.query(`SELECT count(*)::int AS n FROM ${table} WHERE municipality_id = $1`, [demoId])
        ).rows[0].n;
      }
      return out;
    });
    expect(counts).toEqual(Object.fromEntries(TENANT_TABLES.map((table) => [table, 0])));
  });

  it('finds no Demo child by id from inside Nabo', async () => {
    const { rows } = await t.db.pool.query('SELECT id FROM children WHERE municipality_id = $1 LIMIT 1', [
      demoId,
    ]);
    const found = await t.db.tenant(naboId, (q) =>
      q.query('SELECT * FROM children WHERE id = $1', [rows[0].id]),
    );
    expect(found.rowCount).toBe(0);
  });

  it('refuses inserting a child with Demo’s municipality_id from inside Nabo', async () => {
    const before = await ownerCount('children', demoId);
    const attempt = t.db.tenant(naboId, (q) =>
      q.query(
        `INSERT INTO children (municipality_id, first_name, last_name, birth_date, gender, cpr_encrypted, cpr_hash)
         VALUES ($1, 'Indsmuglet', 'Barn', '2020-01-01', 'female', '\\x00', '\\x01')`,
        [demoId],
      ),
    );
    await expect(attempt).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(/row-level security/),
    });
    expect(await ownerCount('children', demoId)).toBe(before);
  });

  it('refuses moving a Nabo unit into Demo from inside Nabo', async () => {
    const { rows } = await t.db.pool.query('SELECT id FROM units WHERE municipality_id = $1 LIMIT 1', [
      naboId,
    ]);
    const attempt = t.db.tenant(naboId, (q) =>
      q.query('UPDATE units SET municipality_id = $1 WHERE id = $2', [demoId, rows[0].id]),
    );
    await expect(attempt).rejects.toMatchObject({ code: '42501' });
    const after = await t.db.pool.query('SELECT municipality_id FROM units WHERE id = $1', [rows[0].id]);
    expect(after.rows[0].municipality_id).toBe(naboId);
  });

  it('updates and deletes no Demo rows from inside Nabo', async () => {
    const before = await t.db.pool.query(
      'SELECT count(*)::int AS n, sum(version)::int AS v FROM children WHERE municipality_id = $1',
      [demoId],
    );
    const result = await t.db.tenant(naboId, async (q) => {
      const updated = await q.query(
        "UPDATE children SET first_name = 'Ændret', version = version + 1 WHERE municipality_id = $1",
        [demoId],
      );
      const deleted = await q.query('DELETE FROM enrolments WHERE municipality_id = $1', [demoId]);
      return { updated: updated.rowCount, deleted: deleted.rowCount };
    });
    expect(result).toEqual({ updated: 0, deleted: 0 });
    const after = await t.db.pool.query(
      'SELECT count(*)::int AS n, sum(version)::int AS v FROM children WHERE municipality_id = $1',
      [demoId],
    );
    expect(after.rows[0]).toEqual(before.rows[0]);
  });
});

describe('every table with a municipality_id', () => {
  it('the application role can read has row-level security enabled, with the tenant policy, and no rows of another municipality', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = 'tenant_isolation') AS policy
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_id' AND NOT a.attisdropped)
          -- Tables the application role cannot touch at all (sessions) are the owner's alone.
          AND has_table_privilege('beskyt_app', c.oid, 'SELECT')
        ORDER BY 1`,
    );
    // Every table added since the foundation (concerns, meetings, notifications, cases, letters …) too.
    expect(rows.length).toBeGreaterThan(TENANT_TABLES.length);
    const unprotected = rows.filter((r) => !(r.enabled && r.policy)).map((r) => r.table);
    expect(unprotected).toEqual([]);
    const leaks: string[] = [];
    await t.db.tenantRead(naboId, async (q) => {
      for (const { table } of rows) {
        const foreign = await q.query(`SELECT 1 FROM ${table} WHERE municipality_id <> $1 LIMIT 1`, [naboId]);
        if (foreign.rowCount) leaks.push(table);
      }
    });
    expect(leaks).toEqual([]);
  });
});

describe('bound tenant connections (decision 011)', () => {
  const count = async (m: string) =>
    (
      await t.db.tenantQuery<{ n: number; others: number }>(m, {
        text: 'SELECT count(*)::int AS n, count(*) FILTER (WHERE municipality_id <> $1)::int AS others FROM children',
        values: [m],
      })
    ).rows[0];

  it('rebinds a connection when another municipality asks, and each sees only its own children', async () => {
    // Many alternating asks: every pooled connection is bound to one and then asked for the other.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? count(demoId) : count(naboId))),
    );
    const expected = {
      nabo: await ownerCount('children', naboId),
      demo: await ownerCount('children', demoId),
    };
    answers.forEach((a, i) => {
      expect(a).toEqual({ n: i % 2 ? expected.demo : expected.nabo, others: 0 });
    });
  });

  it('keeps the binding right after a rolled-back transaction', async () => {
    await expect(
      t.db.tenant(naboId, async (q) => {
        await q.query('SELECT 1');
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(await count(naboId)).toEqual({ n: await ownerCount('children', naboId), others: 0 });
    expect(await count(demoId)).toEqual({ n: await ownerCount('children', demoId), others: 0 });
  });
});

describe('the application role without a municipality', () => {
  it('sees no children and no users when app.municipality_id was never set', async () => {
    const client = await t.db.pool.connect();
    try {
      await client.query('SET ROLE beskyt_app');
      const children = await client.query('SELECT count(*)::int AS n FROM children');
      const users = await client.query('SELECT count(*)::int AS n FROM users');
      expect(children.rows[0].n).toBe(0);
      expect(users.rows[0].n).toBe(0);
    } finally {
      // Destroy rather than return a connection that runs as beskyt_app.
      client.release(true);
    }
  });

  it('sees no children after a tenant transaction on the same connection has ended', async () => {
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        "SELECT set_config('role', 'beskyt_app', true), set_config('app.municipality_id', $1, true)",
        [naboId],
      );
      expect((await client.query('SELECT count(*)::int AS n FROM children')).rows[0].n).toBeGreaterThan(0);
      await client.query('COMMIT');
      await client.query('SET ROLE beskyt_app');
      expect((await client.query('SELECT count(*)::int AS n FROM children')).rows[0].n).toBe(0);
    } finally {
      client.release(true);
    }
  });

  it('cannot insert a child for any municipality', async () => {
    const client = await t.db.pool.connect();
    try {
      await client.query('SET ROLE beskyt_app');
      await expect(
        client.query(
          `INSERT INTO children (municipality_id, first_name, last_name, birth_date, gender, cpr_encrypted, cpr_hash)
           VALUES ($1, 'Uden', 'Kommune', '2020-01-01', 'male', '\\x00', '\\x02')`,
          [naboId],
        ),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      client.release(true);
    }
  });

  it('cannot read the sessions table at all', async () => {
    const client = await t.db.pool.connect();
    try {
      await client.query('SET ROLE beskyt_app');
      await expect(client.query('SELECT count(*) FROM sessions')).rejects.toMatchObject({ code: '42501' });
    } finally {
      client.release(true);
    }
  });
});
