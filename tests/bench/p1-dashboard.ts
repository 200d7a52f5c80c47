import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDb } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { createCprCipher } from '../../src/server/modules/children/cpr.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.ts';
import { buildScaleMunicipality } from '../../src/server/seed/scale.ts';
import { createBenchDatabase } from './bench-database.ts';
import { report } from './report.ts';

const RUNS = Number(process.env.BENCH_P1_RUNS ?? 40);
const QUERY = 'groupBy=theme,unit,period';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

function rssMb(pid: number): number {
  const line =
    readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:')) ?? '';
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/**
 * P1: the measurement parameter by theme × unit × period at Copenhagen scale through the real endpoint
 * (session, permission, rollup, suppression, JSON), against the best hand-written SQL for the same sums.
 * Targets: p50 and p95 ≤ 100 ms, ratio ≤ 1.3, server RSS < 1 GB.
 */
export async function benchP1(): Promise<void> {
  const database = await createBenchDatabase();
  const key = randomBytes(32).toString('hex');
  const db = createDb(database.url, { max: 4 });
  await migrate(db);
  const built = await buildScaleMunicipality(db, createCprCipher(key), {});
  const analyst = built.logins.find((l) => l.role === 'analyst')?.email ?? '';
  const server = fork(new URL('./p2-server.ts', import.meta.url).pathname, [], {
    env: { ...process.env, BENCH_DATABASE_URL: database.url, BENCH_CPR_KEY: key },
    execArgv: ['--import', 'tsx'],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      server.once('message', (m) => resolve((m as { address: string }).address));
      server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: analyst, password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    let rows = 0;
    let maxRss = 0;
    const endpoint = await timed(RUNS, async () => {
      const res = await fetch(`${base}/api/v1/measurement?${QUERY}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`measurement answered ${res.status}`);
      rows = ((await res.json()) as { rows: unknown[] }).rows.length;
      if (server.pid) maxRss = Math.max(maxRss, rssMb(server.pid));
    });
    const sql = await timed(RUNS, () =>
      db.pool.query(
        `SELECT theme_key, unit_id, period, sum(n) AS n, sum(sum_x) AS sx, sum(sum_x2) AS sx2
           FROM measurement_cells WHERE municipality_id = $1 AND n > 0 GROUP BY 1, 2, 3`,
        [built.id],
      ),
    );
    report('P1', 'rows', rows, 'cells');
    report('P1', 'endpoint_p50', percentile(endpoint, 50), 'ms');
    report('P1', 'endpoint_p95', percentile(endpoint, 95), 'ms');
    report('P1', 'sql_p50', percentile(sql, 50), 'ms');
    report('P1', 'sql_p95', percentile(sql, 95), 'ms');
    report('P1', 'ratio_p50', percentile(endpoint, 50) / percentile(sql, 50), 'endpoint/sql');
    report('P1', 'server_rss_max', maxRss, 'MB');
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await db.close();
    await database.drop();
  }
}
