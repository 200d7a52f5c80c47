import pg from 'pg';
import type { TEnv } from '../env.ts';
import { createDb, type Db } from './client.ts';
import { startEmbeddedPostgres } from './embedded.ts';

export interface TOpenDatabase {
  db: Db;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in DATA_DIR, started now and stopped on close. */
export async function openDatabase(
  env: TEnv,
  options: { poolSize?: number } = { poolSize: env.DB_POOL_SIZE },
): Promise<TOpenDatabase> {
  if (env.DATABASE_URL) {
    const db = createDb(env.DATABASE_URL, { max: options.poolSize });
    return { db, url: env.DATABASE_URL, embedded: false, close: () => db.close() };
  }
  const embedded = await startEmbeddedPostgres(env.DATA_DIR);
  try {
    await ensureDatabase(embedded.url('postgres'), 'beskyt');
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const url = embedded.url('beskyt');
  const db = createDb(url, { max: options.poolSize });
  return {
    db,
    url,
    embedded: true,
    close: async () => {
      await db.close();
      await embedded.stop();
    },
  };
}
