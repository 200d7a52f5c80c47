import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { createDb } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { createCprCipher } from '../../src/server/modules/children/cpr.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo/demo.ts';
import { createBenchDatabase } from './bench-database.ts';
import { treeCpuSeconds } from './process-cpu.ts';
import { report } from './report.ts';

const CONNECTIONS = 64;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface TLoad {
  rps: number;
  p99: number;
  requests: number;
  /** CPU of the load generator, the server and the database per request. */
  cpuMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** CPU of this process (the load generator), the server and the database per request: steadier than req/s. */
async function measured(run: () => Promise<Omit<TLoad, 'cpuMs'>>): Promise<TLoad> {
  const before = treeCpuSeconds(process.pid);
  const result = await run();
  return { ...result, cpuMs: ((treeCpuSeconds(process.pid) - before) * 1000) / result.requests };
}

async function load(
  url: string,
  headers: Record<string, string>,
  ids: string[],
  path: (id: string) => string,
  duration = DURATION_S,
) {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, path: path(ids[i++ % ids.length] ?? '') }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return { rps: result.requests.average, p99: result.latency.p99, requests: result.requests.total };
}

/** P2: the audited child profile (session, permission, relation, audit) against a bare indexed SELECT. */
export async function benchP2(): Promise<void> {
  const database = await createBenchDatabase();
  const key = randomBytes(32).toString('hex');
  const db = createDb(database.url);
  await migrate(db);
  await seedDemo(db, createCprCipher(key), { childrenPerMunicipality: 2000 });
  const server = fork(new URL('./p2-server.ts', import.meta.url).pathname, [], {
    env: { ...process.env, BENCH_DATABASE_URL: database.url, BENCH_CPR_KEY: key },
    // BENCH_PROFILE=dir writes a V8 CPU profile of the server to that folder.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      server.once('message', (m) => resolve((m as { address: string }).address));
      server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'professional@demo.beskyt.test', password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const list = await fetch(`${base}/api/v1/children?pageSize=100`, { headers: { cookie } });
    const ids = ((await list.json()) as { items: { id: string }[] }).items.map((c) => c.id);
    if (ids.length === 0) throw new Error('the professional sees no children');
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n;

    // Warm both paths first (JIT, statement caches, pool), so neither is measured cold.
    await load(base, {}, ids, (id) => `/bench/bare/${id}`, 3);
    await load(base, { cookie }, ids, (id) => `/api/v1/children/${id}`, 3);
    // In turns (bare, audited, bare, audited, …): a burst of other work on a shared machine, an autovacuum
    // or a checkpoint then slows one round of each side, not one side only. The figures are medians.
    const bare: TLoad[] = [];
    const audited: TLoad[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await measured(() => load(base, {}, ids, (id) => `/bench/bare/${id}`)));
      audited.push(await measured(() => load(base, { cookie }, ids, (id) => `/api/v1/children/${id}`)));
    }
    const after = (await db.pool.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n;
    const events = after - before;
    const auditedRequests = audited.reduce((sum, r) => sum + r.requests, 0);

    report('P2', 'rounds', ROUNDS, `of ${DURATION_S} s each side`);
    report('P2', 'bare_rps', median(bare.map((r) => r.rps)), 'req/s');
    report('P2', 'bare_p99', median(bare.map((r) => r.p99)), 'ms');
    report('P2', 'audited_rps', median(audited.map((r) => r.rps)), 'req/s');
    report('P2', 'audited_p99', median(audited.map((r) => r.p99)), 'ms');
    report('P2', 'audited_p99_worst_round', Math.max(...audited.map((r) => r.p99)), 'ms');
    report(
      'P2',
      'ratio',
      median(audited.map((r, i) => r.rps / (bare[i]?.rps ?? Number.NaN))),
      'audited/bare',
    );
    report('P2', 'bare_cpu_per_request', median(bare.map((r) => r.cpuMs)), 'ms');
    report('P2', 'audited_cpu_per_request', median(audited.map((r) => r.cpuMs)), 'ms');
    report(
      'P2',
      'cpu_ratio',
      median(audited.map((r, i) => (bare[i]?.cpuMs ?? Number.NaN) / r.cpuMs)),
      'bare/audited CPU per request',
    );
    report('P2', 'audit_events_written', events, 'events');
    // Every audited answer left its durable audit event (the warm-up's too).
    if (events < auditedRequests)
      throw new Error(`${auditedRequests} audited reads but ${events} audit events`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await db.close();
    await database.drop();
  }
}
