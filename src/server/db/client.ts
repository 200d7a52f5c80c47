import pg from 'pg';

export type Queryable = Pick<pg.PoolClient, 'query'>;

export interface Db {
  pool: pg.Pool;
  /** A transaction as the application role, row-level security bound to one municipality. */
  tenant<T>(municipalityId: string, fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * A read-only tenant transaction. It has nothing to make durable, so the caller goes on while COMMIT
   * is still on its way; the connection returns to the pool when it has landed.
   */
  tenantRead<T>(municipalityId: string, fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * One statement under row-level security, bound to one municipality, without an explicit transaction
   * (a single statement is atomic and sees one snapshot). The hot single-query reads use it.
   */
  tenantQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
    municipalityId: string,
    query: pg.QueryConfig,
  ): Promise<pg.QueryResult<R>>;
  /** A transaction as the owner, outside row-level security: login, sessions, audit chain, seed, migrations. */
  system<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Dates stay ISO strings: a birth date must never shift with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// Counts arrive as numbers; a bigint beyond 2^53 (a packed factor mask) arrives as a BigInt, never rounded.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : BigInt(v);
});

/**
 * Tenant connections log in as the row-level security role and carry the municipality they were last
 * bound to as a session setting. A connection already bound to the asked municipality — nearly always,
 * with a handful of municipalities — needs no round trip before its work: on this machine each round trip
 * to PostgreSQL costs more than the query it carries (decision 010).
 */
const BIND_TENANT = {
  name: 'bind-tenant',
  text: "SELECT set_config('app.municipality_id', $1, false)",
};
const boundTo = new WeakMap<pg.PoolClient, string>();

async function tenantClient(pool: pg.Pool, municipalityId: string): Promise<pg.PoolClient> {
  const client = await pool.connect();
  if (boundTo.get(client) === municipalityId) return client;
  try {
    // Outside any transaction, so no ROLLBACK can undo the binding behind our back.
    boundTo.delete(client);
    await client.query({ ...BIND_TENANT, values: [municipalityId] });
    boundTo.set(client, municipalityId);
    return client;
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
}

async function inTransaction<T>(
  client: pg.PoolClient,
  begin: 'BEGIN' | 'BEGIN READ ONLY',
  fn: (q: Queryable) => Promise<T>,
): Promise<T> {
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function inReadTransaction<T>(client: pg.PoolClient, fn: (q: Queryable) => Promise<T>): Promise<T> {
  let result: T;
  try {
    // One snapshot for every statement: a reader sees the figures and their protection of the same moment.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    result = await fn(client);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    throw error;
  }
  client.query('COMMIT').then(
    () => client.release(),
    (error: Error) => client.release(error),
  );
  return result;
}

/** One statement, its own implicit transaction: one round trip on a bound connection. */
async function singleStatement<R extends pg.QueryResultRow>(
  client: pg.PoolClient,
  query: pg.QueryConfig,
): Promise<pg.QueryResult<R>> {
  try {
    return await client.query<R>(query);
  } finally {
    client.release();
  }
}

/** Tenant connections per instance unless told (DB_POOL_SIZE); the owner's pool gets half as many. */
export const DEFAULT_POOL_SIZE = 8;

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const max = options.max ?? DEFAULT_POOL_SIZE;
  const common = {
    connectionString,
    // Named statements are the hot paths with key look-ups: plan them once, not at every execution.
    // Danish time: current_date and a timestamp's date are the day it is in Denmark, not in UTC
    // (a round opening on 1 March is open from Danish midnight, not from 01:00).
    options: '-c plan_cache_mode=force_generic_plan -c TimeZone=Europe/Copenhagen',
    // A request never waits for ever on a full pool.
    connectionTimeoutMillis: 15_000,
  };
  // The owner's pool: sessions, audit, login, jobs, migrations — never a tenant's rows.
  const pool = new pg.Pool({ ...common, max: Math.max(2, Math.ceil(max / 2)) });
  const tenantPool = new pg.Pool({
    ...common,
    max,
    options: `${common.options} -c role=beskyt_app`,
  });
  for (const p of [pool, tenantPool])
    p.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
  return {
    pool,
    tenant: async (municipalityId, fn) =>
      inTransaction(await tenantClient(tenantPool, municipalityId), 'BEGIN', fn),
    tenantRead: async (municipalityId, fn) =>
      inReadTransaction(await tenantClient(tenantPool, municipalityId), fn),
    tenantQuery: async (municipalityId, query) =>
      singleStatement(await tenantClient(tenantPool, municipalityId), query),
    system: async (fn) => inTransaction(await pool.connect(), 'BEGIN', fn),
    close: async () => {
      await Promise.all([pool.end(), tenantPool.end()]);
    },
  };
}
