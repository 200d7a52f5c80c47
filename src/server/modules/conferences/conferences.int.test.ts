import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { ZConference, ZConferenceListItem } from '../../../shared/schemas/conference-views.ts';

/**
 * Family group conferences (issue 16, item 4): a caseworker refers a family with its agreement to a neutral
 * coordinator, who prepares (questions, concerns, bottom lines, invitations to the network), holds the conference
 * (information, the family's private time, the plan); the caseworker approves with a review date and the parents
 * get the plan; the review is held and the plan closed. Every refusal is a clear 4xx with nothing written; the
 * external coordinator reaches only their own conferences and never a concern or an assessment.
 */
let t: TTestApp;
let caseworker: TSession;
let leader: TSession;
let professional: TSession;
let coordinator: TSession;
let analyst: TSession;
let demoId: string;
let kase: { id: string; childId: string };
/** A second open case of the team, for a conference that stays referred. */
let kase2: { id: string; childId: string };
let leaderChild: string;
let grandmother: string;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const today = () => inDays(0);

async function writes(): Promise<string> {
  const { rows } = await t.db.pool.query(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM conferences) AS conferences,
            (SELECT count(*) FROM conference_steps) AS steps, (SELECT count(*) FROM conference_tasks) AS tasks,
            (SELECT count(*) FROM conference_invitees) AS invitees, (SELECT count(*) FROM letters) AS letters`,
  );
  return JSON.stringify(rows[0]);
}

const referral = (childId: string, extra: Record<string, unknown> = {}) => ({
  childId,
  reason: 'Højt fravær, og mor har været syg længe. Familien vil gerne have hjælp fra netværket.',
  familyAgreedOn: today(),
  coordinatorId: coordinator.user.id,
  ...extra,
});

async function step(session: TSession, id: string, path: string, body: Record<string, unknown>) {
  return t.as(session, 'POST', `/api/v1/conferences/${id}/${path}`, { heldOn: today(), ...body });
}

const plan = (version: number, tasks?: unknown[]) => ({
  version,
  tasks: tasks ?? [
    {
      what: 'Mormor følger Emma i skole mandag og onsdag',
      ownerKind: 'networkPerson',
      ownerName: 'Mormor Inge',
      networkPersonId: grandmother,
      dueOn: inDays(30),
      checkedBy: 'Mor',
      question: 0,
      factorCode: 'P-SUPPORTIVE-ADULTS',
    },
    {
      what: 'Mor ringer til skolen, når Emma er syg',
      ownerKind: 'parent',
      ownerName: 'Mor',
      dueOn: inDays(14),
      checkedBy: 'Koordinatoren',
      question: 1,
    },
  ],
});

beforeAll(async () => {
  t = await startTestApp({ children: 300 });
  const login = (who: string) => t.login(`${who}@demo.beskyt.test`);
  [caseworker, leader, professional, coordinator, analyst] = await Promise.all([
    login('caseworker'),
    login('unitLeader'),
    login('professional'),
    login('conferenceCoordinator'),
    login('analyst'),
  ]);
  demoId = caseworker.user.municipality.id;
  const { rows } = await t.db.pool.query(
    `SELECT k.id, k.child_id FROM cases k JOIN role_assignments ra ON ra.municipality_id = k.municipality_id
        AND ra.team_id = k.team_id AND ra.user_id = $2
      WHERE k.municipality_id = $1 AND k.status = 'open' AND k.caseworker_id = $2
        AND EXISTS (SELECT 1 FROM child_guardians cg WHERE cg.child_id = k.child_id AND cg.has_custody)
      ORDER BY k.child_id LIMIT 2`,
    [demoId, caseworker.user.id],
  );
  expect(rows.length).toBe(2);
  kase = { id: rows[0].id, childId: rows[0].child_id };
  kase2 = { id: rows[1].id, childId: rows[1].child_id };
  const schoolId = leader.user.roles?.find((r) => r.unitId)?.unitId;
  const { rows: kids } = await t.db.pool.query(
    `SELECT e.child_id FROM enrolments e WHERE e.municipality_id = $1 AND e.unit_id = $2
        AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)
        -- A child the caseworker cannot reach (no case at all) and without a demo conference: ids are random,
        -- so the first enrolled child would sometimes have either.
        AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.municipality_id = e.municipality_id AND k.child_id = e.child_id)
        AND NOT EXISTS (SELECT 1 FROM conferences c WHERE c.municipality_id = e.municipality_id AND c.child_id = e.child_id)
      ORDER BY e.child_id LIMIT 1`,
    [demoId, schoolId],
  );
  leaderChild = kids[0].child_id;
  const person = await t.as(caseworker, 'POST', '/api/v1/network-persons', {
    name: 'Mormor Inge',
    relation: 'grandparent',
    email: 'inge@example.dk',
    role: 'resource',
    guardiansAgreement: 'agreed',
    children: [{ childId: kase.childId, tie: 'strong', childAgreement: 'agreed' }],
  });
  expect(person.statusCode, person.body).toBe(201);
  grandmother = person.json().id;
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('a conference from referral to a closed plan', () => {
  let id: string;
  let version: number;
  const next = async (session: TSession, path: string, body: Record<string, unknown>, phase: string) => {
    const res = await step(session, id, path, { version, ...body });
    expect(res.statusCode, res.body).toBe(200);
    const conference = ZConference.parse(res.json());
    expect(conference.phase).toBe(phase);
    version = conference.version;
    return conference;
  };

  it('is referred from the case by the caseworker, with the family’s agreement and the external coordinator', async () => {
    const res = await t.as(
      caseworker,
      'POST',
      '/api/v1/conferences',
      referral(kase.childId, { caseId: kase.id }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const conference = ZConference.parse(res.json());
    expect(conference).toMatchObject({
      kind: 'case',
      caseId: kase.id,
      phase: 'referred',
      coordinator: { id: coordinator.user.id, external: true },
      openSteps: [],
    });
    id = conference.id;
    version = conference.version;
  });

  it('is prepared by the coordinator: questions, concerns, bottom lines, and an invitation letter to the grandmother', async () => {
    const conference = await next(
      coordinator,
      'preparation',
      {
        questions: ['Hvordan kommer Emma i skole hver dag?', 'Hvem kan Emma gå til, når mor er syg?'],
        concerns: 'Emma har 20 % fravær. Mor er syg og orker ikke morgenerne.',
        bottomLines: 'Emma skal i skole hver dag. Fraværet skal under 10 % inden sommerferien.',
        invitees: [{ networkPersonId: grandmother, chosenWithChild: true }],
      },
      'preparation',
    );
    expect(conference.invitees).toEqual([
      expect.objectContaining({
        networkPersonId: grandmother,
        chosenWithChild: true,
        letterId: expect.any(String),
      }),
    ]);
    const { rows } = await t.db.pool.query('SELECT kind, recipient_name FROM letters WHERE id = $1', [
      conference.invitees[0]?.letterId,
    ]);
    expect(rows[0]).toEqual({ kind: 'conferenceInvitation', recipient_name: 'Mormor Inge' });
  });

  it('refuses the family’s private time with content, and a plan before the private time (409), writing nothing', async () => {
    await next(
      coordinator,
      'information',
      {
        informants: [
          { name: 'Lærer Lise', profession: 'Lærer', brought: 'Fraværet og hvad Emma er god til.' },
        ],
      },
      'information',
    );
    const before = await writes();
    const content = await step(coordinator, id, 'private-time', { version, notes: 'Mor græd.' });
    expect(content.statusCode).toBe(400);
    expect(Object.keys(content.json().error.fields)).toContain('notes');
    const early = await step(coordinator, id, 'plan', plan(version));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONFERENCE_PHASE');
    expect(await writes()).toBe(before);
    await next(coordinator, 'private-time', {}, 'privateTime');
  });

  it('refuses a plan task without an owner or a date, or for a question the family was not asked', async () => {
    const before = await writes();
    const base = plan(version).tasks[1] as Record<string, unknown>;
    for (const [task, field] of [
      [{ ...base, ownerName: undefined }, 'tasks.0.ownerName'],
      [{ ...base, dueOn: undefined }, 'tasks.0.dueOn'],
      [{ ...base, question: 5 }, 'tasks.0.question'],
    ] as const) {
      const res = await step(coordinator, id, 'plan', plan(version, [task]));
      expect(res.statusCode, res.body).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
    expect(await writes()).toBe(before);
    const conference = await next(coordinator, 'plan', plan(version), 'plan');
    expect(conference.tasks.map((t) => [t.ownerKind, t.question])).toEqual([
      ['networkPerson', 0],
      ['parent', 1],
    ]);
  });

  it('lets only the approver decide: the coordinator is refused (403), a refusal needs a reason', async () => {
    const before = await writes();
    expect(
      (await step(coordinator, id, 'decision', { version, decision: 'approved', reviewOn: inDays(60) }))
        .statusCode,
    ).toBe(403);
    const noReason = await step(caseworker, id, 'decision', { version, decision: 'refused' });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(noReason.json().error.fields)).toContain('reason');
    const tooLate = await step(caseworker, id, 'decision', {
      version,
      decision: 'approved',
      reviewOn: inDays(200),
    });
    expect(tooLate.statusCode).toBe(400);
    expect(Object.keys(tooLate.json().error.fields)).toContain('reviewOn');
    expect(await writes()).toBe(before);
  });

  it('goes back to the family when refused, and on approval sends the parents the plan as a letter', async () => {
    const refused = await next(
      caseworker,
      'decision',
      { decision: 'refused', reason: 'Planen siger ikke, hvem der hjælper, når mormor er på ferie.' },
      'refused',
    );
    expect(refused.refusalReason).toContain('mormor');
    await next(coordinator, 'plan', plan(version), 'plan');
    const approved = await next(
      caseworker,
      'decision',
      { decision: 'approved', reviewOn: inDays(60) },
      'approved',
    );
    expect(approved.reviewOn).toBe(inDays(60));
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM letters WHERE kind = 'conferencePlan' AND idempotency_key LIKE $1`,
      [`conference:${id}:plan:%`],
    );
    const { rows: custodians } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM child_guardians WHERE child_id = $1 AND has_custody',
      [kase.childId],
    );
    expect(rows[0].n).toBe(custodians[0].n);
  });

  it('is closed only after a review that gives every task its status', async () => {
    const before = await writes();
    expect((await step(caseworker, id, 'close', { version })).json().error.code).toBe('CONFERENCE_PHASE');
    const conference = ZConference.parse(
      (await t.as(coordinator, 'GET', `/api/v1/conferences/${id}`)).json(),
    );
    const partial = await step(coordinator, id, 'review', {
      version,
      helped: 'yes',
      tasks: [{ taskId: conference.tasks[0]?.id, status: 'done' }],
    });
    expect(partial.statusCode).toBe(400);
    expect(await writes()).toBe(before);
    const reviewed = await next(
      coordinator,
      'review',
      {
        helped: 'partly',
        note: 'Fraværet er halveret.',
        tasks: conference.tasks.map((task, i) => ({ taskId: task.id, status: i === 0 ? 'done' : 'partly' })),
      },
      'reviewed',
    );
    expect(reviewed.tasks.map((task) => task.reviewStatus)).toEqual(['done', 'partly']);
    const closed = await next(caseworker, 'close', {}, 'closed');
    expect(closed.steps.map((s) => s.step)).toEqual([
      'prepare',
      'inform',
      'privateTime',
      'plan',
      'refuse',
      'plan',
      'approve',
      'review',
      'close',
    ]);
  });
});

describe('bad referrals: a clear 4xx naming the field, nothing written', () => {
  it.each([
    [
      'the child’s own caseworker as coordinator',
      () => ({ coordinatorId: caseworker.user.id }),
      'coordinatorId',
    ],
    ['a user who cannot coordinate', () => ({ coordinatorId: analyst.user.id }), 'coordinatorId'],
    ['an agreement dated in the future', () => ({ familyAgreedOn: inDays(3) }), 'familyAgreedOn'],
    ['no agreement of the family', () => ({ familyAgreedOn: undefined }), 'familyAgreedOn'],
    ['a case of another child', () => ({ caseId: kase2.id }), 'caseId'],
  ])('refuses %s', async (_name, extra, field) => {
    const before = await writes();
    const res = await t.as(caseworker, 'POST', '/api/v1/conferences', referral(kase.childId, extra()));
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain(field);
    expect(await writes()).toBe(before);
  });

  it('answers 404 for a child the user has no relation to, 403 to a role that cannot refer', async () => {
    const before = await writes();
    expect((await t.as(caseworker, 'POST', '/api/v1/conferences', referral(leaderChild))).statusCode).toBe(
      404,
    );
    expect((await t.as(coordinator, 'POST', '/api/v1/conferences', referral(kase.childId))).statusCode).toBe(
      403,
    );
    expect(await writes()).toBe(before);
  });
});

describe('who reaches a conference', () => {
  let preventive: string;

  it('lets a unit leader refer preventively with a professional as coordinator, and decide on that plan', async () => {
    const res = await t.as(
      leader,
      'POST',
      '/api/v1/conferences',
      referral(leaderChild, { coordinatorId: professional.user.id }),
    );
    expect(res.statusCode, res.body).toBe(201);
    preventive = res.json().id;
    expect(res.json()).toMatchObject({ kind: 'preventive', coordinator: { external: false } });
    await t.db.pool.query("UPDATE conferences SET phase = 'plan' WHERE id = $1", [preventive]);
    const seen = ZConference.parse((await t.as(leader, 'GET', `/api/v1/conferences/${preventive}`)).json());
    expect(seen.openSteps).toEqual(['approve', 'refuse']);
    // The caseworker has no relation to the leader's child: nothing to see, nothing to decide.
    expect((await t.as(caseworker, 'GET', `/api/v1/conferences/${preventive}`)).statusCode).toBe(404);
  });

  it('shows the external coordinator only their own conferences, and never a concern or an assessment', async () => {
    const mine = await t.as(coordinator, 'GET', '/api/v1/conferences');
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items.map((c: unknown) => ZConferenceListItem.parse(c));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c: { id: string }) => c.id !== preventive)).toBe(true);
    expect((await t.as(coordinator, 'GET', `/api/v1/conferences/${preventive}`)).statusCode).toBe(404);
    expect((await t.as(coordinator, 'GET', `/api/v1/children/${kase.childId}/concerns`)).statusCode).toBe(
      403,
    );
    expect((await t.as(coordinator, 'GET', `/api/v1/children/${kase.childId}/assessments`)).statusCode).toBe(
      403,
    );
    expect((await t.as(coordinator, 'GET', `/api/v1/children/${kase.childId}`)).statusCode).toBe(403);
  });

  it('audits the coordinator’s read under the coordination', async () => {
    const [first] = (await t.as(coordinator, 'GET', '/api/v1/conferences')).json().items;
    await t.as(coordinator, 'GET', `/api/v1/conferences/${first.id}`);
    await t.audit.drain();
    const { rows } = await t.db.pool.query(
      `SELECT purpose FROM audit_events WHERE entity = 'conference' AND entity_id = $1 AND user_id = $2 AND action = 'read'`,
      [first.id, coordinator.user.id],
    );
    expect(rows.map((r) => r.purpose)).toContain(`conference:${first.id}:coordinator`);
  });

  it('keeps a conference in a case from the child’s units: only the preventive ones are theirs', async () => {
    const { rows } = await t.db.pool.query(
      `INSERT INTO conferences (municipality_id, child_id, case_id, reason, family_agreed_on, referred_by, coordinator_id)
       VALUES ($1, $2, $3, 'I sagen', current_date, $4, $5) RETURNING id`,
      [demoId, leaderChild, kase.id, caseworker.user.id, coordinator.user.id],
    );
    expect((await t.as(leader, 'GET', `/api/v1/conferences/${rows[0].id}`)).statusCode).toBe(404);
    const listed = (await t.as(leader, 'GET', `/api/v1/children/${leaderChild}/conferences`)).json().items;
    expect(listed.map((c: { id: string }) => c.id)).not.toContain(rows[0].id);
    expect(listed.map((c: { id: string }) => c.id)).toContain(preventive);
  });

  it('lists a child’s conferences for the adults who see the child', async () => {
    const res = await t.as(caseworker, 'GET', `/api/v1/children/${kase.childId}/conferences`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect((await t.as(caseworker, 'GET', `/api/v1/children/${leaderChild}/conferences`)).statusCode).toBe(
      404,
    );
  });
});

describe('the demo conferences', () => {
  it('has conferences in every phase from referred to closed, one preventive for high absence, and the coordinator logins', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT array_agg(DISTINCT phase::text ORDER BY phase::text) AS phases,
              count(*) FILTER (WHERE case_id IS NULL AND reason LIKE 'Højt fravær%')::int AS preventive,
              count(DISTINCT coordinator_id)::int AS coordinators
         FROM conferences WHERE municipality_id = $1 AND reason NOT LIKE 'Højt fravær, og mor har været syg%'
          AND referred_at < now() - interval '1 day'`,
      [demoId],
    );
    expect(rows[0].phases).toEqual(
      expect.arrayContaining([
        'referred',
        'preparation',
        'information',
        'plan',
        'approved',
        'reviewed',
        'closed',
      ]),
    );
    expect(rows[0].preventive).toBe(1);
    expect(rows[0].coordinators).toBe(2);
    const mine = (await t.as(coordinator, 'GET', '/api/v1/conferences')).json().items;
    for (const item of mine.slice(0, 3)) {
      const res = await t.as(coordinator, 'GET', `/api/v1/conferences/${item.id}`);
      expect(res.statusCode).toBe(200);
      ZConference.parse(res.json());
    }
  });
});
