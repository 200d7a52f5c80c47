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

/** Binds a transaction to one municipality under the row-level security role; planned once per connection. */
const BIND_TENANT = {
  name: 'bind-tenant',
  text: "SELECT set_config('role', 'beskyt_app', true), set_config('app.municipality_id', $1, true)",
};

async function inTransaction<T>(
  pool: pg.Pool,
  begin: 'BEGIN' | 'BEGIN READ ONLY',
  municipalityId: string | null,
  fn: (q: Queryable) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    if (municipalityId) await client.query({ ...BIND_TENANT, values: [municipalityId] });
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

async function inReadTransaction<T>(
  pool: pg.Pool,
  municipalityId: string,
  fn: (q: Queryable) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query({ ...BIND_TENANT, values: [municipalityId] });
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

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 20,
    // Named statements are the hot paths with key look-ups: plan them once, not at every execution.
    options: '-c plan_cache_mode=force_generic_plan',
    // A request never waits for ever on a full pool.
    connectionTimeoutMillis: 15_000,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  return {
    pool,
    tenant: (municipalityId, fn) => inTransaction(pool, 'BEGIN', municipalityId, fn),
    tenantRead: (municipalityId, fn) => inReadTransaction(pool, municipalityId, fn),
    system: (fn) => inTransaction(pool, 'BEGIN', null, fn),
    close: () => pool.end(),
  };
}
