/**
 * The server the browser tests drive: a fresh database (embedded PostgreSQL in a temporary folder, or a new
 * database on DATABASE_URL's server), migrations, a small demo population, the built SPA, port 3100.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { createDb } from '../../src/server/db/client.ts';
import { startEmbeddedPostgres } from '../../src/server/db/embedded.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { ensureDatabase } from '../../src/server/db/open-database.ts';
import { AuditWriter } from '../../src/server/modules/audit/audit-writer.ts';
import { createCprCipher } from '../../src/server/modules/children/cpr.ts';
import { seedDemo } from '../../src/server/seed/demo/demo.ts';

const port = Number(process.env.E2E_PORT ?? 3100);
const name = `beskyt_e2e_${randomBytes(4).toString('hex')}`;
let adminUrl: string;
let cleanup: () => Promise<void>;

if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = '/postgres';
  adminUrl = url.toString();
  cleanup = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
} else {
  const dir = await mkdtemp(path.join(tmpdir(), 'beskyt-e2e-'));
  const embedded = await startEmbeddedPostgres(dir);
  adminUrl = embedded.url('postgres');
  cleanup = async () => {
    // Playwright signals the whole process group, so PostgreSQL may already be gone: the folder goes regardless.
    try {
      await embedded.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

await ensureDatabase(adminUrl, name);
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${name}`;
const db = createDb(dbUrl.toString());
await migrate(db);
const cipher = createCprCipher(randomBytes(32).toString('hex'));
await seedDemo(db, cipher, { childrenPerMunicipality: 300 });
const audit = new AuditWriter(db);
const app = await buildApp(
  { db, audit, cipher },
  { webRoot: path.resolve(process.env.WEB_OUT_DIR ?? 'dist/web'), loginRateLimit: 1000 },
);
await app.listen({ port, host: '127.0.0.1' });
console.log(`e2e server on http://127.0.0.1:${port}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await app.close();
    await audit.drain();
    await db.close();
  } catch {
    // The database may have been stopped by the same signal; nothing left to flush.
  } finally {
    await cleanup().catch(() => {});
    process.exit(0);
  }
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
