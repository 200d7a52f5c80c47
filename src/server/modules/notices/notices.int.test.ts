import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { createDb } from '../../db/client.ts';
import { AuditWriter } from '../audit/audit-writer.ts';
import { markRoundDue } from './mark-notices-due.ts';
import { insertFamily, noticesOf, type TTestFamily } from './notices.fixtures.ts';
import { sendDueNotices } from './send-due-notices.ts';

let t: TTestApp;
let demoId: string;
let naboId: string;
let leader: TSession;
let admin: TSession;
let analyst: TSession;
let schoolId: string;

/** Siblings of 8 and 16; the mother has an address, the father none, a stepfather no custody. */
let jensen: TTestFamily;
/** One child, one mother. */
let hansen: TTestFamily;
/** A child whose only registered guardian has no custody. */
let alone: TTestFamily;

const today = () => new Date().toISOString().slice(0, 10);

async function publishedCatalogue(m: string): Promise<void> {
  const { rowCount } = await t.db.pool.query(
    "SELECT 1 FROM factor_catalogues WHERE municipality_id = $1 AND status = 'published'",
    [m],
  );
  expect(rowCount).toBeGreaterThan(0);
}

async function openRound(name: string): Promise<string> {
  const res = await t.as(leader, 'POST', '/api/v1/assessment-rounds', {
    name,
    opensOn: today(),
    closesOn: today(),
    unitIds: [schoolId],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await startTestApp({ children: 30 });
  const m = await t.db.pool.query('SELECT id, slug FROM municipalities');
  demoId = m.rows.find((r) => r.slug === 'demo').id;
  naboId = m.rows.find((r) => r.slug === 'nabo').id;
  leader = await t.login('unitLeader@demo.beskyt.test');
  admin = await t.login('admin@demo.beskyt.test');
  analyst = await t.login('analyst@demo.beskyt.test');
  schoolId = leader.user.roles?.find((r) => r.role === 'unitLeader')?.unitId as string;
  await publishedCatalogue(demoId);
  jensen = await insertFamily(t, demoId, schoolId, {
    children: [
      { first: 'Oliver', age: 16 },
      { first: 'Ida', age: 8 },
    ],
    guardians: [{ first: 'Mette' }, { first: 'Frank', address: false }, { first: 'Steen', custody: false }],
  });
  hansen = await insertFamily(t, demoId, schoolId, {
    children: [{ first: 'Emma', age: 9 }],
    guardians: [{ first: 'Hanne' }],
  });
  alone = await insertFamily(t, demoId, schoolId, {
    children: [{ first: 'Noah', age: 10 }],
    guardians: [{ first: 'Bo', custody: false }],
  });
});
afterAll(() => t.close());

describe('notice texts', () => {
  it('answers Beskyt’s default text for every kind, audience and language until the municipality publishes its own', async () => {
    const res = await t.as(admin, 'GET', '/api/v1/notice-texts');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.texts).toHaveLength(5 * 2 * 2);
    expect(
      body.texts.every((x: { isDefault: boolean; version: number }) => x.isDefault && x.version === 0),
    ).toBe(true);
    const round = body.texts.find(
      (x: { kind: string; audience: string; locale: string }) =>
        x.kind === 'round' && x.audience === 'guardian' && x.locale === 'da',
    );
    expect(round.sections.complaint).toContain('Datatilsynet');
    expect(round.sections.controllerContact).toContain('Demo Kommune');
    expect(body.settings).toEqual({ childNoticeAge: 15, version: 0 });
  });

  it('refuses to publish a text missing required elements, naming each one, and writes nothing', async () => {
    const texts = (await t.as(admin, 'GET', '/api/v1/notice-texts')).json().texts;
    const sections = {
      ...texts[0].sections,
      legalBasis: '',
      retention: '  ',
      complaint: 'Du kan klage til kommunens borgerrådgiver.',
    };
    const res = await t.as(admin, 'POST', '/api/v1/notice-texts', {
      kind: texts[0].kind,
      audience: texts[0].audience,
      locale: texts[0].locale,
      sections,
      basedOnVersion: 0,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual([
      'sections.complaint',
      'sections.legalBasis',
      'sections.retention',
    ]);
    expect(fields['sections.complaint']).toContain('Datatilsynet');
    const { rowCount } = await t.db.pool.query('SELECT 1 FROM notice_texts');
    expect(rowCount).toBe(0);
  });

  it('publishes the municipality’s own version, refuses a stale edit, and the letters then use it', async () => {
    const texts = (await t.as(admin, 'GET', '/api/v1/notice-texts')).json().texts;
    const base = texts.find(
      (x: { kind: string; audience: string; locale: string }) =>
        x.kind === 'round' && x.audience === 'guardian' && x.locale === 'da',
    );
    const sections = { ...base.sections, intro: 'Demo Kommunes egen indledning til forældrene.' };
    const body = { kind: 'round', audience: 'guardian', locale: 'da', sections, basedOnVersion: 0 };
    const res = await t.as(admin, 'POST', '/api/v1/notice-texts', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, isDefault: false, publishedBy: expect.any(String) });
    const stale = await t.as(admin, 'POST', '/api/v1/notice-texts', body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('lets the admin set the age of a child’s own notice, with optimistic locking', async () => {
    const first = await t.as(admin, 'PUT', '/api/v1/notice-settings', { childNoticeAge: 15, version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ childNoticeAge: 15, version: 1 });
    const stale = await t.as(admin, 'PUT', '/api/v1/notice-settings', { childNoticeAge: 13, version: 0 });
    expect(stale.statusCode).toBe(409);
    const bad = await t.as(admin, 'PUT', '/api/v1/notice-settings', { childNoticeAge: 25, version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.childNoticeAge).toBeTruthy();
  });
});

describe('a round opens: one notice per family, in the outbox as PDFs', () => {
  let roundId: string;

  beforeAll(async () => {
    roundId = await openRound(`Oplysningsrunde ${Date.now()}`);
  });

  it('sends the mother one letter naming both children, in the municipality’s text', async () => {
    const [oliver, ida] = jensen.children;
    const mother = (await noticesOf(t, ida?.id as string)).filter(
      (n) => n.guardian_id === jensen.guardians[0]?.id && n.scope === roundId,
    );
    expect(mother).toHaveLength(1);
    const letter = mother[0];
    expect(letter.status).toBe('letter');
    expect([...letter.child_ids].sort()).toEqual([oliver?.id, ida?.id].sort());
    expect(letter.subject).toBe('Trivselsvurdering: oplysninger om Oliver og Ida');
    expect(letter.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(letter.data.texts.da.intro).toBe('Demo Kommunes egen indledning til forældrene.');
    expect(letter.text_versions).toEqual({ da: 1, en: 0 });
  });

  it('writes a single mother one letter naming her one child', async () => {
    const notices = (await noticesOf(t, hansen.children[0]?.id as string)).filter((n) => n.scope === roundId);
    expect(notices.map((n) => [n.guardian_id, n.child_ids, n.subject])).toEqual([
      [hansen.guardians[0]?.id, [hansen.children[0]?.id], 'Trivselsvurdering: oplysninger om Emma'],
    ]);
  });

  it('lists the father without an address for manual follow-up, and never writes to the stepfather without custody', async () => {
    const notices = (await noticesOf(t, jensen.children[0]?.id as string)).filter((n) => n.scope === roundId);
    const father = notices.filter((n) => n.guardian_id === jensen.guardians[1]?.id);
    expect(father).toHaveLength(1);
    expect(father[0]).toMatchObject({ status: 'followUp', follow_up_reason: 'noAddress', letter_id: null });
    expect(notices.some((n) => n.guardian_id === jensen.guardians[2]?.id)).toBe(false);
  });

  it('writes to the 16-year-old in the child’s words, and not to the 8-year-old', async () => {
    const [oliver, ida] = jensen.children;
    const own = (await noticesOf(t, oliver?.id as string)).filter(
      (n) => n.audience === 'child' && n.scope === roundId,
    );
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ recipient_child_id: oliver?.id, status: 'letter' });
    expect(own[0].subject).toBe('Trivselsvurdering: oplysninger om dig');
    expect(own[0].data.texts.da.intro).toContain('To gange om året');
    const young = (await noticesOf(t, ida?.id as string)).filter((n) => n.audience === 'child');
    expect(young).toEqual([]);
  });

  it('lists a child without any guardian with custody for follow-up, never skipping it', async () => {
    const notices = (await noticesOf(t, alone.children[0]?.id as string)).filter((n) => n.scope === roundId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      status: 'followUp',
      follow_up_reason: 'noGuardian',
      guardian_id: null,
    });
  });

  it('marks every child of the unit told but those the demo’s exceptions hold back, and sends nothing more when run again', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS n, count(notified_at)::int AS told,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM notice_exceptions x WHERE x.child_id = s.child_id
                                               AND x.ended_at IS NULL AND 'round' = ANY(x.kinds)))::int AS held
         FROM notice_subjects s WHERE scope = $1`,
      [roundId],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(4);
    expect(rows[0].held).toBeGreaterThanOrEqual(1);
    expect(rows[0].told).toBe(rows[0].n - rows[0].held);
    const before = await t.db.pool.query('SELECT count(*)::int AS n FROM letters');
    const again = await sendDueNotices(t, demoId, [{ kind: 'round', scope: roundId }]);
    expect(again).toEqual({ children: 0, letters: 0, followUps: 0 });
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM letters')).rows[0].n).toBe(
      before.rows[0].n,
    );
  });

  it('shows the leader the unit’s counts per round, and the follow-up list', async () => {
    const res = await t.as(leader, 'GET', `/api/v1/notice-overview?roundId=${roundId}`);
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().rows.find((r: { unitId: string }) => r.unitId === schoolId);
    expect(row).toMatchObject({ kind: 'round', roundId, pending: 0 });
    expect(row.excepted).toBeGreaterThanOrEqual(1);
    expect(row.notified + row.excepted).toBe(row.children);
    expect(row.followUps).toBeGreaterThanOrEqual(2);
    const list = await t.as(leader, 'GET', '/api/v1/notice-follow-ups');
    expect(list.statusCode).toBe(200);
    const mine = list
      .json()
      .items.filter((n: { children: { id: string }[] }) =>
        n.children.some((c) => c.id === alone.children[0]?.id),
      );
    expect(mine).toHaveLength(1);
    const done = await t.as(leader, 'POST', `/api/v1/notices/${mine[0].id}/follow-up`, {
      note: 'Talt med plejefamilien ved afhentning.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'followedUp',
      handledNote: 'Talt med plejefamilien ved afhentning.',
    });
    const twice = await t.as(leader, 'POST', `/api/v1/notices/${mine[0].id}/follow-up`, { note: 'Igen.' });
    expect(twice.statusCode).toBe(409);
  });

  it('shows the analyst every unit with small counts hidden by the disclosure rule', async () => {
    const res = await t.as(analyst, 'GET', `/api/v1/notice-overview?roundId=${roundId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.suppressed).toBe(true);
    for (const row of body.rows)
      for (const key of ['children', 'notified', 'pending', 'excepted', 'families', 'followUps'])
        expect(row[key] === null || row[key] >= 5 || row[key] === 0 ? true : row[key]).toBe(true);
    const school = body.rows.find((r: { unitId: string }) => r.unitId === schoolId);
    // The round told everyone: nothing waits and nothing is held back, but 0 is a small cell too.
    expect(school.pending).toBeNull();
  });

  it('shows the child’s profile which notices went to whom', async () => {
    const res = await t.as(leader, 'GET', `/api/v1/children/${jensen.children[1]?.id}/notices`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const names = body.notices.map((n: { recipientName: string }) => n.recipientName).sort();
    expect(names).toEqual([`Frank ${jensen.lastName}`, `Mette ${jensen.lastName}`]);
    await t.audit.drain();
    const audit = await t.db.pool.query(
      "SELECT purpose FROM audit_events WHERE entity = 'information-notice' AND action = 'read' AND child_id = $1",
      [jensen.children[1]?.id],
    );
    expect(audit.rows).toEqual([{ purpose: `enrolment:${schoolId}` }]);
  });
});

describe('two instances send the same round at once', () => {
  it('names each child once and writes each guardian one letter', async () => {
    const family = await insertFamily(t, demoId, schoolId, {
      children: [
        { first: 'Alma', age: 6 },
        { first: 'Karl', age: 11 },
      ],
      guardians: [{ first: 'Lise' }, { first: 'Per' }],
    });
    const roundId = (
      await t.db.pool.query(
        `INSERT INTO assessment_rounds (municipality_id, name, period, opens_on, closes_on, catalogue_id)
         SELECT $1, $2, '2026H2', current_date, current_date + 30, id FROM factor_catalogues
          WHERE municipality_id = $1 AND status = 'published' ORDER BY version DESC LIMIT 1 RETURNING id`,
        [demoId, `Samtidig ${Date.now()}`],
      )
    ).rows[0].id;
    await t.db.pool.query(
      'INSERT INTO round_units (municipality_id, round_id, unit_id) VALUES ($1, $2, $3)',
      [demoId, roundId, schoolId],
    );
    await t.db.tenant(demoId, (q) => markRoundDue(q, demoId, roundId));
    const instances = [createDb(t.url, { max: 3 }), createDb(t.url, { max: 3 })];
    try {
      const runs = await Promise.all(
        instances.map((db) =>
          sendDueNotices({ db, audit: new AuditWriter(db) }, demoId, [{ kind: 'round', scope: roundId }]),
        ),
      );
      const told = runs.reduce((n, r) => n + r.children, 0);
      const subjects = await t.db.pool.query(
        'SELECT count(*)::int AS n FROM notice_subjects WHERE scope = $1 AND notified_at IS NOT NULL',
        [roundId],
      );
      expect(told).toBe(subjects.rows[0].n);
      expect(told).toBeGreaterThanOrEqual(2);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
    }
    const { rows } = await t.db.pool.query(
      `SELECT guardian_id, count(*)::int AS letters FROM notices
        WHERE scope = $1 AND audience = 'guardian' AND guardian_id IS NOT NULL GROUP BY guardian_id`,
      [roundId],
    );
    expect(rows.every((r) => r.letters === 1)).toBe(true);
    const named = await t.db.pool.query(
      `SELECT c AS child_id, count(*)::int AS n FROM notices, unnest(child_ids) c
        WHERE scope = $1 AND audience = 'guardian' AND guardian_id = $2 GROUP BY c`,
      [roundId, family.guardians[0]?.id],
    );
    expect(named.rows.map((r) => r.n)).toEqual([1, 1]);
    const letters = await t.db.pool.query(
      'SELECT idempotency_key, count(*)::int AS n FROM letters WHERE idempotency_key LIKE $1 GROUP BY 1 HAVING count(*) > 1',
      [`notice:round:${roundId}:%`],
    );
    expect(letters.rows).toEqual([]);
  });
});

describe('tenancy', () => {
  it('keeps every notice table behind row-level security', async () => {
    for (const table of [
      'notice_texts',
      'notice_settings',
      'notice_subjects',
      'notices',
      'notice_exceptions',
    ]) {
      const seen = await t.db.tenant(
        naboId,
        async (q) => (await q.query(`SELECT municipality_id FROM ${table}`)).rows,
      );
      expect(
        seen.every((r) => r.municipality_id === naboId),
        table,
      ).toBe(true);
    }
    const nabo = await t.login('unitLeader@nabo.beskyt.test');
    const res = await t.as(nabo, 'GET', `/api/v1/children/${jensen.children[0]?.id}/notices`);
    expect(res.statusCode).toBe(404);
  });
});
