import type pg from 'pg';
import type { Db, Queryable } from '../db/client.ts';
import { SESSION_SQL, sessionKey, sessionUser, type TSessionRow } from '../modules/auth/sessions.ts';
import type { TSessionUser } from './context.ts';

export interface TSessionRead {
  user: TSessionUser;
  /** The Db the request's use-case gets: its first read of the user's municipality runs in the open transaction. */
  db: Db;
  /** Ends the open transaction if the use-case never used it. */
  finish(): void;
}

function release(client: pg.PoolClient, end: 'COMMIT' | 'ROLLBACK'): void {
  // A read-only transaction has nothing to make durable: nobody waits for its end.
  client.query(end).then(
    () => client.release(),
    (error: Error) => client.release(error),
  );
}

/**
 * A GET's session look-up and the opening of its read transaction in one round trip: BEGIN READ ONLY,
 * the session row (binding the transaction to the session's municipality), then the switch to the row-level
 * security role. The key is hex of a SHA-256 computed here, so it can be written into the SQL.
 */
export async function openSessionRead(db: Db, token: string): Promise<TSessionRead | null> {
  const key = sessionKey(token);
  const client = await db.pool.connect();
  let row: TSessionRow | undefined;
  try {
    const results = (await client.query(
      `BEGIN READ ONLY;
       SELECT set_config('app.municipality_id', x.municipality_id::text, true) AS bound, x.*
         FROM (${SESSION_SQL(`'\\x${key.toString('hex')}'::bytea`)}) x;
       SELECT set_config('role', 'beskyt_app', true)`,
    )) as unknown as pg.QueryResult<TSessionRow>[];
    row = results[1]?.rows[0];
  } catch (error) {
    release(client, 'ROLLBACK');
    throw error;
  }
  if (!row) {
    release(client, 'ROLLBACK');
    return null;
  }
  let open = true;
  const user = await sessionUser(db, client, key, row).catch((error) => {
    release(client, 'ROLLBACK');
    open = false;
    throw error;
  });
  const tenantRead = async <T>(municipalityId: string, fn: (q: Queryable) => Promise<T>): Promise<T> => {
    if (!open || municipalityId !== user.municipalityId) return db.tenantRead(municipalityId, fn);
    open = false;
    try {
      const result = await fn(client);
      release(client, 'COMMIT');
      return result;
    } catch (error) {
      release(client, 'ROLLBACK');
      throw error;
    }
  };
  const finish = () => {
    if (open) release(client, 'COMMIT');
    open = false;
  };
  // Any other use of the database first gives the open connection back, so a request never holds one
  // connection while waiting for another (with a full pool that would wait forever).
  const pool = new Proxy(db.pool, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'query' && prop !== 'connect')
        return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        finish();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    user,
    db: {
      pool,
      tenantRead,
      tenant: (m, fn) => {
        finish();
        return db.tenant(m, fn);
      },
      system: (fn) => {
        finish();
        return db.system(fn);
      },
      close: () => db.close(),
    },
    finish,
  };
}
