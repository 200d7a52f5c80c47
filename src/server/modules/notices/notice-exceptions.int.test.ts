import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { runNoticeSweep } from './notice-sweep.ts';
import { insertFamily, noticesOf, type TTestFamily } from './notices.fixtures.ts';

let t: TTestApp;
let demoId: string;
let professional: TSession;
let leader: TSession;
let caseworker: TSession;
let manager: TSession;
let schoolId: string;

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

async function family(first: string): Promise<TTestFamily> {
  return insertFamily(t, demoId, schoolId, {
    children: [{ first, age: 9 }],
    guardians: [{ first: 'Mor' }, { first: 'Far' }],
  });
}

const concern = (childId: string, extra: Record<string, unknown> = {}) => ({
  childId,
  unitId: schoolId,
  signs: ['withdrawn'],
  description: 'Har blå mærker på armene og vil ikke hjem.',
  level: 1,
  actionCode: 'observeInUnit',
  ...extra,
});

const exception = (extra: Record<string, unknown> = {}) => ({
  kinds: ['concern'],
  decision: 'postpone',
  ground: 'childSafety',
  reason: 'Mistanke om vold i hjemmet: forældrene må ikke vide det, før myndigheden har talt med barnet.',
  untilDate: inDays(14),
  ...extra,
});

const concernNotices = async (childId: string) =>
  (await noticesOf(t, childId)).filter((n) => n.kind === 'concern');

beforeAll(async () => {
  t = await startTestApp({ children: 30 });
  demoId = (await t.db.pool.query("SELECT id FROM municipalities WHERE slug = 'demo'")).rows[0].id;
  professional = await t.login('professional@demo.beskyt.test');
  leader = await t.login('unitLeader@demo.beskyt.test');
  caseworker = await t.login('caseworker@demo.beskyt.test');
  manager = await t.login('caseworkManager@demo.beskyt.test');
  schoolId = leader.user.roles?.find((r) => r.role === 'unitLeader')?.unitId as string;
  // The professional records from the leader's school too.
  expect(professional.user.roles?.some((r) => r.unitId === schoolId)).toBe(true);
});
afterAll(() => t.close());

describe('a concern is recorded', () => {
  it('without an exception: the parents are told at once, one letter each', async () => {
    const f = await family('Anna');
    const child = f.children[0]?.id as string;
    const res = await t.as(professional, 'POST', '/api/v1/concerns', concern(child));
    expect(res.statusCode, res.body).toBe(201);
    const notices = await concernNotices(child);
    expect(notices.map((n) => n.guardian_id).sort()).toEqual(f.guardians.map((g) => g.id).sort());
    expect(notices[0].subject).toBe('Bekymring noteret: oplysninger om Anna');
    // A second concern in the same half-year tells them nothing new.
    expect((await t.as(professional, 'POST', '/api/v1/concerns', concern(child))).statusCode).toBe(201);
    expect(await concernNotices(child)).toHaveLength(2);
  });

  it('with an exception: recorded all the same, and no notice until the exception ends', async () => {
    const f = await family('Bella');
    const child = f.children[0]?.id as string;
    const res = await t.as(
      professional,
      'POST',
      '/api/v1/concerns',
      concern(child, { noticeException: exception() }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const concernId = res.json().id;
    expect(await concernNotices(child)).toEqual([]);
    // The job runs, as it does every ten minutes: the exception still holds.
    await runNoticeSweep(t);
    expect(await concernNotices(child)).toEqual([]);
    const profile = (await t.as(professional, 'GET', `/api/v1/children/${child}/notices`)).json();
    expect(profile.pending).toEqual([expect.objectContaining({ kind: 'concern', held: true })]);
    expect(profile.exceptions).toEqual([
      expect.objectContaining({
        concernId,
        ground: 'childSafety',
        decision: 'postpone',
        endedAt: null,
        withheld: 1,
      }),
    ]);
    // Its day comes.
    await t.db.pool.query('UPDATE notice_exceptions SET until_date = current_date WHERE child_id = $1', [
      child,
    ]);
    await runNoticeSweep(t);
    const told = await concernNotices(child);
    expect(told).toHaveLength(2);
    expect(told.every((n) => n.status === 'letter')).toBe(true);
    const ended = (await t.as(professional, 'GET', `/api/v1/children/${child}/notices`)).json();
    expect(ended.pending).toEqual([]);
    expect(ended.exceptions[0]).toMatchObject({ endCause: 'date', withheld: 0 });
  });

  it('refuses an exception without a reason or an end, naming the field, and records neither', async () => {
    const f = await family('Clara');
    const child = f.children[0]?.id as string;
    for (const [bad, field, key] of [
      [{ reason: '' }, 'noticeException.reason', 'Skal være mindst 10 tegn.'],
      [{ untilDate: null }, 'noticeException.untilDate', 'Vælg, hvornår undtagelsen slutter'],
      [{ untilDate: today() }, 'noticeException.untilDate', 'efter i dag'],
      [{ untilDate: inDays(400) }, 'noticeException.untilDate', 'højst gælde 365 dage'],
      [{ untilCaseDecides: true }, 'noticeException.untilDate', 'ikke begge'],
    ] as const) {
      const res = await t.as(
        professional,
        'POST',
        '/api/v1/concerns',
        concern(child, { noticeException: exception(bad) }),
      );
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.fields[field]).toContain(key);
    }
    const { rowCount } = await t.db.pool.query('SELECT 1 FROM concerns WHERE child_id = $1', [child]);
    expect(rowCount).toBe(0);
  });
});

describe('an exception recorded on the child', () => {
  let child: string;
  let exceptionId: string;

  beforeAll(async () => {
    child = (await family('Dagmar')).children[0]?.id as string;
  });

  it('is refused without a reason, or without an end', async () => {
    const noReason = await t.as(
      leader,
      'POST',
      `/api/v1/children/${child}/notice-exceptions`,
      exception({ reason: ' ' }),
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason).toBeTruthy();
    const noEnd = await t.as(
      leader,
      'POST',
      `/api/v1/children/${child}/notice-exceptions`,
      exception({ untilDate: undefined }),
    );
    expect(noEnd.statusCode).toBe(400);
    expect(noEnd.json().error.fields.untilDate).toContain('Vælg, hvornår undtagelsen slutter');
  });

  it('holds back what is recorded after it, until the case decides', async () => {
    const res = await t.as(
      leader,
      'POST',
      `/api/v1/children/${child}/notice-exceptions`,
      exception({
        kinds: ['concern', 'meetingItem'],
        ground: 'pendingAssessment',
        untilDate: null,
        untilCaseDecides: true,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    exceptionId = res.json().id;
    expect(res.json()).toMatchObject({ untilCaseDecides: true, placeName: expect.any(String), withheld: 0 });
    expect((await t.as(professional, 'POST', '/api/v1/concerns', concern(child))).statusCode).toBe(201);
    await runNoticeSweep(t);
    expect(await concernNotices(child)).toEqual([]);
    const audit = await t.db.pool.query(
      "SELECT role, purpose FROM audit_events WHERE entity = 'notice-exception' AND action = 'create' AND entity_id = $1",
      [exceptionId],
    );
    expect(audit.rows).toEqual([{ role: 'unitLeader', purpose: `enrolment:${schoolId}` }]);
  });

  it('is on the leader’s review list, and a professional cannot see that list', async () => {
    const list = await t.as(leader, 'GET', '/api/v1/notice-exceptions');
    expect(list.statusCode).toBe(200);
    const mine = list.json().items.find((x: { id: string }) => x.id === exceptionId);
    expect(mine).toMatchObject({ childId: child, withheld: 1, reviewedAt: null });
    const reviewed = await t.as(leader, 'POST', `/api/v1/notice-exceptions/${exceptionId}/review`, {
      note: 'Drøftet med myndigheden; fastholdes.',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({
      reviewNote: 'Drøftet med myndigheden; fastholdes.',
      reviewedBy: expect.any(String),
    });
    expect((await t.as(professional, 'GET', '/api/v1/notice-exceptions')).statusCode).toBe(403);
  });

  it('ends when the authority decides, and the notice goes out', async () => {
    await t.db.pool.query(
      `INSERT INTO cases (municipality_id, reference, child_id, team_id, caseworker_id, aware_on, assessment_due_on,
                          assessment_completed_on, assessment_summary, opened_by)
       SELECT $1, 'S-' || upper(substr(md5(random()::text), 1, 6)), $2, ra.team_id, ra.user_id, current_date - 10,
              current_date + 100, current_date, 'Undersøgelsen er afsluttet.', ra.user_id
         FROM role_assignments ra WHERE ra.municipality_id = $1 AND ra.user_id = $3 AND ra.team_id IS NOT NULL LIMIT 1`,
      [demoId, child, caseworker.user.id],
    );
    await runNoticeSweep(t);
    expect((await concernNotices(child)).map((n) => n.status)).toEqual(['letter', 'letter']);
    const { rows } = await t.db.pool.query('SELECT end_cause FROM notice_exceptions WHERE id = $1', [
      exceptionId,
    ]);
    expect(rows[0].end_cause).toBe('caseDecided');
  });

  it('can be ended early by the recorder’s side, with a note; the held-back notice goes out at once', async () => {
    const other = (await family('Ellen')).children[0]?.id as string;
    const res = await t.as(
      professional,
      'POST',
      '/api/v1/concerns',
      concern(other, { noticeException: exception() }),
    );
    expect(res.statusCode).toBe(201);
    const x = (await t.as(professional, 'GET', `/api/v1/children/${other}/notices`)).json().exceptions[0];
    const noNote = await t.as(professional, 'POST', `/api/v1/notice-exceptions/${x.id}/end`, { note: '' });
    expect(noNote.statusCode).toBe(400);
    const ended = await t.as(professional, 'POST', `/api/v1/notice-exceptions/${x.id}/end`, {
      note: 'Barnet er i sikkerhed; forældrene må gerne vide det nu.',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endCause: 'manual' });
    expect(await concernNotices(other)).toHaveLength(2);
    const again = await t.as(professional, 'POST', `/api/v1/notice-exceptions/${x.id}/end`, {
      note: 'Igen.',
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('who may end an exception early', () => {
  it('is the recorder’s side: a professional cannot end the authority’s exception on a child of the school', async () => {
    const child = (await family('Gry')).children[0]?.id as string;
    const { rows } = await t.db.pool.query(
      `INSERT INTO notice_exceptions (municipality_id, child_id, kinds, decision, ground, reason, until_date,
                                      until_case_decides, team_id, recorded_by)
       SELECT $1, $2, '{concern}', 'postpone', 'crimeInvestigation', 'Politiet efterforsker; intet brev endnu.',
              current_date + 30, false, ra.team_id, ra.user_id
         FROM role_assignments ra WHERE ra.municipality_id = $1 AND ra.user_id = $3 AND ra.team_id IS NOT NULL
        LIMIT 1 RETURNING id`,
      [demoId, child, caseworker.user.id],
    );
    const seen = (await t.as(professional, 'GET', `/api/v1/children/${child}/notices`)).json().exceptions;
    expect(seen).toEqual([expect.objectContaining({ id: rows[0].id, canEnd: false })]);
    const res = await t.as(professional, 'POST', `/api/v1/notice-exceptions/${rows[0].id}/end`, {
      note: 'Forsøg.',
    });
    expect(res.statusCode).toBe(403);
    const { rows: still } = await t.db.pool.query('SELECT ended_at FROM notice_exceptions WHERE id = $1', [
      rows[0].id,
    ]);
    expect(still[0].ended_at).toBeNull();
  });
});

describe('a caseworker records an exception through a case', () => {
  it('is written under the case’s team and reviewed by the casework manager', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT c.child_id, c.team_id FROM cases c
        JOIN role_assignments ra ON ra.municipality_id = c.municipality_id AND ra.team_id = c.team_id AND ra.user_id = $2
       WHERE c.municipality_id = $1 AND ra.role = 'caseworker' ORDER BY c.id LIMIT 1`,
      [demoId, caseworker.user.id],
    );
    const child = rows[0].child_id;
    const res = await t.as(
      caseworker,
      'POST',
      `/api/v1/children/${child}/notice-exceptions`,
      exception({ kinds: ['round', 'concern'], ground: 'crimeInvestigation' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const list = (await t.as(manager, 'GET', '/api/v1/notice-exceptions')).json().items;
    expect(list.map((x: { id: string }) => x.id)).toContain(res.json().id);
    // The unit leader reviews their units' exceptions, not the authority's.
    const leaders = (await t.as(leader, 'GET', '/api/v1/notice-exceptions')).json().items;
    expect(leaders.map((x: { id: string }) => x.id)).not.toContain(res.json().id);
    const notices = await t.as(caseworker, 'GET', `/api/v1/children/${child}/notices`);
    expect(notices.statusCode).toBe(200);
    expect(notices.json().exceptions[0]).toMatchObject({
      ground: 'crimeInvestigation',
      placeName: expect.any(String),
    });
  });
});

describe('a named meeting item', () => {
  it('tells the parents the child is discussed, and on the legal basis', async () => {
    const child = (await family('Frida')).children[0]?.id as string;
    const meeting = await t.as(leader, 'POST', '/api/v1/meetings', {
      title: 'Tværfagligt møde',
      unitId: schoolId,
      meetingOn: inDays(7),
      participants: [],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const item = await t.as(leader, 'POST', `/api/v1/meetings/${meeting.json().id}/items`, {
      kind: 'named',
      childId: child,
      basis: 'legalBasis',
      topic: 'Trivsel i klassen',
    });
    expect(item.statusCode, item.body).toBe(201);
    const notices = (await noticesOf(t, child)).filter((n) => n.kind === 'meetingItem');
    expect(notices).toHaveLength(2);
    expect(notices[0].subject).toBe('Tværfagligt møde: oplysninger om Frida');
    expect(notices[0].data.children).toEqual([
      { firstName: 'Frida', place: expect.any(String), basis: 'legalBasis' },
    ]);
  });
});
