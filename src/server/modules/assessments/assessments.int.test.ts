import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import {
  addDays,
  addUser,
  CURRENT_FACTORS,
  childPicker,
  publishTestCatalogue,
  RETIRED_CODE,
  unitOf,
  writeCounts,
} from './assessments.fixtures.ts';

let t: TTestApp;
let demoId: string;
let today: string;
let admin: TSession;
let leader: TSession;
let professional: TSession;
let colleague: TSession;
let otherSchoolProfessional: TSession;
let otherLeader: TSession;
let naboProfessional: TSession;
let schoolId: string;
let daycareId: string;
let otherSchoolId: string;
let oldCatalogue: { id: string; version: number };
let catalogue: { id: string; version: number };
let round: { id: string; period: string };
let pick: ReturnType<typeof childPicker>;
let counter = 0;

const name = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)} ${++counter}`;

/** The factors of the current test version in a typical assessment; TR-MOBNING is left out (not known). */
const FACTORS = [
  { code: 'TP-FRITID', state: 'present', reason: 'Går til fodbold to gange om ugen.' },
  { code: 'TP-VOKSEN', state: 'present' },
  { code: 'TP-SKOLE', state: 'absent', reason: 'Trives ikke i klassen.' },
  { code: 'TP-SPROG', state: 'unknown' },
  { code: 'TR-FRAVAER', state: 'present' },
  { code: 'TR-KONFLIKT', state: 'absent' },
];

const facesVoice = {
  kind: 'faces',
  answers: [
    { question: 'Hvordan har du det i skolen?', face: 2 },
    { question: 'Hvordan har du det derhjemme?', face: 4 },
  ],
  words: 'Jeg kan godt lide frikvarteret.',
  recordedBy: 'Lærer Hansen',
  recordedOn: '2026-01-10',
};

const parentsView = {
  text: 'Mor oplever, at han er træt om morgenen.',
  recordedBy: 'Mor',
  recordedOn: '2026-01-12',
};

function assessment(childId: string, over: Record<string, unknown> = {}) {
  return { roundId: round.id, childId, mode: 'own', position: 'yellow', factors: FACTORS, ...over };
}

async function post(session: TSession, body: unknown) {
  return t.as(session, 'POST', '/api/v1/assessments', body);
}

async function createRound(session: TSession, body: Record<string, unknown>) {
  const res = await t.as(session, 'POST', '/api/v1/assessment-rounds', {
    name: name('Runde'),
    opensOn: addDays(today, -7),
    closesOn: addDays(today, 30),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function auditEvents(where: string, params: unknown[]) {
  await t.audit.drain();
  const { rows } = await t.db.pool.query(
    `SELECT user_id, role, action, entity, entity_id, child_id, purpose, detail FROM audit_events WHERE ${where} ORDER BY seq`,
    params,
  );
  return rows;
}

beforeAll(async () => {
  // This file hands out many school children aged 6–12 (one each per test): at the default 150 children
  // a municipality, random ids sometimes let the any-age picks use up that age group first.
  t = await startTestApp({ children: 400 });
  admin = await t.login('admin@demo.beskyt.test');
  leader = await t.login('unitleader@demo.beskyt.test');
  professional = await t.login('professional@demo.beskyt.test');
  naboProfessional = await t.login('professional@nabo.beskyt.test');
  demoId = admin.user.municipality.id;
  schoolId = unitOf(leader, 'unitLeader');
  const professionalUnits = (professional.user.roles ?? []).map((r) => r.unitId);
  expect(professionalUnits).toContain(schoolId);
  daycareId = professionalUnits.find((u) => u !== schoolId) as string;
  const { rows } = await t.db.pool.query(
    `SELECT u.id FROM units u WHERE u.municipality_id = $1 AND u.kind = 'school' AND u.id <> $2
        AND EXISTS (SELECT 1 FROM enrolments e WHERE e.unit_id = u.id AND (e.to_date IS NULL OR e.to_date >= current_date))
      ORDER BY u.name LIMIT 1`,
    [demoId, schoolId],
  );
  otherSchoolId = rows[0].id;
  colleague = await addUser(t, demoId, 'professional', [schoolId]);
  otherSchoolProfessional = await addUser(t, demoId, 'professional', [otherSchoolId]);
  otherLeader = await addUser(t, demoId, 'unitLeader', [otherSchoolId]);
  oldCatalogue = await publishTestCatalogue(t, demoId, [
    ...CURRENT_FACTORS.filter((f) => ['TP-FRITID', 'TP-VOKSEN', 'TP-SKOLE', 'TR-FRAVAER'].includes(f.code)),
    { code: RETIRED_CODE, kind: 'risk', themes: ['t-tryghed'] },
  ]);
  catalogue = await publishTestCatalogue(t, demoId, CURRENT_FACTORS);
  today = (await t.db.pool.query('SELECT current_date::text AS d')).rows[0].d;
  round = await createRound(admin, { unitIds: [schoolId, daycareId] });
  pick = childPicker(t, demoId);
});
afterAll(() => t.close());

describe('assessment rounds', () => {
  it('lets a unit leader open a round for the unit they lead, on the latest published catalogue', async () => {
    const spring = await createRound(leader, {
      opensOn: '2031-03-01',
      closesOn: '2031-04-15',
      unitIds: [schoolId],
    });
    expect(spring).toMatchObject({
      period: '2031H1',
      status: 'upcoming',
      catalogueId: catalogue.id,
      catalogueVersion: catalogue.version,
      units: [{ id: schoolId }],
    });
    const autumn = await createRound(leader, {
      opensOn: '2031-07-01',
      closesOn: '2031-09-15',
      unitIds: [schoolId],
    });
    expect(autumn.period).toBe('2031H2');
    const events = await auditEvents("entity = 'assessment-round' AND entity_id = $1", [spring.id]);
    expect(events).toMatchObject([{ user_id: leader.user.id, role: 'unitLeader', action: 'create' }]);
  });

  it('refuses a unit leader a unit they do not lead and an unknown unit, naming each, and writes nothing', async () => {
    const before = await writeCounts(t);
    const res = await t.as(leader, 'POST', '/api/v1/assessment-rounds', {
      name: name('Runde'),
      opensOn: today,
      closesOn: today,
      unitIds: [schoolId, otherSchoolId, randomUUID()],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      'unitIds.1': 'Du kan kun oprette runder for enheder, du er leder af.',
      'unitIds.2': 'Enheden findes ikke.',
    });
    const nabo = await t.login('admin@nabo.beskyt.test');
    const foreign = await t.as(nabo, 'POST', '/api/v1/assessment-rounds', {
      name: name('Runde'),
      opensOn: today,
      closesOn: today,
      unitIds: [schoolId],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields['unitIds.0']).toBe('Enheden findes ikke.');
    expect(await writeCounts(t)).toEqual(before);
  });

  it('refuses a closing date before the opening date and a name already in use', async () => {
    const before = await writeCounts(t);
    const dates = await t.as(admin, 'POST', '/api/v1/assessment-rounds', {
      name: name('Runde'),
      opensOn: '2031-05-02',
      closesOn: '2031-05-01',
      unitIds: [schoolId],
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.fields.closesOn).toBe('Lukkedatoen må ikke ligge før åbningsdatoen.');
    const { rows } = await t.db.pool.query('SELECT name FROM assessment_rounds WHERE id = $1', [round.id]);
    const taken = await t.as(admin, 'POST', '/api/v1/assessment-rounds', {
      name: rows[0].name,
      opensOn: today,
      closesOn: today,
      unitIds: [schoolId],
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields.name).toBe('Navnet er allerede i brug.');
    expect(await writeCounts(t)).toEqual(before);
  });

  it('answers 409 NO_PUBLISHED_CATALOGUE where no catalogue version is published, writing nothing', async () => {
    const { rows } = await t.db.pool.query(
      "INSERT INTO municipalities (code, name, slug) VALUES ('999', 'Tom Kommune', 'tom') RETURNING id",
    );
    const unit = await t.db.pool.query(
      "INSERT INTO units (municipality_id, name, kind) VALUES ($1, 'Tom Skole', 'school') RETURNING id",
      [rows[0].id],
    );
    const emptyAdmin = await addUser(t, rows[0].id, 'admin', [null]);
    const before = await writeCounts(t);
    const res = await t.as(emptyAdmin, 'POST', '/api/v1/assessment-rounds', {
      name: 'Forår',
      opensOn: today,
      closesOn: today,
      unitIds: [unit.rows[0].id],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'NO_PUBLISHED_CATALOGUE',
      message: 'Der er ikke offentliggjort et faktorkatalog endnu. Offentliggør et først.',
    });
    expect(await writeCounts(t)).toEqual(before);
  });

  it('lists every round to the admin and only rounds of their own units to assessors', async () => {
    const other = await createRound(otherLeader, { unitIds: [otherSchoolId] });
    const ids = async (s: TSession) => {
      const res = await t.as(s, 'GET', '/api/v1/assessment-rounds');
      expect(res.statusCode).toBe(200);
      return res.json().items.map((r: { id: string }) => r.id);
    };
    expect(await ids(admin)).toEqual(expect.arrayContaining([round.id, other.id]));
    expect(await ids(professional)).toContain(round.id);
    expect(await ids(professional)).not.toContain(other.id);
    expect(await ids(otherSchoolProfessional)).toContain(other.id);
    expect(await ids(otherSchoolProfessional)).not.toContain(round.id);
    const caseworker = await t.login('caseworker@demo.beskyt.test');
    expect((await t.as(caseworker, 'GET', '/api/v1/assessment-rounds')).statusCode).toBe(403);
  });
});

describe('round progress', () => {
  it('lists every child of the unit with own and joint status, totals and a percentage, audited as one read', async () => {
    const r = await createRound(admin, { unitIds: [schoolId] });
    const a = await pick(schoolId, [6, 12]);
    const b = await pick(schoolId, [6, 12]);
    expect((await post(professional, assessment(a.id, { roundId: r.id }))).statusCode).toBe(201);
    expect(
      (await post(leader, assessment(b.id, { roundId: r.id, mode: 'joint', position: 'red' }))).statusCode,
    ).toBe(201);
    const res = await t.as(
      professional,
      'GET',
      `/api/v1/assessment-rounds/${r.id}/progress?unitId=${schoolId}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const { rows } = await t.db.pool.query(
      `SELECT DISTINCT e.child_id FROM enrolments e WHERE e.unit_id = $1 AND ${currentEnrolment('e').text}`,
      [schoolId],
    );
    expect(body.children.map((c: { id: string }) => c.id).sort()).toEqual(rows.map((x) => x.child_id).sort());
    const byId = new Map(body.children.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(a.id)).toMatchObject({ ownCount: 1, jointId: null, jointPosition: null });
    expect((byId.get(a.id) as { myOwnId: string }).myOwnId).toBeTruthy();
    expect(byId.get(b.id)).toMatchObject({ ownCount: 0, myOwnId: null, jointPosition: 'red' });
    expect(body.totals).toEqual({
      children: rows.length,
      withOwn: 1,
      withJoint: 1,
      missingOwn: rows.length - 1,
      missingJoint: rows.length - 1,
    });
    expect(body.percentJoint).toBe(Math.round(100 / rows.length));
    const [event] = await auditEvents("entity = 'assessment-round' AND action = 'read' AND entity_id = $1", [
      r.id,
    ]);
    expect(event).toMatchObject({ user_id: professional.user.id, purpose: `enrolment:${schoolId}` });
    expect(event.detail.childIds.sort()).toEqual(rows.map((x) => x.child_id).sort());
  });

  it('answers 404 for a unit outside the user’s own, a unit not in the round, and another municipality', async () => {
    const schoolOnly = await createRound(admin, { unitIds: [schoolId] });
    for (const [session, url] of [
      [professional, `/api/v1/assessment-rounds/${round.id}/progress?unitId=${otherSchoolId}`],
      [professional, `/api/v1/assessment-rounds/${schoolOnly.id}/progress?unitId=${daycareId}`],
      [naboProfessional, `/api/v1/assessment-rounds/${round.id}/progress?unitId=${schoolId}`],
    ] as const) {
      const res = await t.as(session, 'GET', url);
      expect(res.statusCode, url).toBe(404);
    }
  });
});

describe('assessments', () => {
  let child: { id: string };
  let own: { id: string; version: number };
  let colleagueOwn: { id: string; version: number };
  let joint: { id: string; version: number };

  it('lets two professionals make their own assessments and one of them the joint one', async () => {
    child = await pick(schoolId, [6, 12]);
    const before = await writeCounts(t);
    const first = await post(professional, assessment(child.id, { childVoice: facesVoice, parentsView }));
    expect(first.statusCode, first.body).toBe(201);
    own = first.json();
    expect(own).toMatchObject({
      mode: 'own',
      position: 'yellow',
      unit: { id: schoolId },
      author: { id: professional.user.id },
      catalogue: { id: catalogue.id, version: catalogue.version },
      assessedOn: today,
      childVoice: facesVoice,
      parentsView,
      locked: false,
      version: 1,
      protectiveShare: { present: 2, assessed: 3 },
      riskLoad: 1,
    });
    const states = Object.fromEntries(
      first.json().factors.map((f: { code: string; state: string }) => [f.code, f.state]),
    );
    expect(states).toEqual({
      'TP-FRITID': 'present',
      'TP-VOKSEN': 'present',
      'TP-SKOLE': 'absent',
      'TP-SPROG': 'unknown',
      'TR-FRAVAER': 'present',
      'TR-MOBNING': 'unknown',
      'TR-KONFLIKT': 'absent',
    });
    const fritid = first.json().factors.find((f: { code: string }) => f.code === 'TP-FRITID');
    expect(fritid).toMatchObject({
      label: 'Faktor TP-FRITID',
      labelEn: 'Factor TP-FRITID',
      reason: 'Går til fodbold to gange om ugen.',
      themeCodes: ['t-faellesskab'],
    });
    const second = await post(colleague, {
      ...assessment(child.id),
      position: 'green',
      factors: [
        { code: 'TP-FRITID', state: 'absent' },
        { code: 'TP-VOKSEN', state: 'unknown' },
        { code: 'TR-FRAVAER', state: 'present' },
      ],
    });
    expect(second.statusCode, second.body).toBe(201);
    colleagueOwn = second.json();
    const third = await post(professional, assessment(child.id, { mode: 'joint', position: 'yellow' }));
    expect(third.statusCode, third.body).toBe(201);
    joint = third.json();
    const after = await writeCounts(t);
    expect({
      assessments: Number(after.assessments) - Number(before.assessments),
      factorRows: Number(after.factor_rows) - Number(before.factor_rows),
      contributions: Number(after.contributions) - Number(before.contributions),
      auditEvents: Number(after.audit_events) - Number(before.audit_events),
    }).toEqual({ assessments: 3, factorRows: FACTORS.length * 2 + 3, contributions: 3, auditEvents: 3 });
    const events = await auditEvents("entity = 'assessment' AND action = 'create' AND child_id = $1", [
      child.id,
    ]);
    expect(events.map((e) => [e.user_id, e.entity_id, e.purpose])).toEqual([
      [professional.user.id, own.id, `enrolment:${schoolId}`],
      [colleague.user.id, colleagueOwn.id, `enrolment:${schoolId}`],
      [professional.user.id, joint.id, `enrolment:${schoolId}`],
    ]);
    const progress = await t.as(
      leader,
      'GET',
      `/api/v1/assessment-rounds/${round.id}/progress?unitId=${schoolId}`,
    );
    expect(progress.json().children.find((c: { id: string }) => c.id === child.id)).toMatchObject({
      ownCount: 2,
      myOwnId: null,
      jointId: joint.id,
      jointPosition: 'yellow',
    });
  });

  it('shows the own assessments side by side with the factors they disagree on', async () => {
    const res = await t.as(
      leader,
      'GET',
      `/api/v1/assessment-rounds/${round.id}/children/${child.id}/own-assessments`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.assessments.map((a: { id: string }) => a.id)).toEqual([own.id, colleagueOwn.id]);
    expect(view.assessments[1].author.name).toMatch(/^Test professional/);
    expect(view.positionsDisagree).toBe(true);
    expect(view.joint).toMatchObject({ id: joint.id, position: 'yellow', locked: false });
    const byCode = Object.fromEntries(view.factors.map((f: { code: string }) => [f.code, f]));
    expect(byCode['TP-FRITID'].states.map((s: { state: string }) => s.state)).toEqual(['present', 'absent']);
    expect(byCode['TP-FRITID'].states[0].reason).toBe('Går til fodbold to gange om ugen.');
    expect(byCode['TP-FRITID'].disagree).toBe(true);
    expect(byCode['TP-VOKSEN'].disagree).toBe(false); // present against not known
    expect(byCode['TR-FRAVAER'].disagree).toBe(false);
    expect(byCode['TP-SKOLE'].disagree).toBe(false); // absent against not known
    const [event] = await auditEvents(
      "action = 'read' AND child_id = $1 AND detail->>'view' = 'own-assessments'",
      [child.id],
    );
    expect(event).toMatchObject({ user_id: leader.user.id, purpose: `enrolment:${schoolId}` });
    const outsider = await t.as(
      otherSchoolProfessional,
      'GET',
      `/api/v1/assessment-rounds/${round.id}/children/${child.id}/own-assessments`,
    );
    expect(outsider.statusCode).toBe(404);
  });

  it('lets an assessor of the same unit read a colleague’s own assessment, audited, but nobody outside the unit', async () => {
    const res = await t.as(leader, 'GET', `/api/v1/assessments/${own.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: own.id, childVoice: facesVoice, parentsView, version: 1 });
    const events = await auditEvents("action = 'read' AND entity = 'assessment' AND entity_id = $1", [
      own.id,
    ]);
    expect(events).toMatchObject([
      { user_id: leader.user.id, child_id: child.id, purpose: `enrolment:${schoolId}` },
    ]);
    for (const session of [otherSchoolProfessional, naboProfessional]) {
      expect((await t.as(session, 'GET', `/api/v1/assessments/${own.id}`)).statusCode).toBe(404);
      expect((await t.as(session, 'GET', `/api/v1/assessments/${joint.id}`)).statusCode).toBe(404);
    }
    const caseworker = await t.login('caseworker@demo.beskyt.test');
    expect((await t.as(caseworker, 'GET', `/api/v1/assessments/${own.id}`)).statusCode).toBe(403);
  });

  it('records the child’s voice the way that fits its age', async () => {
    const small = await pick(daycareId, [0, 5]);
    const teen = await pick(schoolId, [13, 17]);
    const observed = {
      kind: 'observed',
      text: 'Leger mest alene.',
      recordedBy: 'Pædagog Lise',
      recordedOn: today,
    };
    const words = {
      kind: 'words',
      text: 'Det går fint.',
      scale: 7,
      recordedBy: 'AKT-lærer',
      recordedOn: today,
    };
    expect((await post(professional, assessment(small.id, { childVoice: observed }))).statusCode).toBe(201);
    expect((await post(professional, assessment(teen.id, { childVoice: words }))).statusCode).toBe(201);
    const before = await writeCounts(t);
    const wrong = await post(colleague, assessment(teen.id, { childVoice: facesVoice }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields['childVoice.kind']).toMatch(
      /^Passer ikke til barnets alder \(1[3-7] år\)\. Brug words\.$/,
    );
    const noAnswers = await post(
      colleague,
      assessment(teen.id, { childVoice: { ...facesVoice, answers: [] } }),
    );
    expect(noAnswers.json().error.fields['childVoice.answers']).toBeTruthy();
    const badFace = await post(colleague, assessment(teen.id, { childVoice: { ...words, scale: 11 } }));
    expect(badFace.json().error.fields['childVoice.scale']).toBe('Må højst være 10.');
    expect(await writeCounts(t)).toEqual(before);
  });
});

describe('bad input: a clear 4xx naming the problem, and nothing written', () => {
  async function refused(session: TSession, body: unknown, status: number, code: string) {
    const before = await writeCounts(t);
    const res = await post(session, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await writeCounts(t)).toEqual(before);
    return res.json().error;
  }

  it('refuses an unknown factor code, naming factors.N.code', async () => {
    const c = await pick(schoolId);
    const factors = [...FACTORS, { code: 'TP-FINDES-IKKE', state: 'present' }];
    const error = await refused(professional, assessment(c.id, { factors }), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual({ [`factors.${FACTORS.length}.code`]: 'Ukendt faktor: TP-FINDES-IKKE.' });
  });

  it('refuses a factor of another catalogue version, saying so', async () => {
    const c = await pick(schoolId);
    const factors = [{ code: RETIRED_CODE, state: 'present' }, ...FACTORS];
    const error = await refused(professional, assessment(c.id, { factors }), 400, 'VALIDATION_FAILED');
    expect(error.fields['factors.0.code']).toBe(
      `Faktoren ${RETIRED_CODE} hører til en anden version af kataloget end rundens (version ${catalogue.version}).`,
    );
  });

  it('refuses a factor listed twice', async () => {
    const c = await pick(schoolId);
    const factors = [
      { code: 'TP-FRITID', state: 'present' },
      { code: 'TP-FRITID', state: 'absent' },
    ];
    const error = await refused(professional, assessment(c.id, { factors }), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual({ 'factors.1.code': 'Faktoren TP-FRITID er angivet mere end én gang.' });
  });

  it('refuses malformed states, positions, reasons and unknown fields, naming each', async () => {
    const c = await pick(schoolId);
    const error = await refused(
      professional,
      {
        ...assessment(c.id),
        position: 'blue',
        factors: [
          { code: 'TP-FRITID', state: 'maybe' },
          { code: 'TP-VOKSEN', state: 'present', reason: 'x'.repeat(501) },
        ],
        extra: true,
      },
      400,
      'VALIDATION_FAILED',
    );
    expect(error.fields).toEqual({
      position: 'Skal være en af: green, yellow, red.',
      'factors.0.state': 'Skal være en af: present, absent, unknown.',
      'factors.1.reason': 'Må højst være 500 tegn.',
      extra: 'Ukendt felt.',
    });
  });

  it('refuses an assessment outside an open round (409 ROUND_CLOSED)', async () => {
    const c = await pick(schoolId);
    const past = await createRound(admin, {
      opensOn: '2024-02-01',
      closesOn: '2024-03-31',
      unitIds: [schoolId],
    });
    const future = await createRound(admin, {
      opensOn: addDays(today, 1),
      closesOn: addDays(today, 20),
      unitIds: [schoolId],
    });
    await refused(professional, assessment(c.id, { roundId: past.id }), 409, 'ROUND_CLOSED');
    const error = await refused(professional, assessment(c.id, { roundId: future.id }), 409, 'ROUND_CLOSED');
    expect(error.message).toBe('Vurderingsrunden er ikke åben i dag.');
  });

  it('refuses a second joint assessment for the child and round (409 JOINT_EXISTS)', async () => {
    const c = await pick(schoolId);
    expect((await post(colleague, assessment(c.id, { mode: 'joint' }))).statusCode).toBe(201);
    await refused(professional, assessment(c.id, { mode: 'joint' }), 409, 'JOINT_EXISTS');
  });

  it('refuses a second own assessment by the same author (409 OWN_EXISTS), not one by another', async () => {
    const c = await pick(schoolId);
    expect((await post(professional, assessment(c.id))).statusCode).toBe(201);
    await refused(professional, assessment(c.id, { position: 'red' }), 409, 'OWN_EXISTS');
    expect((await post(colleague, assessment(c.id))).statusCode).toBe(201);
  });

  it('answers 404 for a child outside the round’s units, for a professional of another unit and across municipalities', async () => {
    const elsewhere = await pick(otherSchoolId);
    await refused(professional, assessment(elsewhere.id), 404, 'NOT_FOUND');
    const c = await pick(schoolId);
    await refused(otherSchoolProfessional, assessment(c.id), 404, 'NOT_FOUND');
    await refused(naboProfessional, assessment(c.id), 404, 'NOT_FOUND');
    await refused(professional, assessment(c.id, { roundId: randomUUID() }), 404, 'NOT_FOUND');
  });

  it('refuses roles that do not assess (403)', async () => {
    const c = await pick(schoolId);
    await refused(admin, assessment(c.id), 403, 'FORBIDDEN');
  });
});

describe('changing and locking', () => {
  let c: { id: string };
  let mine: { id: string; version: number };

  beforeAll(async () => {
    c = await pick(schoolId, [6, 12]);
    const res = await post(professional, assessment(c.id, { parentsView, note: 'Aftalt opfølgning.' }));
    mine = res.json();
  });

  it('changes an assessment at the current version and refuses a stale one with 409, changing nothing', async () => {
    const ok = await t.as(professional, 'PATCH', `/api/v1/assessments/${mine.id}`, {
      version: 1,
      position: 'red',
      factors: [{ code: 'TR-MOBNING', state: 'present', reason: 'Holdes udenfor.' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      version: 2,
      position: 'red',
      parentsView,
      note: 'Aftalt opfølgning.',
      riskLoad: 1,
    });
    const states = ok.json().factors.filter((f: { state: string }) => f.state !== 'unknown');
    expect(states.map((f: { code: string }) => f.code)).toEqual(['TR-MOBNING']);
    const before = await writeCounts(t);
    const row = (await t.db.pool.query('SELECT * FROM assessments WHERE id = $1', [mine.id])).rows[0];
    const stale = await t.as(professional, 'PATCH', `/api/v1/assessments/${mine.id}`, {
      version: 1,
      position: 'green',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(await writeCounts(t)).toEqual(before);
    expect((await t.db.pool.query('SELECT * FROM assessments WHERE id = $1', [mine.id])).rows[0]).toEqual(
      row,
    );
    const events = await auditEvents("action = 'update' AND entity_id = $1", [mine.id]);
    expect(events).toMatchObject([{ user_id: professional.user.id, child_id: c.id }]);
  });

  it('clears the parents’ view with null and keeps what is not sent', async () => {
    const res = await t.as(professional, 'PATCH', `/api/v1/assessments/${mine.id}`, {
      version: 2,
      parentsView: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 3,
      parentsView: null,
      note: 'Aftalt opfølgning.',
      position: 'red',
    });
  });

  it('lets only the author change an own assessment (403 for a colleague)', async () => {
    const before = await writeCounts(t);
    const res = await t.as(leader, 'PATCH', `/api/v1/assessments/${mine.id}`, {
      version: 3,
      position: 'green',
    });
    expect(res.statusCode).toBe(403);
    expect(await writeCounts(t)).toEqual(before);
    const outside = await t.as(otherSchoolProfessional, 'PATCH', `/api/v1/assessments/${mine.id}`, {
      version: 3,
    });
    expect(outside.statusCode).toBe(404);
  });

  it('lets only the leader of the unit lock, once, and a locked assessment never changes (409)', async () => {
    expect((await t.as(professional, 'POST', `/api/v1/assessments/${mine.id}/lock`)).statusCode).toBe(403);
    expect((await t.as(otherLeader, 'POST', `/api/v1/assessments/${mine.id}/lock`)).statusCode).toBe(404);
    const locked = await t.as(leader, 'POST', `/api/v1/assessments/${mine.id}/lock`);
    expect(locked.statusCode, locked.body).toBe(200);
    expect(locked.json()).toMatchObject({ id: mine.id, version: 4, lockedBy: leader.user.id });
    const again = await t.as(leader, 'POST', `/api/v1/assessments/${mine.id}/lock`);
    expect(again.json().error.code).toBe('ASSESSMENT_LOCKED');
    const before = await writeCounts(t);
    const res = await t.as(professional, 'PATCH', `/api/v1/assessments/${mine.id}`, {
      version: 4,
      note: 'For sent',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'ASSESSMENT_LOCKED',
      message: 'Vurderingen er låst og kan ikke ændres.',
    });
    expect(await writeCounts(t)).toEqual(before);
    expect((await t.as(professional, 'GET', `/api/v1/assessments/${mine.id}`)).json()).toMatchObject({
      locked: true,
      lockedBy: { id: leader.user.id },
    });
    const events = await auditEvents("action = 'lock' AND entity_id = $1", [mine.id]);
    expect(events).toMatchObject([{ user_id: leader.user.id, role: 'unitLeader', child_id: c.id }]);
  });
});

describe('the measurement rollup', () => {
  async function expectCellsMatchContributions(period: string) {
    const { rows } = await t.db.pool.query(
      `WITH plain AS (
         SELECT unit_id, age_band, gender, theme_key, count(*)::int AS n, sum(x) AS sum_x, sum(x * x) AS sum_x2,
                sum(risk_load)::float8 AS sum_risk, sum(risk_load * risk_load)::float8 AS sum_risk2
           FROM measurement_contributions WHERE municipality_id = $1 AND period = $2 GROUP BY 1, 2, 3, 4),
       cells AS (SELECT * FROM measurement_cells WHERE municipality_id = $1 AND period = $2 AND n <> 0)
       SELECT p.theme_key AS p_key, c.theme_key AS c_key, p.n AS pn, c.n AS cn,
              abs(p.sum_x - c.sum_x) + abs(p.sum_x2 - c.sum_x2) + abs(p.sum_risk - c.sum_risk)
                + abs(p.sum_risk2 - c.sum_risk2) AS diff
         FROM plain p FULL JOIN cells c USING (unit_id, age_band, gender, theme_key)`,
      [demoId, period],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.p_key).toBe(r.c_key);
      expect(r.pn).toBe(r.cn);
      expect(r.diff).toBeLessThan(1e-9);
    }
  }

  async function contribution(childId: string) {
    const { rows } = await t.db.pool.query(
      `SELECT theme_key, x, risk_load, assessment_id, unit_id FROM measurement_contributions
        WHERE municipality_id = $1 AND period = $2 AND child_id = $3 ORDER BY theme_key`,
      [demoId, round.period, childId],
    );
    return rows;
  }

  it('equals a plain recomputation after a joint assessment is made and changed, and follows the new states', async () => {
    const c = await pick(schoolId, [6, 12]);
    const made = (await post(leader, assessment(c.id, { mode: 'joint' }))).json();
    await expectCellsMatchContributions(round.period);
    // TP-FRITID, TP-VOKSEN present, TP-SKOLE absent; risk TR-FRAVAER present.
    expect(await contribution(c.id)).toEqual([
      { theme_key: 'all', x: 2 / 3, risk_load: 1, assessment_id: made.id, unit_id: schoolId },
      { theme_key: 't-faellesskab', x: 1 / 2, risk_load: 1, assessment_id: made.id, unit_id: schoolId },
      { theme_key: 't-tryghed', x: 1 / 2, risk_load: 0, assessment_id: made.id, unit_id: schoolId },
    ]);
    const changed = await t.as(professional, 'PATCH', `/api/v1/assessments/${made.id}`, {
      version: made.version,
      factors: [
        { code: 'TP-FRITID', state: 'present' },
        { code: 'TP-SPROG', state: 'present' },
        { code: 'TP-VOKSEN', state: 'absent' },
        { code: 'TR-KONFLIKT', state: 'present' },
        { code: 'TR-MOBNING', state: 'present' },
      ],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await expectCellsMatchContributions(round.period);
    expect(await contribution(c.id)).toEqual([
      { theme_key: 'all', x: 2 / 3, risk_load: 2, assessment_id: made.id, unit_id: schoolId },
      { theme_key: 't-faellesskab', x: 1, risk_load: 1, assessment_id: made.id, unit_id: schoolId },
      { theme_key: 't-tryghed', x: 1 / 2, risk_load: 1, assessment_id: made.id, unit_id: schoolId },
    ]);
    const stored = (
      await t.db.pool.query(
        'SELECT protective_present, protective_known, risk_present, risk_known, present_mask::text FROM assessments WHERE id = $1',
        [made.id],
      )
    ).rows[0];
    expect(stored).toEqual({
      protective_present: 2,
      protective_known: 3,
      risk_present: 2,
      risk_known: 2,
      // TP-FRITID on bit 0, TR-MOBNING on bit 5, TR-KONFLIKT on bit 6, TP-SPROG on bit 63 (the sign bit).
      present_mask: BigInt.asIntN(64, (1n << 0n) | (1n << 5n) | (1n << 6n) | (1n << 63n)).toString(),
    });
  });

  it('leaves own assessments out of the rollup', async () => {
    const c = await pick(schoolId, [6, 12]);
    expect((await post(professional, assessment(c.id))).statusCode).toBe(201);
    expect(await contribution(c.id)).toEqual([]);
  });
});

describe('the child’s profile', () => {
  it('builds the timeline, factor × time grid, persistence, co-occurrence and theme shares from joint assessments', async () => {
    const c = await pick(schoolId, [6, 12]);
    // An earlier round on the older catalogue version (set up directly: new rounds take the latest version).
    const { rows } = await t.db.pool.query(
      `INSERT INTO assessment_rounds (municipality_id, name, period, opens_on, closes_on, catalogue_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        demoId,
        name('Tidligere runde'),
        round.period,
        addDays(today, -10),
        addDays(today, 10),
        oldCatalogue.id,
      ],
    );
    const earlier = rows[0].id;
    await t.db.pool.query(
      'INSERT INTO round_units (municipality_id, round_id, unit_id) VALUES ($1, $2, $3)',
      [demoId, earlier, schoolId],
    );
    const first = await post(leader, {
      ...assessment(c.id, { roundId: earlier, mode: 'joint', position: 'yellow' }),
      factors: [
        { code: 'TP-FRITID', state: 'absent' },
        { code: 'TR-FRAVAER', state: 'present' },
        { code: RETIRED_CODE, state: 'present' },
      ],
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await post(leader, {
      ...assessment(c.id, { mode: 'joint', position: 'red' }),
      factors: [
        { code: 'TP-FRITID', state: 'present' },
        { code: 'TP-VOKSEN', state: 'absent' },
        { code: 'TP-SKOLE', state: 'present' },
        { code: 'TR-FRAVAER', state: 'present' },
        { code: 'TR-KONFLIKT', state: 'present' },
        { code: 'TR-MOBNING', state: 'absent' },
      ],
    });
    expect(second.statusCode, second.body).toBe(201);
    expect((await post(colleague, assessment(c.id))).statusCode).toBe(201); // an own one stays out

    const res = await t.as(professional, 'GET', `/api/v1/children/${c.id}/assessments`);
    expect(res.statusCode, res.body).toBe(200);
    const profile = res.json();
    // Seeded joint assessments from earlier rounds may come first; ours are the two latest.
    const timeline = profile.timeline.slice(-2);
    expect(timeline.map((e: { assessmentId: string }) => e.assessmentId)).toEqual([
      first.json().id,
      second.json().id,
    ]);
    const seeded = profile.timeline.length - 2;
    expect(timeline[1]).toMatchObject({
      position: 'red',
      catalogueVersion: catalogue.version,
      protectiveShare: { present: 2, assessed: 3 },
      riskLoad: 2,
    });
    expect(timeline[1].byTheme).toEqual([
      { themeCode: 't-faellesskab', present: 2, assessed: 2, share: 1 },
      { themeCode: 't-tryghed', present: 1, assessed: 2, share: 0.5 },
    ]);
    expect(timeline[0].protectiveShare).toEqual({ present: 0, assessed: 1, share: 0 });
    const grid = Object.fromEntries(
      profile.grid.map((r: { code: string; cells: unknown[] }) => {
        expect(r.cells).toHaveLength(profile.timeline.length);
        return [r.code, r.cells.slice(seeded)];
      }),
    );
    expect(grid).toMatchObject({
      'TP-FRITID': ['absent', 'present'],
      'TP-SPROG': [null, 'unknown'],
      'TR-FRAVAER': ['present', 'present'],
      [RETIRED_CODE]: ['present', null],
      'TR-MOBNING': [null, 'absent'],
    });
    expect(profile.grid.find((r: { code: string }) => r.code === 'TR-FRAVAER')).toMatchObject({
      kind: 'risk',
      label: 'Faktor TR-FRAVAER',
    });
    // Each row says whether its factor is meant for the child's age today (the grid's default filter).
    const { rows: ages } = await t.db.pool.query(
      `SELECT DISTINCT ON (f.code) f.code, age_on(c.birth_date, current_date) BETWEEN f.age_from AND f.age_to AS fits
         FROM factors f JOIN children c ON c.municipality_id = f.municipality_id AND c.id = $1
         JOIN factor_catalogues fc ON fc.municipality_id = f.municipality_id AND fc.id = f.catalogue_id
        ORDER BY f.code, fc.version DESC`,
      [c.id],
    );
    const fits = new Map(ages.map((r) => [r.code, r.fits]));
    for (const row of profile.grid as { code: string; fitsAge: boolean }[])
      expect(row.fitsAge, row.code).toBe(fits.get(row.code));
    expect(
      Object.fromEntries(profile.persistence.map((p: { code: string; run: number }) => [p.code, p.run])),
    ).toEqual({ 'TR-FRAVAER': 2, 'TR-MOBNING': 0, 'TR-KONFLIKT': 1 });
    expect(profile.coOccurrence).toEqual({ count: 2, codes: ['TR-FRAVAER', 'TR-KONFLIKT'] });
    const safety = profile.themeSeries.find((s: { themeCode: string }) => s.themeCode === 't-tryghed');
    expect(safety.points.slice(seeded).map((p: { share: number | null }) => p.share)).toEqual([null, 0.5]);
    const [event] = await auditEvents("action = 'read' AND entity = 'child' AND child_id = $1", [c.id]);
    expect(event).toMatchObject({ user_id: professional.user.id, purpose: `enrolment:${schoolId}` });
    expect(event.detail).toEqual({
      view: 'assessments',
      assessmentIds: profile.timeline.map((e: { assessmentId: string }) => e.assessmentId),
    });
  });

  it('answers 404 without a relation to the child and across municipalities', async () => {
    const c = await pick(schoolId);
    for (const session of [otherSchoolProfessional, naboProfessional]) {
      expect((await t.as(session, 'GET', `/api/v1/children/${c.id}/assessments`)).statusCode).toBe(404);
    }
  });
});

describe('the unit view for leaders', () => {
  it('compares green/yellow/red of the latest round with the previous one and lists yellow and red children', async () => {
    const { rows } = await t.db.pool.query(
      "INSERT INTO units (municipality_id, name, kind) VALUES ($1, $2, 'school') RETURNING id",
      [demoId, name('Trivselsskolen')],
    );
    const unitId = rows[0].id;
    const unitLeader = await addUser(t, demoId, 'unitLeader', [unitId]);
    const children = [];
    for (let i = 0; i < 5; i++) {
      const c = await pick(otherSchoolId);
      await t.db.pool.query(
        'INSERT INTO enrolments (municipality_id, child_id, unit_id, from_date) VALUES ($1, $2, $3, $4)',
        [demoId, c.id, unitId, addDays(today, -100)],
      );
      children.push(c.id as string);
    }
    const previous = await createRound(admin, { opensOn: addDays(today, -20), unitIds: [unitId] });
    const latest = await createRound(admin, { opensOn: addDays(today, -2), unitIds: [unitId] });
    const joint = async (roundId: string, childId: string, position: string, fravaer = 'absent') => {
      const res = await post(unitLeader, {
        roundId,
        childId,
        mode: 'joint',
        position,
        factors: [
          { code: 'TR-FRAVAER', state: fravaer },
          { code: 'TR-KONFLIKT', state: 'present' },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const [a, b, cc, d] = children as [string, string, string, string];
    await joint(previous.id, a, 'green');
    await joint(previous.id, b, 'green');
    await joint(previous.id, cc, 'yellow', 'present');
    await joint(latest.id, a, 'green');
    const yellow = await joint(latest.id, b, 'yellow');
    const red = await joint(latest.id, cc, 'red', 'present');
    await joint(latest.id, d, 'red');

    const res = await t.as(unitLeader, 'GET', `/api/v1/units/${unitId}/wellbeing`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.latest).toMatchObject({
      round: { id: latest.id },
      total: 4,
      counts: { green: 1, yellow: 1, red: 2 },
      shares: { green: 0.25, yellow: 0.25, red: 0.5 },
    });
    expect(view.previous).toMatchObject({
      round: { id: previous.id },
      total: 3,
      counts: { green: 2, yellow: 1, red: 0 },
    });
    expect(view.followUp.map((f: { childId: string }) => f.childId)).toEqual(
      expect.arrayContaining([b, cc, d]),
    );
    expect(view.followUp).toHaveLength(3);
    expect(view.followUp.slice(0, 2).map((f: { position: string }) => f.position)).toEqual(['red', 'red']);
    const byChild = Object.fromEntries(view.followUp.map((f: { childId: string }) => [f.childId, f]));
    // Absence and conflict present in both rounds for cc; only conflict persisted for b.
    expect(byChild[cc]).toMatchObject({ assessmentId: red.id, position: 'red', persistentRisks: 2 });
    expect(byChild[b]).toMatchObject({ assessmentId: yellow.id, position: 'yellow', persistentRisks: 1 });
    expect(byChild[d]).toMatchObject({ persistentRisks: 0 });
    expect(byChild[b].firstName).toBeTruthy();
    const [event] = await auditEvents("entity = 'unit' AND entity_id = $1", [unitId]);
    expect(event).toMatchObject({
      user_id: unitLeader.user.id,
      action: 'read',
      purpose: `enrolment:${unitId}`,
    });
    expect(event.detail.childIds.sort()).toEqual([b, cc, d].sort());
  });

  it('answers 404 for a unit the leader does not lead and 403 for a professional', async () => {
    expect((await t.as(leader, 'GET', `/api/v1/units/${otherSchoolId}/wellbeing`)).statusCode).toBe(404);
    expect((await t.as(professional, 'GET', `/api/v1/units/${schoolId}/wellbeing`)).statusCode).toBe(403);
    const naboLeader = await t.login('unitleader@nabo.beskyt.test');
    expect((await t.as(naboLeader, 'GET', `/api/v1/units/${schoolId}/wellbeing`)).statusCode).toBe(404);
    const own = await t.as(leader, 'GET', `/api/v1/units/${schoolId}/wellbeing`);
    expect(own.statusCode).toBe(200);
  });
});
