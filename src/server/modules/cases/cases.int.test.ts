import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { remindCaseDeadlines } from './remind-case-deadlines.ts';

let t: TTestApp;
let demoId: string;
let team1: string;
let team2: string;
let worker: TSession;
let colleague: TSession;
let otherTeam: TSession;
let manager: TSession;
let childId: string;

async function userId(email: string): Promise<string> {
  return (await t.db.pool.query('SELECT id FROM users WHERE email = $1', [email])).rows[0].id;
}

beforeAll(async () => {
  t = await startTestApp({ children: 80 });
  demoId = (await t.db.pool.query("SELECT id FROM municipalities WHERE slug = 'demo'")).rows[0].id;
  const teams = await t.db.pool.query(
    `SELECT ra.team_id, u.email FROM role_assignments ra JOIN users u ON u.id = ra.user_id
      WHERE ra.role = 'caseworker' AND u.email IN ('caseworker@demo.beskyt.test', 'caseworker4@demo.beskyt.test')`,
  );
  team1 = teams.rows.find((r) => r.email === 'caseworker@demo.beskyt.test').team_id;
  team2 = teams.rows.find((r) => r.email === 'caseworker4@demo.beskyt.test').team_id;
  worker = await t.login('caseworker@demo.beskyt.test');
  colleague = await t.login('caseworker2@demo.beskyt.test');
  otherTeam = await t.login('caseworker4@demo.beskyt.test');
  manager = await t.login('caseworkManager@demo.beskyt.test');
  childId = (
    await t.db.pool.query(
      `SELECT c.id FROM children c WHERE c.municipality_id = $1 AND c.birth_date < current_date - interval '11 years'
          AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.child_id = c.id) LIMIT 1`,
      [demoId],
    )
  ).rows[0].id;
});
afterAll(() => t.close());

async function open(session: TSession, body: Record<string, unknown>) {
  return t.as(session, 'POST', '/api/v1/cases', body);
}

describe('demo cases', () => {
  it('seeds cases in every state for every team, some overdue', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT status, count(*)::int AS n, count(DISTINCT team_id)::int AS teams FROM cases WHERE municipality_id = $1 GROUP BY status`,
      [demoId],
    );
    expect(rows.find((r) => r.status === 'open')?.teams).toBe(2);
    expect(rows.find((r) => r.status === 'closed')?.n).toBeGreaterThan(0);
    const fromNotifications = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM cases WHERE municipality_id = $1 AND notification_id IS NOT NULL',
      [demoId],
    );
    expect(fromNotifications.rows[0].n).toBeGreaterThan(0);
    const list = (await t.as(worker, 'GET', '/api/v1/cases?overdue=true&pageSize=100')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((c: { overall: string }) => c.overall === 'overdue')).toBe(true);
  });
});

describe('opening a case and writing the plan', () => {
  let caseId: string;
  let version: number;

  it('opens a case directly with the § 20 deadline 4 months after the municipality became aware', async () => {
    const res = await open(worker, {
      childId,
      teamId: team1,
      caseworkerId: worker.user.id,
      awareOn: '2026-10-31',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    caseId = c.id;
    version = c.version;
    expect(c.assessment.dueOn).toBe('2027-02-28');
    expect(c.deadlines.partyStatus).toBe(true);
    expect(c.timeline[0].kind).toBe('opened');
  });

  it('opens a case from a notification, aware from the day it was received, once', async () => {
    const other = (
      await t.db.pool.query(
        `SELECT id FROM children WHERE municipality_id = $1 AND id <> $2
            AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.child_id = children.id) LIMIT 1`,
        [demoId, childId],
      )
    ).rows[0].id;
    const n = await t.db.pool.query(
      `INSERT INTO notifications (municipality_id, reference, source, child_id, description, received_at, assessment_due_at,
                                  assessed_at, assessed_by, health_at_risk, acute_needed)
       VALUES ($1, 'U-CASE01', 'citizen', $2, 'Bekymring for barnet', '2027-01-15T09:00:00+01', '2027-01-16T09:00:00+01',
               '2027-01-15T12:00:00+01', $3, true, false) RETURNING id`,
      [demoId, other, worker.user.id],
    );
    const body = { notificationId: n.rows[0].id, teamId: team1, caseworkerId: worker.user.id };
    const res = await open(worker, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      awareOn: '2027-01-15',
      assessment: { dueOn: '2027-05-15' },
      notification: { reference: 'U-CASE01' },
      child: { id: other },
    });
    expect((await open(worker, body)).statusCode).toBe(409);
  });

  it('a notification a case was opened from links to the case; a second try answers with that link', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT k.id, k.reference, k.notification_id FROM cases k WHERE k.municipality_id = $1 AND k.team_id = $2
          AND k.notification_id IS NOT NULL LIMIT 1`,
      [demoId, team1],
    );
    const existing = rows[0];
    const again = await open(worker, {
      notificationId: existing.notification_id,
      teamId: team1,
      caseworkerId: worker.user.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CASE_EXISTS', link: `/sager/${existing.id}` });
    expect(again.json().error.message).toContain(existing.reference);
    const n = (await t.as(worker, 'GET', `/api/v1/notifications/${existing.notification_id}`)).json();
    expect(n.case).toEqual({ id: existing.id, reference: existing.reference });
  });

  it('refuses a caseworker outside the team and a team that is not yours, writing nothing', async () => {
    const before = (await t.db.pool.query('SELECT count(*)::int AS n FROM cases')).rows[0].n;
    const outside = await open(worker, {
      childId,
      teamId: team1,
      caseworkerId: otherTeam.user.id,
      awareOn: '2027-01-01',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields.caseworkerId).toBeTruthy();
    const notMine = await open(worker, {
      childId,
      teamId: team2,
      caseworkerId: otherTeam.user.id,
      awareOn: '2027-01-01',
    });
    expect(notMine.statusCode).toBe(400);
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM cases')).rows[0].n).toBe(before);
  });

  it('refuses a plan without goals, a goal without factors, a risk factor and an unknown code', async () => {
    const url = `/api/v1/cases/${caseId}/plan`;
    const base = { madeOn: '2027-01-10', childWishes: 'Jeg vil gerne gå til fodbold.' };
    const none = await t.as(worker, 'PUT', url, { ...base, goals: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.goals).toBe('En plan skal have mindst ét konkret mål.');
    const noFactor = await t.as(worker, 'PUT', url, {
      ...base,
      goals: [{ text: 'Går i skole', factorCodes: [] }],
    });
    expect(Object.keys(noFactor.json().error.fields)).toEqual(['goals.0.factorCodes']);
    const risk = await t.as(worker, 'PUT', url, {
      ...base,
      goals: [{ text: 'Går i skole', factorCodes: ['R-ABSENCE'] }],
    });
    expect(risk.statusCode).toBe(400);
    const unknown = await t.as(worker, 'PUT', url, {
      ...base,
      goals: [{ text: 'x', factorCodes: ['P-NOPE'] }],
    });
    expect(unknown.statusCode).toBe(400);
    const plan = await t.db.pool.query('SELECT 1 FROM case_plans WHERE case_id = $1', [caseId]);
    expect(plan.rows).toHaveLength(0);
  });

  it('writes barnets plan with goals tied to protective factors and the child’s wishes; a stale version is 409', async () => {
    const url = `/api/v1/cases/${caseId}/plan`;
    const body = {
      madeOn: '2027-01-10',
      childWishes: 'Jeg vil gerne gå til fodbold.',
      goals: [
        { text: 'Går til fodbold hver uge', factorCodes: ['P-ORGANISED-LEISURE', 'P-ACTIVE-LEISURE'] },
        { text: 'Har en voksen at tale med i skolen', factorCodes: ['P-SUPPORTIVE-ADULTS'] },
      ],
    };
    const res = await t.as(worker, 'PUT', url, body);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.plan.goals).toHaveLength(2);
    expect(c.plan.goals[0].factors.map((f: { code: string }) => f.code)).toEqual([
      'P-ORGANISED-LEISURE',
      'P-ACTIVE-LEISURE',
    ]);
    expect(c.plan.childWishes).toBe('Jeg vil gerne gå til fodbold.');
    const again = await t.as(worker, 'PUT', url, { ...body, version: c.plan.version });
    expect(again.statusCode).toBe(200);
    const stale = await t.as(worker, 'PUT', url, { ...body, version: c.plan.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    version = again.json().version;
  });

  it('needs a child conversation before a measure; a § 32 measure schedules the § 95 follow-up', async () => {
    const measure = { section: 's32', title: 'Kontaktperson', startsOn: '2027-02-01' };
    const early = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/measures`, measure);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.startsOn).toMatch(/børnesamtale/);
    const why = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/conversations`, {
      outcome: 'notHeld',
      onDate: '2026-11-20',
    });
    expect(why.statusCode).toBe(400);
    expect(
      (
        await t.as(worker, 'POST', `/api/v1/cases/${caseId}/conversations`, {
          outcome: 'held',
          onDate: '2026-11-20',
          note: 'Barnet vil gerne have en kontaktperson.',
        })
      ).statusCode,
    ).toBe(201);
    const res = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/measures`, measure);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.followUps.map((f: { dueOn: string }) => f.dueOn)).toEqual(['2027-05-01']);
    expect(c.deadlines.plan.due).toBe('2027-05-01');
    expect(c.deadlines.plan.state).toBe('metOnTime');
    version = c.version;
  });

  it('a follow-up held without a next date schedules the next § 95 follow-up 6 months on', async () => {
    const before = (await t.as(worker, 'GET', `/api/v1/cases/${caseId}`)).json();
    const res = await t.as(
      worker,
      'POST',
      `/api/v1/cases/${caseId}/follow-ups/${before.followUps[0].id}/held`,
      { heldOn: '2026-12-01', note: 'Kontaktpersonen virker.' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.followUps.map((f: { dueOn: string; heldOn: string | null }) => [f.dueOn, f.heldOn])).toEqual([
      ['2027-05-01', '2026-12-01'],
      ['2027-06-01', null],
    ]);
    version = c.version;
  });

  it('finishing the § 20 assessment late needs the preliminary assessment first', async () => {
    const late = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/child-assessment`, {
      version,
      completedOn: '2027-03-05',
      summary: 'Færdig',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields.completedOn).toMatch(/foreløbig/);
    const stale = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/preliminary-assessment`, {
      version: version - 1,
      text: 'Vi mangler PPR',
    });
    expect(stale.statusCode).toBe(409);
    const pre = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/preliminary-assessment`, {
      version,
      text: 'Vi mangler PPR',
    });
    expect(pre.statusCode).toBe(200);
    const done = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/child-assessment`, {
      version: pre.json().version,
      completedOn: '2027-03-05',
      summary: 'Færdig',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().deadlines.childAssessment.state).toBe('metLate');
  });

  it('another team’s caseworker gets 404 until a manager grants access; every read is audited', async () => {
    expect((await t.as(otherTeam, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect((await t.as(colleague, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    const denied = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/access-grants`, {
      userId: otherTeam.user.id,
      reason: 'Vikar',
    });
    expect(denied.statusCode).toBe(403);
    const grant = await t.as(manager, 'POST', `/api/v1/cases/${caseId}/access-grants`, {
      userId: otherTeam.user.id,
      reason: 'Vikar under ferie',
    });
    expect(grant.statusCode).toBe(200);
    expect((await t.as(otherTeam, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    await t.audit.drain();
    const audited = await t.db.pool.query(
      `SELECT purpose FROM audit_events WHERE entity = 'case' AND entity_id = $1 AND action = 'read' AND user_id = $2`,
      [caseId, otherTeam.user.id],
    );
    expect(audited.rows.map((r) => r.purpose)).toEqual(['grant']);
  });

  it('audits a grant of access as the relation change it is: who granted whom, which case, the child', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT user_id, role, action, entity, entity_id, child_id, purpose, detail FROM audit_events
        WHERE entity = 'case' AND entity_id = $1 AND action = 'grant-access' ORDER BY seq`,
      [caseId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: manager.user.id,
      role: 'caseworkManager',
      child_id: childId,
      purpose: `team:${team1}`,
      detail: { caseId, userId: otherTeam.user.id, reason: 'Vikar under ferie' },
    });
  });

  it('shows the deadline view per team and caseworker with compliance', async () => {
    const res = await t.as(manager, 'GET', '/api/v1/case-deadlines');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.teams.map((r: { key: string }) => r.key)).toEqual([team1]);
    const me = body.caseworkers.find((r: { key: string }) => r.key === worker.user.id);
    expect(me.childAssessment.total).toBeGreaterThan(0);
    expect(body.overdue.length).toBeGreaterThan(0);
  });

  it('closes the case with a reason; a closed case refuses changes', async () => {
    const c = (await t.as(worker, 'GET', `/api/v1/cases/${caseId}`)).json();
    const closed = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/close`, {
      version: c.version,
      reason: 'Mål nået',
    });
    expect(closed.statusCode).toBe(200);
    const after = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/conversations`, {
      outcome: 'held',
      onDate: '2026-12-01',
      note: 'Barnet fortalte om skolen.',
    });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('CASE_CLOSED');
    void userId;
  });
});

describe('case forms refuse to record what did not happen', () => {
  let caseId: string;
  let followUpId: string;
  const tomorrow = () => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + 2);
    return d.toISOString().slice(0, 10);
  };

  beforeAll(async () => {
    const child = (
      await t.db.pool.query(
        `SELECT c.id FROM children c WHERE c.municipality_id = $1 AND c.id <> $2
            AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.child_id = c.id) ORDER BY c.id DESC LIMIT 1`,
        [demoId, childId],
      )
    ).rows[0].id;
    const opened = await open(worker, {
      childId: child,
      teamId: team1,
      caseworkerId: worker.user.id,
      awareOn: '2026-10-01',
    });
    caseId = opened.json().id;
    await t.as(worker, 'POST', `/api/v1/cases/${caseId}/conversations`, {
      outcome: 'held',
      onDate: '2026-10-05',
      note: 'Barnet fortalte om skolen.',
    });
    const m = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/measures`, {
      section: 's32',
      title: 'Kontaktperson',
      startsOn: '2026-10-10',
    });
    followUpId = m.json().followUps[0].id;
  });

  it('a held § 8 conversation without what the child said is refused, naming the field in Danish', async () => {
    const res = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/conversations`, {
      outcome: 'held',
      onDate: '2026-10-06',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.note).toMatch(/barnet/i);
    const blank = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/conversations`, {
      outcome: 'held',
      onDate: '2026-10-06',
      note: '   ',
    });
    expect(blank.statusCode).toBe(400);
  });

  it('a conversation dated in the future is refused', async () => {
    const res = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/conversations`, {
      outcome: 'held',
      onDate: tomorrow(),
      note: 'Barnet fortalte om skolen.',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.onDate).toMatch(/fremtiden/);
  });

  it('an empty § 95 follow-up or one held in the future is refused and leaves the follow-up open', async () => {
    const url = `/api/v1/cases/${caseId}/follow-ups/${followUpId}/held`;
    const empty = await t.as(worker, 'POST', url, { heldOn: '2026-11-01' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.note).toMatch(/opfølgningen/i);
    const future = await t.as(worker, 'POST', url, { heldOn: tomorrow(), note: 'Det går bedre.' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.heldOn).toMatch(/fremtiden/);
    const c = (await t.as(worker, 'GET', `/api/v1/cases/${caseId}`)).json();
    expect(c.followUps.find((f: { id: string }) => f.id === followUpId).heldOn).toBeNull();
    const held = await t.as(worker, 'POST', url, { heldOn: '2026-11-01', note: 'Det går bedre.' });
    expect(held.statusCode).toBe(200);
  });
});

describe('case deadline job', () => {
  it('reminds caseworkers of deadlines within a week and escalates overdue ones to the team’s managers, once', async () => {
    const first = await remindCaseDeadlines(t.db);
    expect(first.escalations).toBeGreaterThan(0);
    expect(first.reminders).toBeGreaterThan(0);
    expect(await remindCaseDeadlines(t.db)).toEqual({ reminders: 0, escalations: 0 });
    const { rows } = await t.db.pool.query(
      `SELECT a.link, a.reason FROM alerts a WHERE a.user_id = $1 AND a.kind = 'overdue' AND a.link LIKE '/sager/%'`,
      [manager.user.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].reason.code).toBe('caseDeadlineOverdue');
    // The manager of the first team is never told about the second team's cases.
    const leaked = await t.db.pool.query(
      `SELECT 1 FROM alerts a JOIN cases c ON a.link = '/sager/' || c.id WHERE a.user_id = $1 AND c.team_id = $2`,
      [manager.user.id, team2],
    );
    expect(leaked.rows).toHaveLength(0);
  });
});
