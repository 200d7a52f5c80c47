import type { FastifyInstance } from 'fastify';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { buildApp } from '../../app.ts';
import { createDb } from '../../db/client.ts';
import { AuditWriter } from '../audit/audit-writer.ts';
import { enqueueCaseworkerChange, registerCaseworkerChangeJobs } from './caseworker-change.jobs.ts';
import { runCaseworkerChange } from './run-caseworker-change.ts';

let t: TTestApp;
let demoId: string;
let manager: TSession;
let naboManager: TSession;
let leaving: string;
let otherTeamWorker: string;
/** A second app instance whose confirmations only queue the job (nothing runs in the request). */
let queueOnly: FastifyInstance;

async function user(email: string): Promise<string> {
  return (await t.db.pool.query('SELECT id FROM users WHERE email = $1', [email])).rows[0].id;
}

async function openCasesOf(userId: string): Promise<number> {
  const { rows } = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM cases WHERE caseworker_id = $1 AND status = 'open'",
    [userId],
  );
  return rows[0].n;
}

beforeAll(async () => {
  t = await startTestApp({ children: 80 });
  demoId = (await t.db.pool.query("SELECT id FROM municipalities WHERE slug = 'demo'")).rows[0].id;
  manager = await t.login('caseworkManager@demo.beskyt.test');
  naboManager = await t.login('caseworkManager@nabo.beskyt.test');
  leaving = await user('caseworker@demo.beskyt.test');
  otherTeamWorker = await user('caseworker4@demo.beskyt.test');
  queueOnly = await buildApp(
    { db: t.db, audit: t.audit, cipher: t.cipher },
    { enqueueCaseworkerChange: async () => {} },
  );
});
afterAll(async () => {
  await queueOnly.close();
  await t.close();
});

describe('caseworker change', () => {
  let change: {
    id: string;
    version: number;
    items: { caseId: string; teamId: string; proposedUserId: string }[];
    teams: { id: string; caseworkers: { id: string; openCases: number }[] }[];
  };

  it('proposes a caseworker in the same team for every open case, balancing caseloads', async () => {
    const open = await openCasesOf(leaving);
    expect(open).toBeGreaterThan(3);
    const res = await t.as(manager, 'POST', '/api/v1/caseworker-changes', {
      leavingUserId: leaving,
      effectiveOn: '2027-03-01',
    });
    expect(res.statusCode).toBe(201);
    change = res.json();
    expect(change.items).toHaveLength(open);
    const team = change.teams[0];
    const members = new Set(team?.caseworkers.map((c) => c.id));
    expect(members.has(leaving)).toBe(false);
    for (const item of change.items) expect(members.has(item.proposedUserId)).toBe(true);
    const after = team?.caseworkers.map(
      (c) => c.openCases + change.items.filter((i) => i.proposedUserId === c.id).length,
    ) as number[];
    const before = team?.caseworkers.map((c) => c.openCases) as number[];
    // Balancing never leaves a wider spread than handing everything to the lightest would.
    expect(Math.max(...after) - Math.min(...after)).toBeLessThanOrEqual(
      Math.max(Math.max(...before) - Math.min(...before), 1),
    );
    const again = await t.as(manager, 'POST', '/api/v1/caseworker-changes', {
      leavingUserId: leaving,
      effectiveOn: '2027-03-01',
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a target outside the team or the municipality and writes nothing', async () => {
    const naboWorker = (
      await t.db.pool.query("SELECT id FROM users WHERE email = 'caseworker2@nabo.beskyt.test'")
    ).rows[0].id;
    for (const target of [otherTeamWorker, naboWorker, leaving]) {
      const assignments = change.items.map((i, n) => ({
        caseId: i.caseId,
        targetUserId: n === 0 ? target : i.proposedUserId,
      }));
      const res = await queueOnly.inject({
        method: 'POST',
        url: `/api/v1/caseworker-changes/${change.id}/confirm`,
        headers: { cookie: manager.cookie, 'x-csrf-token': manager.csrfToken },
        payload: { version: change.version, assignments },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(['assignments.0.targetUserId']);
    }
    const missing = await t.as(manager, 'POST', `/api/v1/caseworker-changes/${change.id}/confirm`, {
      version: change.version,
      assignments: change.items.slice(1).map((i) => ({ caseId: i.caseId, targetUserId: i.proposedUserId })),
    });
    expect(missing.statusCode).toBe(400);
    const state = await t.db.pool.query('SELECT status FROM caseworker_changes WHERE id = $1', [change.id]);
    expect(state.rows[0].status).toBe('proposed');
    expect(await openCasesOf(leaving)).toBe(change.items.length);
    const stale = await t.as(manager, 'POST', `/api/v1/caseworker-changes/${change.id}/confirm`, {
      version: change.version + 1,
      assignments: change.items.map((i) => ({ caseId: i.caseId, targetUserId: i.proposedUserId })),
    });
    expect(stale.statusCode).toBe(409);
  });

  it('hides the change from another municipality (404)', async () => {
    expect((await t.as(naboManager, 'GET', `/api/v1/caseworker-changes/${change.id}`)).statusCode).toBe(404);
  });

  it('two app instances running the confirmed change move every case once and queue one letter per parent with custody', async () => {
    const assignments = change.items.map((i) => ({ caseId: i.caseId, targetUserId: i.proposedUserId }));
    const confirm = await queueOnly.inject({
      method: 'POST',
      url: `/api/v1/caseworker-changes/${change.id}/confirm`,
      headers: { cookie: manager.cookie, 'x-csrf-token': manager.csrfToken },
      payload: { version: change.version, assignments },
    });
    expect(confirm.statusCode).toBe(202);
    expect(confirm.json()).toMatchObject({ status: 'running', processed: 0, percent: 0 });
    const again = await t.as(manager, 'POST', `/api/v1/caseworker-changes/${change.id}/confirm`, {
      version: change.version + 1,
      assignments,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CHANGE_NOT_PROPOSED');

    const a = createDb(t.url, { max: 2 });
    const b = createDb(t.url, { max: 2 });
    try {
      const runs = await Promise.all([
        runCaseworkerChange({ db: a, audit: new AuditWriter(a) }, demoId, change.id),
        runCaseworkerChange({ db: b, audit: new AuditWriter(b) }, demoId, change.id),
      ]);
      expect(runs[0].moved + runs[1].moved).toBe(change.items.length);
      // And once more, after it finished: nothing moves, nothing is queued.
      expect(await runCaseworkerChange({ db: a, audit: new AuditWriter(a) }, demoId, change.id)).toEqual({
        moved: 0,
        letters: 0,
      });
    } finally {
      await a.close();
      await b.close();
    }
    expect(await openCasesOf(leaving)).toBe(0);
    const parents = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM child_guardians cg JOIN cases c ON c.child_id = cg.child_id
        WHERE cg.has_custody AND c.id = ANY($1::uuid[])`,
      [change.items.map((i) => i.caseId)],
    );
    const letters = await t.db.pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS keys,
              bool_and(substring(pdf from 1 for 5) = '%PDF-'::bytea) AS pdfs
         FROM letters WHERE kind = 'caseworkerChange' AND idempotency_key LIKE $1`,
      [`caseworker-change:${change.id}:%`],
    );
    expect(parents.rows[0].n).toBeGreaterThan(0);
    expect(letters.rows[0]).toEqual({ n: parents.rows[0].n, keys: parents.rows[0].n, pdfs: true });
    const progress = (await t.as(manager, 'GET', `/api/v1/caseworker-changes/${change.id}`)).json();
    expect(progress).toMatchObject({ status: 'done', percent: 100, processed: change.items.length });
    expect(progress.lettersQueued).toBe(parents.rows[0].n);
    const timeline = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM case_events WHERE kind = 'reassigned' AND case_id = ANY($1::uuid[])",
      [change.items.map((i) => i.caseId)],
    );
    expect(timeline.rows[0].n).toBe(change.items.length);
    const audited = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'reassign' AND purpose = $1",
      [`caseworker-change:${change.id}`],
    );
    expect(audited.rows[0].n).toBe(change.items.length);
    // Proposing and reading the change list the children: both name them in detail.childIds.
    await t.audit.drain();
    const childIds = (
      await t.db.pool.query('SELECT DISTINCT child_id FROM cases WHERE id = ANY($1::uuid[])', [
        change.items.map((i) => i.caseId),
      ])
    ).rows.map((r) => r.child_id as string);
    const reads = await t.db.pool.query(
      `SELECT action, detail -> 'childIds' AS ids FROM audit_events
        WHERE entity = 'caseworker-change' AND entity_id = $1 AND action IN ('create', 'read')`,
      [change.id],
    );
    expect(new Set(reads.rows.map((r) => r.action))).toEqual(new Set(['create', 'read']));
    for (const r of reads.rows) expect([...r.ids].sort()).toEqual([...childIds].sort());
  });

  it('the family’s letter names the new caseworker in plain Danish', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT l.subject, l.data, u.name FROM letters l
         JOIN caseworker_change_items i ON l.idempotency_key LIKE 'caseworker-change:' || i.change_id || ':' || i.case_id || ':%'
         JOIN users u ON u.id = i.target_user_id
        WHERE i.change_id = $1 LIMIT 1`,
      [change.id],
    );
    expect(rows[0].subject).toMatch(/^Du har fået en ny rådgiver i sagen om /);
    expect(`${rows[0].data.newCaseworkerName} (demo)`).toBe(rows[0].name);
  });
});

describe('the caseworker-change job', () => {
  it('runs a confirmed change through pg-boss while the progress is polled, to done', async () => {
    const leaver = await user('caseworker2@demo.beskyt.test');
    const proposed = await t.as(manager, 'POST', '/api/v1/caseworker-changes', {
      leavingUserId: leaver,
      effectiveOn: '2027-04-01',
    });
    expect(proposed.statusCode).toBe(201);
    const change = proposed.json();
    expect(change.items.length).toBeGreaterThan(0);
    const confirmed = await queueOnly.inject({
      method: 'POST',
      url: `/api/v1/caseworker-changes/${change.id}/confirm`,
      headers: { cookie: manager.cookie, 'x-csrf-token': manager.csrfToken },
      payload: {
        version: change.version,
        assignments: change.items.map((i: { caseId: string; proposedUserId: string }) => ({
          caseId: i.caseId,
          targetUserId: i.proposedUserId,
        })),
      },
    });
    expect(confirmed.json()).toMatchObject({ status: 'running', percent: 0 });
    const boss = new PgBoss({ connectionString: t.url, max: 2 });
    try {
      await boss.start();
      await registerCaseworkerChangeJobs(boss, t.db, t.audit);
      await enqueueCaseworkerChange(boss, demoId, change.id);
      await expect
        .poll(
          async () => (await t.as(manager, 'GET', `/api/v1/caseworker-changes/${change.id}`)).json().percent,
          {
            timeout: 30_000,
            interval: 250,
          },
        )
        .toBe(100);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(await openCasesOf(leaver)).toBe(0);
  });
});
