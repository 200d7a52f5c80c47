import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { createDb } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { AuditWriter } from '../../src/server/modules/audit/audit-writer.ts';
import { createCprCipher } from '../../src/server/modules/children/cpr.ts';
import { fileDropTransport } from '../../src/server/modules/letters/file-drop-transport.ts';
import { sendAllDueLetters } from '../../src/server/modules/letters/send-due-letters.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo/demo.ts';
import { createBenchDatabase } from './bench-database.ts';
import { report } from './report.ts';

const CASES = 200;

/**
 * P3: a caseworker with 200 open cases leaves. Timed from the manager's proposal to the last letter in the
 * file drop: propose (same team, balanced), confirm, move the 200 cases, render and queue 200 PDF letters
 * (one parent with custody per child), and send them through the file-drop transport. Target ≤ 10 s.
 */
export async function benchP3(): Promise<void> {
  const database = await createBenchDatabase();
  const db = createDb(database.url);
  const outbox = await mkdtemp(path.join(tmpdir(), 'beskyt-p3-outbox-'));
  const audit = new AuditWriter(db);
  try {
    await migrate(db);
    const cipher = createCprCipher(randomBytes(32).toString('hex'));
    await seedDemo(db, cipher, { childrenPerMunicipality: 100 });
    const { rows } = await db.pool.query(
      `SELECT ra.municipality_id, ra.team_id, ra.user_id FROM role_assignments ra JOIN users u ON u.id = ra.user_id
        WHERE u.email = 'caseworker@demo.beskyt.test' AND ra.role = 'caseworker'`,
    );
    const { municipality_id: m, team_id: teamId, user_id: leaving } = rows[0];
    // 200 children, each with one parent with custody at an address, and an open case held by the leaver.
    await db.system(async (q) => {
      const household = randomUUID();
      await q.query(
        "INSERT INTO households (municipality_id, id, address, postal_code, city) VALUES ($1, $2, 'Bænkevej 3', '9000', 'Aalborg')",
        [m, household],
      );
      for (let i = 0; i < CASES; i++) {
        const child = randomUUID();
        const guardian = randomUUID();
        await q.query(
          `INSERT INTO children (municipality_id, id, first_name, last_name, birth_date, gender, cpr_encrypted, cpr_hash)
           VALUES ($1, $2, $3, 'Bench', '2015-05-05', 'female', $4, $5)`,
          [m, child, `Barn${i}`, randomBytes(40), randomBytes(32)],
        );
        await q.query(
          `INSERT INTO guardians (municipality_id, id, first_name, last_name, household_id) VALUES ($1, $2, $3, 'Bench', $4)`,
          [m, guardian, `Forælder${i}`, household],
        );
        await q.query(
          `INSERT INTO child_guardians (municipality_id, child_id, guardian_id, relation, has_custody) VALUES ($1, $2, $3, 'mother', true)`,
          [m, child, guardian],
        );
        await q.query(
          `INSERT INTO cases (municipality_id, reference, child_id, team_id, caseworker_id, aware_on, assessment_due_on, opened_by)
           VALUES ($1, $2, $3, $4, $5, current_date - 30, current_date + 90, $5)`,
          [m, `S-B${String(i).padStart(5, '0')}`, child, teamId, leaving],
        );
      }
    });
    const app = await buildApp({ db, audit, cipher }, { loginRateLimit: 1000 });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'caseworkManager@demo.beskyt.test', password: DEMO_PASSWORD },
      });
      const cookie = `beskyt_session=${login.cookies.find((c) => c.name === 'beskyt_session')?.value}`;
      const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
      const open = (
        await db.pool.query(
          "SELECT count(*)::int AS n FROM cases WHERE caseworker_id = $1 AND status = 'open'",
          [leaving],
        )
      ).rows[0].n;

      const start = performance.now();
      const proposed = await app.inject({
        method: 'POST',
        url: '/api/v1/caseworker-changes',
        headers,
        payload: { leavingUserId: leaving, effectiveOn: '2027-03-01' },
      });
      const change = proposed.json();
      const afterPropose = performance.now();
      const confirmed = await app.inject({
        method: 'POST',
        url: `/api/v1/caseworker-changes/${change.id}/confirm`,
        headers,
        payload: {
          version: change.version,
          assignments: change.items.map((i: { caseId: string; proposedUserId: string }) => ({
            caseId: i.caseId,
            targetUserId: i.proposedUserId,
          })),
        },
      });
      if (confirmed.statusCode !== 202)
        throw new Error(`confirm failed: ${confirmed.statusCode} ${confirmed.body}`);
      const afterQueue = performance.now();
      const sent = await sendAllDueLetters(db, audit, fileDropTransport(outbox));
      const end = performance.now();

      const files = (await readdir(path.join(outbox, m))).filter((f) => f.endsWith('.pdf')).length;
      const letters = (
        await db.pool.query("SELECT count(*)::int AS n FROM letters WHERE kind = 'caseworkerChange'")
      ).rows[0].n;
      if (open < CASES || letters < CASES || files < CASES || sent.sent < CASES)
        throw new Error(
          `expected ${CASES}+: cases ${open}, letters ${letters}, files ${files}, sent ${sent.sent}`,
        );
      report('P3', 'cases_reassigned', open, 'cases');
      report('P3', 'letters_file_dropped', files, 'PDFs');
      report('P3', 'propose_ms', afterPropose - start, 'ms');
      report('P3', 'reassign_and_queue_ms', afterQueue - afterPropose, 'ms');
      report('P3', 'send_ms', end - afterQueue, 'ms');
      report('P3', 'total_s', (end - start) / 1000, 's (target ≤ 10)');
    } finally {
      await app.close();
    }
  } finally {
    await audit.drain();
    await db.close();
    await database.drop();
    await rm(outbox, { recursive: true, force: true });
  }
}
