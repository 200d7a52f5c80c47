import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { chainHash } from './audit-hash.ts';
import { AuditWriter, type TAuditEvent } from './audit-writer.ts';
import { verifyAuditChain } from './verify-chain.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

let t: TTestApp;
let professional: TSession;
let demoId: string;
let naboId: string;

beforeAll(async () => {
  t = await startTestApp();
  professional = await t.login('professional@demo.beskyt.test');
  const { rows } = await t.db.pool.query(
    "SELECT slug, id FROM municipalities WHERE slug IN ('demo', 'nabo')",
  );
  const ids = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
  demoId = ids.demo;
  naboId = ids.nabo;
});
afterAll(() => t.close());

async function readSomeProfiles(session: TSession, n: number): Promise<void> {
  const list = await t.as(session, 'GET', `/api/v1/children?pageSize=${n}`);
  expect(list.statusCode).toBe(200);
  for (const child of list.json().items) {
    expect((await t.as(session, 'GET', `/api/v1/children/${child.id}`)).statusCode).toBe(200);
  }
}

function runVerifyCli(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/server/modules/audit/verify-cli.ts'],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: 'test' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function event(municipalityId: string, run: string, i: number, kind: string): TAuditEvent {
  return {
    municipalityId,
    userId: null,
    role: null,
    action: 'read',
    entity: 'test',
    entityId: null,
    childId: null,
    purpose: 'concurrency-test',
    ip: '127.0.0.1',
    detail: { run, i, kind },
  };
}

/** Per municipality: are the seqs exactly 1..n? */
async function seqsAreGapFree(): Promise<void> {
  const { rows } = await t.db.pool.query(
    'SELECT municipality_id, count(*)::int AS n, min(seq)::int AS lo, max(seq)::int AS hi FROM audit_events GROUP BY municipality_id',
  );
  for (const r of rows) expect({ lo: r.lo, hi: r.hi }).toEqual({ lo: 1, hi: r.n });
}

async function countsByTag(run: string): Promise<Map<string, number>> {
  const { rows } = await t.db.pool.query(
    `SELECT municipality_id || ':' || (detail ->> 'kind') || ':' || (detail ->> 'i') AS tag, count(*)::int AS n
       FROM audit_events WHERE detail ->> 'run' = $1 GROUP BY 1`,
    [run],
  );
  return new Map(rows.map((r) => [r.tag as string, r.n as number]));
}

describe('audit chain', () => {
  it('holds after audited profile reads', async () => {
    await readSomeProfiles(professional, 10);
    const { rows } = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE user_id = $1 AND action = 'read'",
      [professional.user.id],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(10);
    const report = await verifyAuditChain(t.db);
    expect(report.firstBreak).toBeNull();
    expect(report.events).toBeGreaterThanOrEqual(11);
  });
});

describe('append-only', () => {
  it('refuses UPDATE and DELETE by the owner (trigger)', async () => {
    await expect(
      t.db.pool.query("UPDATE audit_events SET purpose = 'x' WHERE seq = 1"),
    ).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('append-only'),
    });
    await expect(t.db.pool.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('append-only'),
    });
    await expect(t.db.pool.query('TRUNCATE audit_events')).rejects.toMatchObject({ code: '42501' });
    expect((await verifyAuditChain(t.db)).firstBreak).toBeNull();
  });

  it('refuses UPDATE and DELETE by the application role (no grant)', async () => {
    await expect(
      t.db.tenant(demoId, (q) =>
        q.query("UPDATE audit_events SET purpose = 'x' WHERE municipality_id = $1", [demoId]),
      ),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('permission denied') });
    await expect(
      t.db.tenant(demoId, (q) => q.query('DELETE FROM audit_events WHERE municipality_id = $1', [demoId])),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('permission denied') });
    expect((await verifyAuditChain(t.db)).firstBreak).toBeNull();
  });
});

describe('concurrent writers', () => {
  it('keeps both chains gap-free with 500 queued events and 20 write transactions at once', async () => {
    const run = randomUUID();
    const recorded = Array.from({ length: 500 }, (_, i) =>
      t.audit.record(event(i % 2 === 0 ? demoId : naboId, run, i, 'record')),
    );
    const transactions = Array.from({ length: 20 }, (_, i) =>
      t.db.system(async (q) => {
        const m = i % 2 === 0 ? naboId : demoId;
        await q.query('SELECT 1 FROM municipalities WHERE id = $1', [m]);
        await t.audit.inTransaction(q, event(m, run, i, 'tx'));
      }),
    );
    await Promise.all([...recorded, ...transactions]);

    const report = await verifyAuditChain(t.db);
    expect(report.firstBreak).toBeNull();
    await seqsAreGapFree();
    const counts = await countsByTag(run);
    expect(counts.size).toBe(520);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (let i = 0; i < 500; i++) expect(counts.get(`${i % 2 === 0 ? demoId : naboId}:record:${i}`)).toBe(1);
    for (let i = 0; i < 20; i++) expect(counts.get(`${i % 2 === 0 ? naboId : demoId}:tx:${i}`)).toBe(1);
  });

  it('leaves no trace of a write transaction that rolls back', async () => {
    const run = randomUUID();
    await expect(
      t.db.system(async (q) => {
        await t.audit.inTransaction(q, event(demoId, run, 0, 'rolled-back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await t.audit.record(event(demoId, run, 1, 'record'));
    expect((await countsByTag(run)).size).toBe(1);
    expect((await verifyAuditChain(t.db)).firstBreak).toBeNull();
    await seqsAreGapFree();
  });

  it('keeps the chain valid when two app instances write to the same database at once', async () => {
    const run = randomUUID();
    const a = new AuditWriter(t.db);
    const b = new AuditWriter(t.db);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 300; i++) {
      const writer = i % 2 === 0 ? a : b;
      writes.push(writer.record(event(i % 3 === 0 ? naboId : demoId, run, i, 'instance')));
      // Spread over several flushes, so the instances' batches interleave.
      if (i % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    writes.push(
      ...Array.from({ length: 10 }, (_, i) =>
        t.db.system((q) => (i % 2 === 0 ? a : b).inTransaction(q, event(demoId, run, 1000 + i, 'instance'))),
      ),
    );
    await Promise.all(writes);
    await Promise.all([a.drain(), b.drain()]);
    expect((await verifyAuditChain(t.db)).firstBreak).toBeNull();
    await seqsAreGapFree();
    const counts = await countsByTag(run);
    expect(counts.size).toBe(310);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('tampering', () => {
  /** Runs `sql` as the owner with the append-only trigger disabled for just that statement's transaction. */
  async function tamper(sql: string, params: unknown[]): Promise<number> {
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      const res = await client.query(sql, params);
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await client.query('COMMIT');
      return res.rowCount ?? 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async function middleSeq(municipalityId: string): Promise<number> {
    const { rows } = await t.db.pool.query(
      'SELECT max(seq)::int AS hi FROM audit_events WHERE municipality_id = $1',
      [municipalityId],
    );
    expect(rows[0].hi).toBeGreaterThan(10);
    return Math.floor(rows[0].hi / 2);
  }

  it('lets the verify command pass an intact chain with exit code 0', async () => {
    const cli = await runVerifyCli();
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/intact/i);
  });

  it('names the municipality and seq of an event whose purpose was changed, and the CLI exits 1', async () => {
    const seq = await middleSeq(demoId);
    const { rows } = await t.db.pool.query(
      'SELECT purpose FROM audit_events WHERE municipality_id = $1 AND seq = $2',
      [demoId, seq],
    );
    const original = rows[0].purpose as string;
    expect(
      await tamper("UPDATE audit_events SET purpose = 'omskrevet' WHERE municipality_id = $1 AND seq = $2", [
        demoId,
        seq,
      ]),
    ).toBe(1);
    try {
      // The trigger is back on afterwards.
      await expect(
        t.db.pool.query('UPDATE audit_events SET purpose = purpose WHERE seq = 1'),
      ).rejects.toMatchObject({
        code: '42501',
      });
      const report = await verifyAuditChain(t.db);
      expect(report.firstBreak).toEqual({ municipalityId: demoId, seq, reason: 'hash' });
      const cli = await runVerifyCli();
      expect(cli.stderr).toContain(demoId);
      expect(cli.stderr).toContain(`seq ${seq}`);
      expect(cli.code, 'verify-cli exit code on a broken chain').toBe(1);
    } finally {
      await tamper('UPDATE audit_events SET purpose = $3 WHERE municipality_id = $1 AND seq = $2', [
        demoId,
        seq,
        original,
      ]);
    }
    expect((await verifyAuditChain(t.db)).firstBreak).toBeNull();
  });

  it('names an event whose detail was changed', async () => {
    const seq = await middleSeq(naboId);
    const { rows } = await t.db.pool.query(
      'SELECT detail FROM audit_events WHERE municipality_id = $1 AND seq = $2',
      [naboId, seq],
    );
    await tamper(
      `UPDATE audit_events SET detail = coalesce(detail, '{}'::jsonb) || '{"forged": true}' WHERE municipality_id = $1 AND seq = $2`,
      [naboId, seq],
    );
    try {
      expect((await verifyAuditChain(t.db)).firstBreak).toEqual({
        municipalityId: naboId,
        seq,
        reason: 'hash',
      });
    } finally {
      await tamper('UPDATE audit_events SET detail = $3 WHERE municipality_id = $1 AND seq = $2', [
        naboId,
        seq,
        rows[0].detail,
      ]);
    }
    expect((await verifyAuditChain(t.db)).firstBreak).toBeNull();
  });

  it('names the gap where a middle event was deleted', async () => {
    const seq = await middleSeq(demoId);
    const { rows } = await t.db.pool.query(
      'SELECT * FROM audit_events WHERE municipality_id = $1 AND seq = $2',
      [demoId, seq],
    );
    expect(
      await tamper('DELETE FROM audit_events WHERE municipality_id = $1 AND seq = $2', [demoId, seq]),
    ).toBe(1);
    try {
      expect((await verifyAuditChain(t.db)).firstBreak).toEqual({
        municipalityId: demoId,
        seq,
        reason: 'gap',
      });
      const cli = await runVerifyCli();
      expect(cli.stderr).toContain(`seq ${seq}`);
      expect(cli.stderr).toContain('gap');
      expect(cli.code, 'verify-cli exit code on a broken chain').toBe(1);
    } finally {
      // Put the event back (INSERT is allowed): the chain holds again.
      const r = rows[0];
      await t.db.pool.query(
        `INSERT INTO audit_events (municipality_id, seq, at, user_id, role, action, entity, entity_id, child_id, purpose, ip, detail, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          r.municipality_id,
          r.seq,
          r.at,
          r.user_id,
          r.role,
          r.action,
          r.entity,
          r.entity_id,
          r.child_id,
          r.purpose,
          r.ip,
          r.detail,
          r.prev_hash,
          r.hash,
        ],
      );
    }
    expect((await verifyAuditChain(t.db)).firstBreak).toBeNull();
  });

  it('names the next event when a forger rewrites an event and recomputes its hash', async () => {
    const seq = await middleSeq(demoId);
    const { rows } = await t.db.pool.query(
      'SELECT * FROM audit_events WHERE municipality_id = $1 AND seq = $2',
      [demoId, seq],
    );
    const r = rows[0];
    const forged = chainHash(r.prev_hash, {
      municipalityId: demoId,
      seq,
      at: r.at,
      userId: r.user_id,
      role: r.role,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      childId: r.child_id,
      purpose: 'forfalsket',
      ip: r.ip,
      detail: r.detail,
    });
    await tamper(
      "UPDATE audit_events SET purpose = 'forfalsket', hash = $3 WHERE municipality_id = $1 AND seq = $2",
      [demoId, seq, forged],
    );
    try {
      expect((await verifyAuditChain(t.db)).firstBreak).toEqual({
        municipalityId: demoId,
        seq: seq + 1,
        reason: 'prevHash',
      });
    } finally {
      await tamper(
        'UPDATE audit_events SET purpose = $3, hash = $4 WHERE municipality_id = $1 AND seq = $2',
        [demoId, seq, r.purpose, r.hash],
      );
    }
    expect((await verifyAuditChain(t.db)).firstBreak).toBeNull();
  });
});
