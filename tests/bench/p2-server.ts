/**
 * The server under load for P2, in its own process so the load generator does not share its event loop.
 * Serves the real app plus one bare endpoint: one indexed SELECT on the same pool, no session, no audit.
 */
import { buildApp } from '../../src/server/app.ts';
import { createDb } from '../../src/server/db/client.ts';
import { AuditWriter } from '../../src/server/modules/audit/audit-writer.ts';
import { createCprCipher } from '../../src/server/modules/children/cpr.ts';

// The pool as the app has it by default (DB_POOL_SIZE); BENCH_POOL tries another size.
const db = createDb(process.env.BENCH_DATABASE_URL ?? '', {
  max: process.env.BENCH_POOL ? Number(process.env.BENCH_POOL) : undefined,
});
const audit = new AuditWriter(db);
const app = await buildApp(
  { db, audit, cipher: createCprCipher(process.env.BENCH_CPR_KEY ?? '') },
  { logLevel: 'error' },
);
app.get('/bench/bare/:id', async (req) => {
  const { rows } = await db.pool.query(
    'SELECT id, first_name, last_name, birth_date FROM children WHERE id = $1',
    [(req.params as { id: string }).id],
  );
  return rows[0];
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ address });
process.on('SIGTERM', async () => {
  await app.close();
  await audit.drain();
  await db.close();
  process.exit(0);
});
