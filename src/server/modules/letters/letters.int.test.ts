import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { createDb } from '../../db/client.ts';
import { AuditWriter } from '../audit/audit-writer.ts';
import { fileDropTransport } from './file-drop-transport.ts';
import { registerLetterJobs, SEND_LETTERS_QUEUE } from './letters.jobs.ts';
import { queueLetter } from './queue-letter.ts';
import { MAX_ATTEMPTS, sendAllDueLetters, sendDueLetters } from './send-due-letters.ts';
import type { TLetterTransport } from './transport.ts';

let t: TTestApp;
let demoId: string;
let naboId: string;
let guardian: { id: string; childId: string };
let folder: string;

beforeAll(async () => {
  t = await startTestApp({ children: 20 });
  const m = await t.db.pool.query('SELECT id, slug FROM municipalities');
  demoId = m.rows.find((r) => r.slug === 'demo').id;
  naboId = m.rows.find((r) => r.slug === 'nabo').id;
  const g = await t.db.pool.query(
    'SELECT guardian_id, child_id FROM child_guardians WHERE municipality_id = $1 AND has_custody LIMIT 1',
    [demoId],
  );
  guardian = { id: g.rows[0].guardian_id, childId: g.rows[0].child_id };
  folder = await mkdtemp(path.join(tmpdir(), 'beskyt-outbox-'));
});
afterAll(async () => {
  await t.close();
  await rm(folder, { recursive: true, force: true });
});

function changeLetter(key: string, municipalityId = demoId) {
  return {
    municipalityId,
    kind: 'caseworkerChange',
    recipient: {
      name: 'Åse Ærø',
      addressLines: ['Søndergade 1', '9000 Aalborg'],
      childId: municipalityId === demoId ? guardian.childId : null,
      guardianId: municipalityId === demoId ? guardian.id : null,
    },
    template: 'caseworkerChange' as const,
    data: {
      childFirstName: 'Emma',
      previousCaseworkerName: 'Rita Rådgiver',
      newCaseworkerName: 'Niels Nyholm',
      newCaseworkerEmail: 'niels@demo.beskyt.test',
      newCaseworkerPhone: '12 34 56 78',
      teamName: 'Myndighed Team Nord',
      effectiveOn: '2027-03-01',
    },
    idempotencyKey: key,
  };
}

async function queue(keys: string[], municipalityId = demoId): Promise<string[]> {
  return t.db.tenant(municipalityId, async (q) => {
    const ids: string[] = [];
    for (const k of keys) ids.push((await queueLetter(q, changeLetter(k, municipalityId))).id);
    return ids;
  });
}

async function status(id: string): Promise<{ status: string; attempts: number }> {
  const { rows } = await t.db.pool.query('SELECT status, attempts FROM letters WHERE id = $1', [id]);
  return rows[0];
}

describe('queueLetter', () => {
  it('renders a real PDF in Danish and queues it once per idempotency key', async () => {
    const first = await t.db.tenant(demoId, (q) => queueLetter(q, changeLetter('once')));
    const again = await t.db.tenant(demoId, (q) => queueLetter(q, changeLetter('once')));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const { rows } = await t.db.pool.query(
      "SELECT pdf, subject, status FROM letters WHERE municipality_id = $1 AND idempotency_key = 'once'",
      [demoId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('queued');
    expect(rows[0].pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(rows[0].subject).toBe('Du har fået en ny rådgiver i sagen om Emma');
  });

  it('queues the same key in two municipalities as two letters', async () => {
    const [a] = await queue(['shared-key']);
    const [b] = await queue(['shared-key'], naboId);
    expect(a).not.toBe(b);
  });

  it('refuses template data that does not fit the template, writing nothing', async () => {
    const bad = { ...changeLetter('bad'), data: { childFirstName: '' } } as unknown as ReturnType<
      typeof changeLetter
    >;
    await expect(t.db.tenant(demoId, (q) => queueLetter(q, bad))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const { rows } = await t.db.pool.query("SELECT 1 FROM letters WHERE idempotency_key = 'bad'");
    expect(rows).toHaveLength(0);
  });
});

describe('sending', () => {
  it('two app instances sending at once hand every letter to the transport exactly once', async () => {
    const ids = await queue(Array.from({ length: 40 }, (_, i) => `two-workers-${i}`));
    const handed: string[] = [];
    const slowDrop: TLetterTransport = {
      name: 'fileDrop',
      async send(letter) {
        handed.push(letter.id);
        await new Promise((r) => setTimeout(r, 5));
        return fileDropTransport(folder).send(letter);
      },
    };
    const instanceA = createDb(t.url, { max: 2 });
    const instanceB = createDb(t.url, { max: 2 });
    try {
      const [a, b] = await Promise.all([
        sendAllDueLetters(instanceA, new AuditWriter(instanceA), slowDrop),
        sendAllDueLetters(instanceB, new AuditWriter(instanceB), slowDrop),
      ]);
      expect(a.sent + b.sent).toBeGreaterThanOrEqual(40);
    } finally {
      await instanceA.close();
      await instanceB.close();
    }
    const ours = handed.filter((id) => ids.includes(id));
    expect(ours.sort()).toEqual([...ids].sort());
    expect(new Set(handed).size).toBe(handed.length);
    for (const id of ids) expect((await status(id)).status).toBe('sent');
    const files = await readdir(path.join(folder, demoId));
    expect(files).toContain(`${ids[0]}.pdf`);
    const envelope = JSON.parse(await readFile(path.join(folder, demoId, `${ids[0]}.json`), 'utf8'));
    expect(envelope).toMatchObject({
      letterId: ids[0],
      kind: 'caseworkerChange',
      recipient: { name: 'Åse Ærø' },
    });
    const pdf = await readFile(path.join(folder, demoId, `${ids[0]}.pdf`));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const audited = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'send' AND entity = 'letter' AND entity_id = ANY($1::uuid[])",
      [ids],
    );
    expect(audited.rows[0].n).toBe(40);
  });

  it('two pg-boss workers on the same database send each letter once', async () => {
    const ids = await queue(Array.from({ length: 10 }, (_, i) => `boss-${i}`));
    const handed: string[] = [];
    const counting: TLetterTransport = {
      name: 'fileDrop',
      async send(letter) {
        handed.push(letter.id);
        return fileDropTransport(folder).send(letter);
      },
    };
    const bosses = [
      new PgBoss({ connectionString: t.url, max: 2 }),
      new PgBoss({ connectionString: t.url, max: 2 }),
    ];
    try {
      for (const boss of bosses) {
        await boss.start();
        await registerLetterJobs(boss, t.db, t.audit, counting);
      }
      await Promise.all(bosses.map((b) => b.send(SEND_LETTERS_QUEUE, {})));
      await expect
        .poll(async () => (await Promise.all(ids.map(status))).every((s) => s.status === 'sent'), {
          timeout: 20_000,
          interval: 250,
        })
        .toBe(true);
    } finally {
      for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
    }
    expect(handed.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
  });

  it('retries a failing transport with a growing wait and marks the letter failed at the last attempt', async () => {
    const [id] = await queue(['flaky']);
    const broken: TLetterTransport = {
      name: 'fileDrop',
      send: async () => {
        throw new Error('disk full');
      },
    };
    const r = await sendDueLetters(t.db, t.audit, broken);
    expect(r.retried).toBeGreaterThanOrEqual(1);
    expect(await status(id as string)).toEqual({ status: 'queued', attempts: 1 });
    // Not due again yet: a second run leaves it alone.
    await sendDueLetters(t.db, t.audit, broken);
    expect((await status(id as string)).attempts).toBe(1);
    await t.db.pool.query(`UPDATE letters SET attempts = $2, next_attempt_at = now() WHERE id = $1`, [
      id,
      MAX_ATTEMPTS - 1,
    ]);
    await sendDueLetters(t.db, t.audit, broken);
    const { rows } = await t.db.pool.query('SELECT status, last_error FROM letters WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ status: 'failed', last_error: 'disk full' });
  });
});

describe('outbox endpoints', () => {
  it('lists letters with status and counts for the manager, and downloads the PDF', async () => {
    const manager = await t.login('caseworkManager@demo.beskyt.test');
    const res = await t.as(manager, 'GET', '/api/v1/letters?pageSize=100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts.sent).toBeGreaterThanOrEqual(40);
    expect(body.counts.failed).toBeGreaterThanOrEqual(1);
    const failed = await t.as(manager, 'GET', '/api/v1/letters?status=failed');
    expect(failed.json().items.every((l: { status: string }) => l.status === 'failed')).toBe(true);
    const letter = body.items[0];
    const pdf = await t.as(manager, 'GET', `/api/v1/letters/${letter.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await t.audit.drain();
    const audited = await t.db.pool.query(
      "SELECT 1 FROM audit_events WHERE action = 'read' AND entity = 'letter' AND entity_id = $1 AND user_id = $2",
      [letter.id, manager.user.id],
    );
    expect(audited.rows).toHaveLength(1);
    // The list read names the children in detail.childIds, so it shows in each child's audit trail.
    const childIds = [...new Set(body.items.flatMap((l: { childId: string | null }) => l.childId ?? []))];
    expect(childIds.length).toBeGreaterThan(0);
    const listed = await t.db.pool.query(
      `SELECT detail -> 'childIds' AS ids FROM audit_events
        WHERE action = 'list' AND entity = 'letter' AND user_id = $1 ORDER BY seq LIMIT 1`,
      [manager.user.id],
    );
    expect([...listed.rows[0].ids].sort()).toEqual([...childIds].sort());
  });

  it('retries only a failed letter (409 otherwise)', async () => {
    const manager = await t.login('caseworkManager@demo.beskyt.test');
    const failed = (await t.as(manager, 'GET', '/api/v1/letters?status=failed')).json().items[0];
    const sent = (await t.as(manager, 'GET', '/api/v1/letters?status=sent')).json().items[0];
    expect((await t.as(manager, 'POST', `/api/v1/letters/${sent.id}/retry`)).statusCode).toBe(409);
    const ok = await t.as(manager, 'POST', `/api/v1/letters/${failed.id}/retry`);
    expect(ok.statusCode).toBe(200);
    expect(await status(failed.id)).toEqual({ status: 'queued', attempts: 0 });
  });

  it('refuses other roles (403), other municipalities (404) and no session (401)', async () => {
    const manager = await t.login('caseworkManager@demo.beskyt.test');
    const demoLetter = (await t.as(manager, 'GET', '/api/v1/letters')).json().items[0];
    for (const role of [
      'professional',
      'unitLeader',
      'caseworker',
      'reviewer',
      'analyst',
      'admin',
      'partner',
    ]) {
      const s = await t.login(`${role}@demo.beskyt.test`);
      expect((await t.as(s, 'GET', '/api/v1/letters')).statusCode, role).toBe(403);
      expect((await t.as(s, 'GET', `/api/v1/letters/${demoLetter.id}/pdf`)).statusCode, role).toBe(403);
      expect((await t.as(s, 'POST', `/api/v1/letters/${demoLetter.id}/retry`)).statusCode, role).toBe(403);
    }
    const nabo = await t.login('caseworkManager@nabo.beskyt.test');
    expect((await t.as(nabo, 'GET', `/api/v1/letters/${demoLetter.id}/pdf`)).statusCode).toBe(404);
    expect((await t.as(nabo, 'POST', `/api/v1/letters/${demoLetter.id}/retry`)).statusCode).toBe(404);
    const naboList = (await t.as(nabo, 'GET', '/api/v1/letters?pageSize=100')).json();
    expect(naboList.items.some((l: { id: string }) => l.id === demoLetter.id)).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/letters' })).statusCode).toBe(401);
  });
});
