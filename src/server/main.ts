import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import { buildApp } from './app.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open-database.ts';
import { readEnv } from './env.ts';
import { enqueueAssessmentImport, startJobs } from './jobs/jobs.ts';
import { AuditWriter } from './modules/audit/audit-writer.ts';
import { enqueueCaseworkerChange } from './modules/caseworker-change/caseworker-change.jobs.ts';
import { createCprCipher } from './modules/children/cpr.ts';
import { dispatchNotices } from './modules/notices/notices.jobs.ts';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './seed/demo/demo.ts';
import { readOrCreateDevKey } from './seed/dev-key.ts';

const env = readEnv();
const production = env.NODE_ENV === 'production';
const database = await openDatabase(env);
let closing = false;
let app: FastifyInstance | undefined;
let audit: AuditWriter | undefined;
let jobs: PgBoss | undefined;

async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: stopping Beskyt…`);
  try {
    await app?.close();
    await jobs?.stop({ graceful: true, wait: true });
    await audit?.drain();
  } finally {
    await database.close();
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await migrate(database.db);
const cipher = createCprCipher(env.BESKYT_CPR_KEY ?? (await readOrCreateDevKey(env.DATA_DIR)));
if (!production) {
  const seeded = await seedDemo(database.db, cipher, { log: (m) => console.log(m) });
  if (seeded.created) console.log('Demo data created: Demo Kommune and Nabo Kommune.');
}
const boss = await startJobs(database.url, database.db);
jobs = boss;
audit = new AuditWriter(database.db);
app = await buildApp(
  { db: database.db, audit, cipher, dispatchNotices: () => dispatchNotices(boss) },
  {
    secureCookies: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    refuseDemoUsers: production,
    webRoot: path.resolve('dist/web'),
    enqueueImport: (importId) => enqueueAssessmentImport(boss, importId),
    enqueueCaseworkerChange: (m, changeId) => enqueueCaseworkerChange(boss, m, changeId),
  },
);
const address = await app.listen({ port: env.PORT, host: env.HOST });

console.log(`\nBeskyt is running at ${address.replace('127.0.0.1', 'localhost')}`);
console.log(
  `Database: ${database.embedded ? `embedded PostgreSQL (data in ${path.resolve(env.DATA_DIR)})` : 'DATABASE_URL'}`,
);
if (!production) {
  console.log(`\nDemo logins (password: ${DEMO_PASSWORD}):`);
  for (const login of demoLogins()) console.log(`  ${login.email.padEnd(40)} ${login.role}`);
}
console.log('\nAPI docs: /api/docs   Stop: Ctrl+C');
