import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { ZNotificationDetail } from '../../../shared/schemas/notification-views.ts';
import { buildApp } from '../../app.ts';
import { escalateOverdueNotifications } from './escalate-overdue.ts';
import { NOTIFICATION_QUEUES, registerNotificationJobs } from './notifications.jobs.ts';
import { queueDueReceipts } from './queue-due-receipts.ts';
import { remindDueNotifications } from './remind-due-notifications.ts';

let t: TTestApp;
let professional: TSession;
let caseworker: TSession;
let manager: TSession;
let admin: TSession;
let demoId: string;
let unitId: string;
/** A Demo child enrolled in the professional's unit. */
let ownChild: { id: string; cpr: string; birthDate: string };

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

beforeAll(async () => {
  t = await startTestApp({ children: 30 });
  professional = await t.login('professional@demo.beskyt.test');
  caseworker = await t.login('caseworker@demo.beskyt.test');
  manager = await t.login('caseworkManager@demo.beskyt.test');
  admin = await t.login('admin@demo.beskyt.test');
  demoId = professional.user.municipality.id;
  unitId = professional.user.roles?.find((r) => r.unitId)?.unitId as string;
  const { rows } = await t.db.pool.query(
    `SELECT c.id, c.cpr_encrypted, c.birth_date FROM children c JOIN enrolments e
        ON e.municipality_id = c.municipality_id AND e.child_id = c.id AND e.unit_id = $2 AND e.to_date IS NULL
      WHERE c.municipality_id = $1 ORDER BY c.id LIMIT 1`,
    [demoId, unitId],
  );
  ownChild = { id: rows[0].id, cpr: t.cipher.decrypt(rows[0].cpr_encrypted), birthDate: rows[0].birth_date };
});
afterAll(() => t.close());

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return (await t.db.pool.query(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n;
}

let ip = 0;
/** Each submission from its own address, so the per-IP limit only bites where it is tested. */
function nextIp(): string {
  ip++;
  return `10.2.${Math.floor(ip / 250)}.${ip % 250}`;
}

function urlencoded(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

function multipartBody(
  fields: Record<string, string>,
  files: { name: string; content: Buffer; type: string }[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----beskyt-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const CITIZEN = {
  childName: 'Lille Testbarn',
  childBirthDate: '24-12-2016',
  childAddress: 'Testvej 1, 9999 Testby',
  description: 'Barnet virker sultent og bange, og der er råb fra lejligheden om aftenen.',
  anonymous: 'yes',
};

async function fileProfessional(extra: Record<string, unknown> = {}) {
  const res = await t.as(professional, 'POST', '/api/v1/notifications', {
    notifierKind: 'school',
    unitId,
    child: { childId: ownChild.id },
    description: 'Eleven har blå mærker og fortæller om slag derhjemme.',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function detail(id: string) {
  const res = await t.as(caseworker, 'GET', `/api/v1/notifications/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  // Whatever state it is in, the answer is the one the web app reads (src/shared/schemas/notification-views.ts).
  ZNotificationDetail.parse(res.json());
  return res.json();
}

describe('the public citizen form (no JavaScript)', () => {
  it('serves an HTML form per municipality, and 404 for an unknown one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/borger/demo/underretning' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<form method="post" action="/borger/demo/underretning"');
    expect(res.body).toContain('Demo Kommune');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).not.toMatch(/\son[a-z]+=/i);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const css = await t.app.inject({ method: 'GET', url: '/borger/static/form.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect((await t.app.inject({ method: 'GET', url: '/borger/findes-ikke/underretning' })).statusCode).toBe(
      404,
    );
  });

  it('takes an anonymous urlencoded notification and redirects to the receipt page with its reference', async () => {
    const before = await count('notifications WHERE municipality_id = $1', [demoId]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/borger/demo/underretning',
      remoteAddress: nextIp(),
      payload: urlencoded(CITIZEN),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode, res.body).toBe(303);
    const ref = /ref=(U-[0-9A-Z]{6})/.exec(res.headers.location as string)?.[1];
    expect(ref).toBeDefined();
    expect(await count('notifications WHERE municipality_id = $1', [demoId])).toBe(before + 1);
    const { rows } = await t.db.pool.query(
      'SELECT source, anonymous, notifier_name, child_id, child_name, child_birth_date, received_at, assessment_due_at FROM notifications WHERE reference = $1',
      [ref],
    );
    expect(rows[0]).toMatchObject({
      source: 'citizen',
      anonymous: true,
      notifier_name: null,
      child_id: null,
      child_name: 'Lille Testbarn',
      child_birth_date: '2016-12-24',
    });
    expect(rows[0].assessment_due_at.getTime() - rows[0].received_at.getTime()).toBe(24 * 3_600_000);
    const page = await t.app.inject({ method: 'GET', url: res.headers.location as string });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(ref);
    expect(
      await count(
        "audit_events WHERE entity = 'notification' AND action = 'create' AND purpose = 'citizenForm'",
      ),
    ).toBeGreaterThan(0);
  });

  it('re-renders a form missing the child and the description with Danish messages, writing nothing', async () => {
    const before = await count('notifications');
    const res = await t.app.inject({
      method: 'POST',
      url: '/borger/demo/underretning',
      remoteAddress: nextIp(),
      payload: urlencoded({ childName: 'Kun et navn', description: '', anonymous: 'no' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('Angiv barnets CPR-nummer, eller navn, fødselsdato og adresse.');
    expect(res.body).toContain('Skal udfyldes.');
    expect(res.body).toContain('Angiv dit navn, eller vælg at være anonym.');
    expect(res.body).toContain('value="Kun et navn"');
    expect(res.body).toContain('aria-invalid="true"');
    expect(await count('notifications')).toBe(before);
  });

  it('refuses an invalid CPR number by name', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/borger/demo/underretning',
      remoteAddress: nextIp(),
      payload: urlencoded({ ...CITIZEN, childCpr: '320115-4001' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Er ikke et gyldigt CPR-nummer');
  });

  it('takes a multipart notification with a PDF and a PNG, identified by CPR and matched at once', async () => {
    const { payload, headers } = multipartBody(
      {
        ...CITIZEN,
        childCpr: ownChild.cpr,
        anonymous: 'no',
        notifierName: 'Nabo Hansen',
        notifierPhone: '12345678',
      },
      [
        { name: 'brev.pdf', content: PDF, type: 'application/pdf' },
        { name: 'foto.png', content: PNG, type: 'image/png' },
      ],
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/borger/demo/underretning',
      payload,
      headers,
      remoteAddress: nextIp(),
    });
    expect(res.statusCode, res.body).toBe(303);
    const ref = /ref=(U-[0-9A-Z]{6})/.exec(res.headers.location as string)?.[1];
    const { rows } = await t.db.pool.query(
      'SELECT id, child_id, notifier_name FROM notifications WHERE reference = $1',
      [ref],
    );
    expect(rows[0].child_id).toBe(ownChild.id);
    expect(rows[0].notifier_name).toBe('Nabo Hansen');
    const d = await detail(rows[0].id);
    expect(d.attachments.map((a: { mediaType: string }) => a.mediaType)).toEqual([
      'application/pdf',
      'image/png',
    ]);
    const file = await t.as(
      caseworker,
      'GET',
      `/api/v1/notifications/${rows[0].id}/attachments/${d.attachments[0].id}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it.each([
    {
      problem: 'whose bytes are not PDF, PNG or JPEG, whatever its name says',
      files: [{ name: 'virus.pdf', content: Buffer.from('MZ not a pdf at all'), type: 'application/pdf' }],
      message: 'Filen virus.pdf er ikke en PDF, PNG eller JPEG.',
    },
    {
      problem: 'over the size limit',
      files: [
        {
          name: 'stor.pdf',
          content: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]),
          type: 'application/pdf',
        },
      ],
      message: 'Filen stor.pdf er større end 10 MB.',
    },
    {
      problem: 'of the wrong type beside a good one (all or nothing)',
      files: [
        { name: 'ok.pdf', content: PDF, type: 'application/pdf' },
        { name: 'virus.png', content: Buffer.from('MZ not an image'), type: 'image/png' },
      ],
      message: 'Filen virus.png er ikke en PDF, PNG eller JPEG.',
    },
  ])('refuses an attachment $problem, writing nothing', async ({ files, message }) => {
    const before = await count('notifications');
    const attachmentsBefore = await count('notification_attachments');
    const { payload, headers } = multipartBody(CITIZEN, files);
    const res = await t.app.inject({
      method: 'POST',
      url: '/borger/demo/underretning',
      payload,
      headers,
      remoteAddress: nextIp(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(message);
    expect(await count('notifications')).toBe(before);
    expect(await count('notification_attachments')).toBe(attachmentsBefore);
  });

  it('thanks a robot that fills in the honeypot and writes nothing', async () => {
    const before = await count('notifications');
    const res = await t.app.inject({
      method: 'POST',
      url: '/borger/demo/underretning',
      remoteAddress: nextIp(),
      payload: urlencoded({ ...CITIZEN, website: 'http://spam.example' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(303);
    expect(await count('notifications')).toBe(before);
  });

  it('limits submissions per IP', async () => {
    const app = await buildApp({ db: t.db, audit: t.audit, cipher: t.cipher }, { publicFormRateLimit: 2 });
    try {
      const post = () =>
        app.inject({
          method: 'POST',
          url: '/borger/demo/underretning',
          payload: urlencoded({ description: '' }),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          remoteAddress: '10.9.8.7',
        });
      expect((await post()).statusCode).toBe(400);
      expect((await post()).statusCode).toBe(400);
      const limited = await post();
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toMatch(/text\/html/);
      expect(limited.body).toContain('Vent lidt');
    } finally {
      await app.close();
    }
  });
});

describe('professional intake', () => {
  it('files a notification about a child in their unit, with deadlines', async () => {
    const n = await fileProfessional();
    expect(n.reference).toMatch(/^U-[0-9A-Z]{6}$/);
    expect(n.childId).toBe(ownChild.id);
    expect(n.receiptDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const d = await detail(n.id);
    expect(d).toMatchObject({ source: 'professional', notifierKind: 'school', status: 'new' });
    expect(d.notifier.unitName).toBeTruthy();
  });

  it('takes attachments as base64, typed by their bytes; a wrong one writes nothing', async () => {
    const ok = await fileProfessional({
      attachments: [{ fileName: 'skema.pdf', contentBase64: PDF.toString('base64') }],
    });
    expect((await detail(ok.id)).attachments).toMatchObject([
      { fileName: 'skema.pdf', mediaType: 'application/pdf' },
    ]);
    const before = await count('notifications');
    const bad = await t.as(professional, 'POST', '/api/v1/notifications', {
      notifierKind: 'school',
      unitId,
      child: { childId: ownChild.id },
      description: 'x',
      attachments: [
        { fileName: 'a.png', contentBase64: PNG.toString('base64') },
        { fileName: 'b.pdf', contentBase64: Buffer.from('<html>').toString('base64') },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields['attachments.1']).toBe('Filen b.pdf er ikke en PDF, PNG eller JPEG.');
    expect(await count('notifications')).toBe(before);
  });

  it('refuses a unit that is not theirs, a child they do not see, and a child given by half an identity', async () => {
    const other = await t.db.pool.query(
      'SELECT id FROM units WHERE municipality_id = $1 AND id <> $2 LIMIT 1',
      [demoId, unitId],
    );
    const notMine = await t.as(professional, 'POST', '/api/v1/notifications', {
      notifierKind: 'school',
      unitId: other.rows[0].id,
      child: { childId: ownChild.id },
      description: 'x',
    });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error.fields.unitId).toBeDefined();
    const { rows } = await t.db.pool.query(
      `SELECT c.id FROM children c WHERE c.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM enrolments e
          WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id AND e.unit_id = $2) LIMIT 1`,
      [demoId, unitId],
    );
    const unseen = await t.as(professional, 'POST', '/api/v1/notifications', {
      notifierKind: 'school',
      unitId,
      child: { childId: rows[0].id },
      description: 'x',
    });
    expect(unseen.statusCode).toBe(400);
    expect(unseen.json().error.fields['child.childId']).toBeDefined();
    const half = await t.as(professional, 'POST', '/api/v1/notifications', {
      notifierKind: 'school',
      unitId,
      child: { name: 'Kun Navn' },
      description: 'x',
    });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.fields.child).toMatch(/CPR-nummer/);
  });
});

describe('queue, matching, 24-hour assessment and decision', () => {
  it('sorts the queue by time left and counts repeated notifications on the same child', async () => {
    const a = await fileProfessional();
    const b = await fileProfessional();
    await t.db.pool.query(
      "UPDATE notifications SET assessment_due_at = now() - interval '1 hour' WHERE id = $1",
      [b.id],
    );
    const res = await t.as(caseworker, 'GET', '/api/v1/notifications?pageSize=100');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    const dues = items
      .filter((i: { status: string }) => i.status === 'new')
      .map((i: { assessmentDueAt: string }) => i.assessmentDueAt);
    expect([...dues].sort()).toEqual(dues);
    const ib = items.find((i: { id: string }) => i.id === b.id);
    const ia = items.find((i: { id: string }) => i.id === a.id);
    expect(ib.overdue).toBe(true);
    expect(ia.overdue).toBe(false);
    expect(ia.repeatCount).toBeGreaterThanOrEqual(1);
    expect(items.findIndex((i: { id: string }) => i.id === b.id)).toBeLessThan(
      items.findIndex((i: { id: string }) => i.id === a.id),
    );
  });

  it('matches an unidentified notification, assesses it and records a decision; the notifier is told by letter', async () => {
    const post = await t.app.inject({
      method: 'POST',
      url: '/borger/demo/underretning',
      remoteAddress: nextIp(),
      payload: urlencoded({ ...CITIZEN, childBirthDate: ownChild.birthDate }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const ref = /ref=(U-[0-9A-Z]{6})/.exec(post.headers.location as string)?.[1];
    const id = (await t.db.pool.query('SELECT id FROM notifications WHERE reference = $1', [ref])).rows[0].id;
    let d = await detail(id);
    expect(d.child.id).toBeNull();

    const candidates = await t.as(caseworker, 'GET', `/api/v1/notifications/${id}/match-candidates`);
    expect(candidates.statusCode).toBe(200);
    expect(candidates.json().items.map((c: { id: string }) => c.id)).toContain(ownChild.id);

    const noAssessment = await t.as(caseworker, 'POST', `/api/v1/notifications/${id}/decision`, {
      decision: 'screening',
      version: d.version,
    });
    expect(noAssessment.statusCode).toBe(409);
    expect(noAssessment.json().error.code).toBe('NOTIFICATION_NOT_ASSESSED');
    expect((await detail(id)).decision).toBeNull();

    const matched = await t.as(caseworker, 'POST', `/api/v1/notifications/${id}/match`, {
      childId: ownChild.id,
      version: d.version,
    });
    expect(matched.statusCode, matched.body).toBe(200);
    const stale = await t.as(caseworker, 'POST', `/api/v1/notifications/${id}/assessment`, {
      healthAtRisk: true,
      acuteNeeded: false,
      version: d.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');

    const assessed = await t.as(caseworker, 'POST', `/api/v1/notifications/${id}/assessment`, {
      healthAtRisk: true,
      acuteNeeded: false,
      note: 'Bekymrende; ikke akut.',
      version: matched.json().version,
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    d = await detail(id);
    expect(d.assessment).toMatchObject({ healthAtRisk: true, acuteNeeded: false, inTime: true });
    expect(d.assessment.byName).toBeTruthy();

    const decided = await t.as(manager, 'POST', `/api/v1/notifications/${id}/decision`, {
      decision: 'childAssessment',
      version: d.version,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const again = await t.as(manager, 'POST', `/api/v1/notifications/${id}/decision`, {
      decision: 'noFurtherAction',
      version: decided.json().version,
    });
    expect(again.json().error.code).toBe('NOTIFICATION_DECIDED');
    const actions = await t.db.pool.query(
      "SELECT action FROM audit_events WHERE entity = 'notification' AND entity_id = $1 ORDER BY seq",
      [id],
    );
    expect(actions.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['create', 'match', 'assess', 'decide', 'read']),
    );
  });

  it('refuses a decision other than no further action while the child is unknown', async () => {
    const post = await t.app.inject({
      method: 'POST',
      url: '/borger/demo/underretning',
      remoteAddress: nextIp(),
      payload: urlencoded(CITIZEN),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const ref = /ref=(U-[0-9A-Z]{6})/.exec(post.headers.location as string)?.[1];
    const id = (await t.db.pool.query('SELECT id FROM notifications WHERE reference = $1', [ref])).rows[0].id;
    const a = await t.as(caseworker, 'POST', `/api/v1/notifications/${id}/assessment`, {
      healthAtRisk: false,
      acuteNeeded: false,
      version: 1,
    });
    const refused = await t.as(caseworker, 'POST', `/api/v1/notifications/${id}/decision`, {
      decision: 'acuteMeasure',
      version: a.json().version,
    });
    expect(refused.json().error.code).toBe('NOTIFICATION_CHILD_UNKNOWN');
    const ok = await t.as(caseworker, 'POST', `/api/v1/notifications/${id}/decision`, {
      decision: 'noFurtherAction',
      version: a.json().version,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('tells the professional notifier only receipt and whether an investigation was started', async () => {
    const n = await fileProfessional();
    const a = await t.as(caseworker, 'POST', `/api/v1/notifications/${n.id}/assessment`, {
      healthAtRisk: true,
      acuteNeeded: true,
      version: 1,
    });
    await t.as(caseworker, 'POST', `/api/v1/notifications/${n.id}/decision`, {
      decision: 'acuteMeasure',
      version: a.json().version,
    });
    const mine = await t.as(professional, 'GET', '/api/v1/notifications/mine');
    expect(mine.statusCode).toBe(200);
    const own = mine.json().items.find((i: { id: string }) => i.id === n.id);
    expect(own).toMatchObject({ reference: n.reference, investigationStarted: true });
    expect(Object.keys(own).sort()).toEqual(
      [
        'id',
        'investigationStarted',
        'notifierKind',
        'receiptDueOn',
        'receiptSentAt',
        'receivedAt',
        'reference',
      ].sort(),
    );
    const letters = await t.db.pool.query(
      'SELECT kind, subject, length(pdf) AS size FROM letters WHERE idempotency_key = $1',
      [`notification-outcome:${n.id}`],
    );
    expect(letters.rows[0]).toMatchObject({ kind: 'notificationOutcome' });
    expect(letters.rows[0].size).toBeGreaterThan(500);
  });
});

describe('jobs', () => {
  it('queues one receipt letter per professional notification, however often it runs', async () => {
    const n = await fileProfessional();
    await queueDueReceipts(t.db, t.audit);
    await queueDueReceipts(t.db, t.audit);
    const { rows } = await t.db.pool.query(
      'SELECT l.kind, l.pdf FROM letters l WHERE l.idempotency_key = $1',
      [`notification-receipt:${n.id}`],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].kind).toBe('notificationReceipt');
    expect(rows[0].pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const mine = (await t.as(professional, 'GET', '/api/v1/notifications/mine')).json();
    expect(mine.items.find((i: { id: string }) => i.id === n.id).receiptSentAt).not.toBeNull();
    expect(await count("notifications WHERE source = 'professional' AND receipt_letter_id IS NULL")).toBe(0);
    // Audited once, on the child's access log.
    const audited = await t.db.pool.query(
      "SELECT child_id FROM audit_events WHERE entity = 'notification' AND action = 'receipt' AND entity_id = $1",
      [n.id],
    );
    expect(audited.rows).toEqual([{ child_id: ownChild.id }]);
  });

  it('runs receipts and escalation through pg-boss on the same database', async () => {
    const n = await fileProfessional();
    await t.db.pool.query(
      "UPDATE notifications SET assessment_due_at = now() - interval '1 minute' WHERE id = $1",
      [n.id],
    );
    const state = async () =>
      (
        await t.db.pool.query(
          'SELECT receipt_letter_id IS NOT NULL AS receipt, escalated_at IS NOT NULL AS escalated FROM notifications WHERE id = $1',
          [n.id],
        )
      ).rows[0];
    const boss = new PgBoss({ connectionString: t.url, max: 2 });
    await boss.start();
    try {
      await registerNotificationJobs(boss, t.db, t.audit);
      // One after the other: each job skips a notification the other holds locked (the next minute's run takes it).
      await boss.send(NOTIFICATION_QUEUES.receipts, {});
      await expect.poll(async () => (await state()).receipt, { timeout: 25_000, interval: 250 }).toBe(true);
      await boss.send(NOTIFICATION_QUEUES.escalateOverdue, {});
      await expect.poll(async () => (await state()).escalated, { timeout: 25_000, interval: 250 }).toBe(true);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);

  it('escalates an overdue unassessed notification to every case work manager once', async () => {
    const n = await fileProfessional();
    await t.db.pool.query(
      "UPDATE notifications SET assessment_due_at = now() - interval '5 minutes' WHERE id = $1",
      [n.id],
    );
    expect(await escalateOverdueNotifications(t.db, t.audit)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueNotifications(t.db, t.audit)).toBe(0);
    const alerts = await t.db.pool.query('SELECT user_id, kind FROM alerts WHERE dedupe_key = $1', [
      `notification-overdue:${n.id}`,
    ]);
    expect(alerts.rows).toEqual([{ user_id: manager.user.id, kind: 'overdue' }]);
    expect((await detail(n.id)).escalatedAt).not.toBeNull();
    const list = await t.as(manager, 'GET', '/api/v1/alerts?pageSize=100');
    expect(list.statusCode).toBe(200);
    const alert = list.json().items.find((a: { link: string }) => a.link === `/underretninger/${n.id}`);
    expect(alert).toMatchObject({ kind: 'overdue', reason: { code: 'notificationOverdue' } });
  });
});

describe('deadline reminders', () => {
  it('reminds every caseworker once of a notification with less than four hours left, not of one with more', async () => {
    const soon = await fileProfessional();
    const later = await fileProfessional();
    await t.db.pool.query(
      "UPDATE notifications SET assessment_due_at = now() + interval '3 hours' WHERE id = $1",
      [soon.id],
    );
    expect(await remindDueNotifications(t.db)).toBeGreaterThanOrEqual(1);
    await remindDueNotifications(t.db);
    const alerts = await t.db.pool.query('SELECT user_id, kind FROM alerts WHERE dedupe_key = $1', [
      `notification-due:${soon.id}`,
    ]);
    const caseworkers = await t.db.pool.query(
      `SELECT DISTINCT user_id FROM role_assignments WHERE municipality_id = $1 AND role = 'caseworker'`,
      [demoId],
    );
    expect(alerts.rows.map((r) => r.user_id).sort()).toEqual(caseworkers.rows.map((r) => r.user_id).sort());
    expect(alerts.rows.map((r) => r.user_id)).toContain(caseworker.user.id);
    expect(new Set(alerts.rows.map((r) => r.kind))).toEqual(new Set(['reminder']));
    expect(await count('alerts WHERE dedupe_key = $1', [`notification-due:${later.id}`])).toBe(0);
  });
});

describe('deadline settings', () => {
  it('an admin changes the receipt length; new notifications get it; a stale version is refused', async () => {
    const current = await t.as(admin, 'GET', '/api/v1/deadline-settings');
    expect(current.statusCode).toBe(200);
    const s = current.json();
    expect(s).toMatchObject({ assessmentHours: 24, receiptWeekdays: 6, childAssessmentMonths: 4 });
    const { updatedAt: _u, ...body } = s;
    const put = await t.as(admin, 'PUT', '/api/v1/deadline-settings', { ...body, assessmentHours: 12 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ assessmentHours: 12, version: s.version + 1 });
    const stale = await t.as(admin, 'PUT', '/api/v1/deadline-settings', { ...body, assessmentHours: 48 });
    expect(stale.statusCode).toBe(409);
    const bad = await t.as(admin, 'PUT', '/api/v1/deadline-settings', {
      ...body,
      version: s.version + 1,
      receiptWeekdays: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.receiptWeekdays).toBeDefined();
    const n = await fileProfessional();
    expect(new Date(n.assessmentDueAt).getTime() - new Date(n.receivedAt).getTime()).toBe(12 * 3_600_000);
    await t.as(admin, 'PUT', '/api/v1/deadline-settings', { ...body, version: s.version + 1 });
  });
});
