import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Db, Queryable } from '../../src/server/db/client.ts';
import { withoutReferenceChecks } from '../../src/server/seed/bulk-load.ts';

/**
 * P4's floor (issue 12, item 7): how long this machine, in this run, takes to load the rows a build left
 * — every table holding the municipality's rows — with COPY into empty tables of the same schema. Absolute
 * build times differ twofold between machines of one kind; build ÷ floor should not.
 *
 * What the floor tables have, and why (the floor must be what the build could at best get down to, not a
 * straw man, nor cheaper than anything a build could be):
 * - Columns, defaults, NOT NULL and CHECK constraints, primary keys, unique and other indexes: `LIKE …
 *   INCLUDING ALL`. The finished tables must have them, so loading pays for them, as the build does.
 *   Created and committed before the load, so COPY cannot skip WAL for a table made in its own
 *   transaction: the build's tables existed before it too.
 * - Every trigger that fires on INSERT into the source table, recreated on the floor table, under the
 *   session settings the build runs with (`buildScaleMunicipality` in src/server/seed/scale.ts): synchronous
 *   commit off, 256 MB work_mem, WAL compression, child-profile documents and dashboard packing deferred.
 *   So the triggers do in the floor what they do for the build's own inserts: the rollup triggers
 *   on measurement_cells and measurement_population fill measurement_unit_cells and
 *   measurement_unit_population (the floor therefore does not copy those two: their rows come from the
 *   triggers, as in the build; copying them too would do that work twice); the packing trigger fires and
 *   returns at once (deferred), and the packed rows are copied like any table, as the build's single
 *   repack at its end is computing, like its INSERT … SELECTs; the catalogue's guard runs per row.
 * - Replica mode (no user triggers) per table exactly where the build's own rule allows it
 *   (`withoutReferenceChecks`: a superuser, no trigger but the deferred child-profile ones), so the
 *   child-profile triggers are skipped or fire as no-ops, as in the build.
 * - No foreign keys (`LIKE` does not copy them). A loader of rows it made itself may skip their checks,
 *   and the build does for its big people, enrolment and assessment tables; the checks it still pays
 *   (contributions, cells, population, rounds) are its own overhead and belong in the ratio (for cells and
 *   population it cannot switch to replica mode, which would skip their rollup triggers too).
 * - One transaction, committed; no ANALYZE (the build's figure includes its ANALYZE: part of the
 *   overhead over loading).
 * - Before the clock starts: the built tables vacuumed (autovacuum, due on a million fresh rows, would
 *   otherwise compete with the load) and a checkpoint (the build started with no dirty pages either).
 * Loaded in the tables' physical order (the build's insertion order), referencing tables first, so a guard
 * that looks up a parent (a published catalogue refuses new factors) finds none, as the build's inserts
 * found no published parent.
 *
 * The triggers' functions name their tables without a schema; the load runs with the floor schema first in
 * search_path, so they write the floor's tables. A check afterwards fails the benchmark unless every floor
 * table holds exactly the municipality's rows and the built tables are untouched.
 */

const FLOOR = 'bench_floor';

// Filled by a trigger on INSERT into the table named, in the build and in the floor alike.
const FILLED_BY_TRIGGER: Readonly<Record<string, string>> = {
  measurement_unit_cells: 'measurement_cells',
  measurement_unit_population: 'measurement_population',
  measurement_versions: 'measurement_cells',
};

interface TTable {
  name: string;
  /** Columns COPY reads and writes: all but generated ones, in table order, quoted. */
  columns: string;
  /** Foreign-key depth: 0 for a table referencing none, else 1 + the deepest table it references. */
  depth: number;
  /** The municipality's rows in the built table. */
  rows: number;
}

export interface TCopyFloor {
  seconds: number;
  rows: number;
  tables: { table: string; rows: number; seconds: number }[];
}

const ident = (name: string) => pg.escapeIdentifier(name);

/** The built tables that can hold a municipality's rows (every tenant table, and municipalities). */
async function builtTables(q: Queryable, municipalityId: string): Promise<TTable[]> {
  const { rows } = await q.query<{ name: string; columns: string[]; refs: string[] }>(
    `SELECT c.relname::text AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns,
            coalesce((SELECT array_agg(DISTINCT r.relname::text) FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid
                       WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid), '{}') AS refs
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind IN ('r', 'p')
        AND (c.relname = 'municipalities'
             OR EXISTS (SELECT 1 FROM pg_attribute m WHERE m.attrelid = c.oid AND m.attname = 'municipality_id'
                          AND NOT m.attisdropped))
      GROUP BY c.oid, c.relname`,
  );
  const refs = new Map(rows.map((r) => [r.name, r.refs]));
  const depths = new Map<string, number>();
  const depth = (name: string, seen: readonly string[]): number => {
    const known = depths.get(name);
    if (known !== undefined) return known;
    const parents = (refs.get(name) ?? []).filter((p) => refs.has(p) && !seen.includes(p));
    const d = parents.length ? 1 + Math.max(...parents.map((p) => depth(p, [...seen, name]))) : 0;
    depths.set(name, d);
    return d;
  };
  const tables: TTable[] = [];
  for (const r of rows) {
    tables.push({
      name: r.name,
      columns: r.columns.map(ident).join(', '),
      depth: depth(r.name, [r.name]),
      rows: await countRows(q, 'public', r.name, municipalityId),
    });
  }
  return tables;
}

function ofMunicipality(table: string, municipalityId: string): string {
  return `${table === 'municipalities' ? 'id' : 'municipality_id'} = ${pg.escapeLiteral(municipalityId)}`;
}

async function countRows(
  q: Queryable,
  schema: string,
  table: string,
  municipalityId: string,
): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${ident(schema)}.${ident(table)} WHERE ${ofMunicipality(table, municipalityId)}`,
  );
  return rows[0]?.n ?? 0;
}

/** Empty copies of the tables in the floor schema, with the INSERT triggers of the originals. */
async function createFloorTables(q: Queryable, tables: readonly TTable[]): Promise<void> {
  await q.query(`DROP SCHEMA IF EXISTS ${FLOOR} CASCADE; CREATE SCHEMA ${FLOOR}`);
  // Every tenant table, filled or not, so that no trigger function falls through to a public table.
  for (const t of tables) {
    await q.query(`CREATE TABLE ${FLOOR}.${ident(t.name)} (LIKE public.${ident(t.name)} INCLUDING ALL)`);
  }
  const triggers = await q.query<{ table: string; def: string }>(
    `SELECT c.relname::text AS table, pg_get_triggerdef(t.oid) AS def
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = ANY($1::text[]) AND NOT t.tgisinternal
        AND t.tgenabled <> 'D' AND (t.tgtype & 4) <> 0`,
    [tables.map((t) => t.name)],
  );
  for (const t of triggers.rows) {
    // Tenant tables have plain lower-case names (quoted only if the definition quotes them).
    const on = new RegExp(` ON (public\\.)?"?${t.table}"? `);
    if (!on.test(t.def)) throw new Error(`Cannot place trigger on the floor table: ${t.def}`);
    await q.query(t.def.replace(on, ` ON ${FLOOR}.${ident(t.table)} `));
  }
}

async function trySetLocal(q: Queryable, name: string, value: string): Promise<void> {
  await q.query('SAVEPOINT try_set');
  try {
    await q.query('SELECT set_config($1, $2, true)', [name, value]);
    await q.query('RELEASE SAVEPOINT try_set');
  } catch {
    await q.query('ROLLBACK TO SAVEPOINT try_set');
  }
}

/** Copies the municipality's rows out, loads them into the floor schema (timed), checks and drops it. */
export async function measureCopyFloor(
  db: Db,
  municipalityId: string,
  options: {
    log?: (message: string) => void;
    /** Called with the floor schema's name before it is dropped (tests compare its rows). */
    inspect?: (q: Queryable, schema: string) => Promise<void>;
  } = {},
): Promise<TCopyFloor> {
  const log = options.log ?? (() => {});
  const client = await db.pool.connect();
  const dir = await mkdtemp(path.join(tmpdir(), 'beskyt-p4-floor-'));
  try {
    const tables = await builtTables(client, municipalityId);
    await createFloorTables(client, tables);
    const toLoad = tables
      .filter((t) => t.rows > 0 && !(t.name in FILLED_BY_TRIGGER))
      .sort((a, b) => b.depth - a.depth || a.name.localeCompare(b.name));
    for (const t of toLoad) {
      await pipeline(
        client.query(
          copyTo(
            `COPY (SELECT ${t.columns} FROM public.${ident(t.name)} WHERE ${ofMunicipality(t.name, municipalityId)})
             TO STDOUT (FORMAT binary)`,
          ),
        ),
        createWriteStream(path.join(dir, t.name)),
      );
    }
    // Not timed: see above (vacuum, checkpoint).
    for (const t of tables.filter((t) => t.rows > 0)) await client.query(`VACUUM public.${ident(t.name)}`);
    await client.query('CHECKPOINT').catch(() => {});

    const loaded: TCopyFloor['tables'] = [];
    const start = performance.now();
    await client.query('BEGIN');
    try {
      // The build's settings (src/server/seed/scale.ts), and the floor's tables first for the triggers.
      await client.query(`SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '256MB';
                          SET LOCAL search_path = ${FLOOR}, public`);
      await trySetLocal(client, 'wal_compression', 'on');
      await client.query(`SELECT set_config('beskyt.defer_child_profiles', 'on', true),
                                 set_config('beskyt.defer_dashboard_pack', 'on', true)`);
      for (const t of toLoad) {
        const tableStart = performance.now();
        await withoutReferenceChecks(client, [`${FLOOR}.${t.name}`], () =>
          pipeline(
            createReadStream(path.join(dir, t.name)),
            client.query(
              copyFrom(`COPY ${FLOOR}.${ident(t.name)} (${t.columns}) FROM STDIN (FORMAT binary)`),
            ),
          ),
        );
        const seconds = (performance.now() - tableStart) / 1000;
        loaded.push({ table: t.name, rows: t.rows, seconds });
        log(`  floor ${t.name.padEnd(32)} ${seconds.toFixed(2).padStart(6)} s  ${t.rows} rows`);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
    const seconds = (performance.now() - start) / 1000;

    for (const t of tables) {
      const floor = await countRows(client, FLOOR, t.name, municipalityId);
      const built = await countRows(client, 'public', t.name, municipalityId);
      if (floor !== t.rows || built !== t.rows) {
        throw new Error(
          `P4 floor: ${t.name} has ${floor} rows in the floor, ${built} built, expected ${t.rows}`,
        );
      }
    }
    await options.inspect?.(client, FLOOR);
    return { seconds, rows: toLoad.reduce((n, t) => n + t.rows, 0), tables: loaded };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${FLOOR} CASCADE`).catch(() => {});
    client.release();
    await rm(dir, { recursive: true, force: true });
  }
}
