import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { ZChildNetwork, ZNetworkPerson } from '../../../shared/schemas/network-views.ts';

/**
 * Network persons (issue 16, item 1): recorded for a child and shared across siblings of its family, read and
 * changed under the same relations as the child's other data (a unit's enrolment or coordinatorship, a case of
 * the team), audited per child; a sibling the reader has no relation to is neither shown nor read; bad input is a
 * 4xx naming the field with nothing written; the guardians are to be told when a person is first recorded.
 */
let t: TTestApp;
let professional: TSession;
let leader: TSession;
let caseworker: TSession;
let analyst: TSession;
let naboProfessional: TSession;
let demoId: string;
/** A family with a school child (the leader's and the professional's) and a daycare sibling (the professional's only). */
let schoolChild: { id: string; age: number };
let daycareSibling: { id: string; age: number };
/** Children of the professional's units with no sibling in the register, under 12 and from 12. */
let young: string[];
let older: string[];
/** A child with an open case of the caseworker's team. */
let caseChild: string;
/** A Demo child outside the professional's units and without a case of theirs. */
let outsider: string;

const person = (childId: string, extra: Record<string, unknown> = {}) => ({
  name: 'Mormor Inge',
  relation: 'grandparent',
  relationNote: 'mors mor',
  phone: '+45 20 30 40 50',
  email: 'Inge@Example.dk',
  role: 'resource',
  canOffer: 'Henter i børnehaven om tirsdagen',
  guardiansAgreement: 'agreed',
  children: [{ childId, tie: 'strong', childAgreement: 'agreed' }],
  ...extra,
});

async function writes(): Promise<string> {
  const { rows } = await t.db.pool.query(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM network_persons) AS persons,
            (SELECT count(*) FROM network_person_children) AS links,
            (SELECT count(*) FROM notice_subjects WHERE kind = 'networkPerson') AS notices`,
  );
  return JSON.stringify(rows[0]);
}

async function create(session: TSession, body: unknown) {
  return t.as(session, 'POST', '/api/v1/network-persons', body);
}

async function network(session: TSession, childId: string) {
  return t.as(session, 'GET', `/api/v1/children/${childId}/network`);
}

beforeAll(async () => {
  t = await startTestApp({ children: 400 });
  const login = (who: string, domain = 'demo') => t.login(`${who}@${domain}.beskyt.test`);
  [professional, leader, caseworker, analyst, naboProfessional] = await Promise.all([
    login('professional'),
    login('unitLeader'),
    login('caseworker'),
    login('analyst'),
    login('professional', 'nabo'),
  ]);
  demoId = professional.user.municipality.id;
  const units = (u: TSession) => (u.user.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : []));
  const schoolId = units(leader)[0];
  const daycareId = units(professional).find((id) => id !== schoolId);
  const enrolled = `EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
       AND e.unit_id = ANY($2::uuid[]) AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date))`;
  const pair = await t.db.pool.query(
    `SELECT a.id AS a, age_on(a.birth_date, current_date) AS a_age, b.id AS b, age_on(b.birth_date, current_date) AS b_age
       FROM children a JOIN children b ON b.municipality_id = a.municipality_id AND b.family_id = a.family_id AND b.id <> a.id
      WHERE a.municipality_id = $1
        AND ${enrolled.replaceAll('c.', 'a.').replace('$2', '$2')}
        AND ${enrolled.replaceAll('c.', 'b.').replace('$2', '$3')}
        AND NOT ${enrolled.replaceAll('c.', 'b.').replace('$2', '$2')}
        AND NOT EXISTS (SELECT 1 FROM child_coordinators cc WHERE cc.municipality_id = b.municipality_id AND cc.child_id = b.id)
      ORDER BY a.id LIMIT 1`,
    [demoId, [schoolId], [daycareId]],
  );
  expect(pair.rows[0], 'a family with a school child and a daycare sibling').toBeDefined();
  schoolChild = { id: pair.rows[0].a, age: pair.rows[0].a_age };
  daycareSibling = { id: pair.rows[0].b, age: pair.rows[0].b_age };
  const singles = await t.db.pool.query(
    `SELECT c.id, age_on(c.birth_date, current_date) AS age FROM children c
      WHERE c.municipality_id = $1 AND ${enrolled}
        AND NOT EXISTS (SELECT 1 FROM children s WHERE s.municipality_id = c.municipality_id AND s.family_id = c.family_id AND s.id <> c.id)
      ORDER BY c.id`,
    [demoId, units(professional)],
  );
  young = singles.rows.filter((r) => r.age < 12).map((r) => r.id);
  older = singles.rows.filter((r) => r.age >= 12).map((r) => r.id);
  expect(young.length).toBeGreaterThan(5);
  expect(older.length).toBeGreaterThan(2);
  const kase = await t.db.pool.query(
    `SELECT k.child_id FROM cases k JOIN role_assignments ra ON ra.municipality_id = k.municipality_id
        AND ra.team_id = k.team_id AND ra.user_id = $2
      WHERE k.municipality_id = $1 AND k.status = 'open' ORDER BY k.child_id LIMIT 1`,
    [demoId, caseworker.user.id],
  );
  caseChild = kase.rows[0].child_id;
  const out = await t.db.pool.query(
    `SELECT c.id FROM children c WHERE c.municipality_id = $1 AND NOT ${enrolled}
        AND NOT EXISTS (SELECT 1 FROM child_coordinators cc WHERE cc.municipality_id = c.municipality_id AND cc.child_id = c.id)
      ORDER BY c.id LIMIT 1`,
    [demoId, units(professional)],
  );
  outsider = out.rows[0].id;
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('recording a network person', () => {
  it('records the person with its contact, role, offer and agreement, audited under the relation to the child', async () => {
    const childId = young[0] as string;
    const res = await create(professional, person(childId, { children: [{ childId, tie: 'strong' }] }));
    expect(res.statusCode, res.body).toBe(201);
    const created = ZNetworkPerson.parse(res.json());
    expect(created).toMatchObject({
      name: 'Mormor Inge',
      relation: 'grandparent',
      phone: '+4520304050',
      email: 'inge@example.dk',
      role: 'resource',
      guardiansAgreement: 'agreed',
      children: [{ childId, tie: 'strong', step: false, childAgreement: null }],
      otherChildren: 0,
      version: 1,
    });
    await t.audit.drain();
    const { rows } = await t.db.pool.query(
      "SELECT action, child_id, purpose, role FROM audit_events WHERE entity = 'network-person' AND entity_id = $1",
      [created.id],
    );
    expect(rows).toEqual([
      {
        action: 'create',
        child_id: childId,
        purpose: expect.stringMatching(/^enrolment:/),
        role: 'professional',
      },
    ]);
  });

  it('marks the guardians to be told a network person is recorded (issue 23), once per child and half-year', async () => {
    const childId = young[1] as string;
    for (const name of ['Nabo Per', 'Træner Ali']) {
      const res = await create(professional, person(childId, { name, children: [{ childId, tie: 'weak' }] }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const { rows } = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM notice_subjects WHERE kind = 'networkPerson' AND child_id = $1",
      [childId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('shares a person across siblings of the family, each link with its own tie', async () => {
    const res = await create(
      professional,
      person(schoolChild.id, {
        name: 'Fodboldtræner Kim',
        relation: 'coach',
        children: [
          { childId: schoolChild.id, tie: 'strong', childAgreement: 'agreed' },
          { childId: daycareSibling.id, tie: 'weak', step: true, childAgreement: 'agreed' },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const links = res.json().children;
    expect(links.map((l: { childId: string; tie: string }) => [l.childId, l.tie])).toEqual([
      [schoolChild.id, 'strong'],
      [daycareSibling.id, 'weak'],
    ]);
    // Both children's guardians are to be told (by this recording, or an earlier one of the half-year).
    const { rows } = await t.db.pool.query(
      "SELECT child_id FROM notice_subjects WHERE kind = 'networkPerson' AND child_id = ANY($1::uuid[])",
      [[schoolChild.id, daycareSibling.id]],
    );
    expect(rows.map((r) => r.child_id).sort()).toEqual([schoolChild.id, daycareSibling.id].sort());
  });

  it('lets a caseworker record the network of a child of their team’s case, audited under the case', async () => {
    const res = await create(caseworker, person(caseChild, { name: 'Mentor Sara', relation: 'mentor' }));
    expect(res.statusCode, res.body).toBe(201);
    await t.audit.drain();
    const { rows } = await t.db.pool.query(
      "SELECT purpose, role FROM audit_events WHERE entity = 'network-person' AND entity_id = $1",
      [res.json().id],
    );
    expect(rows).toEqual([{ purpose: expect.stringMatching(/^(team:|caseworker)/), role: 'caseworker' }]);
  });
});

describe('bad input: a clear 4xx naming the field, nothing written', () => {
  const cases: [string, () => unknown, number, string | null][] = [
    [
      'a phone that is not a phone number',
      () => person(young[2] as string, { phone: 'ring til mor' }),
      400,
      'phone',
    ],
    ['a too short phone number', () => person(young[2] as string, { phone: '1234' }), 400, 'phone'],
    ['an e-mail that is not one', () => person(young[2] as string, { email: 'inge@' }), 400, 'email'],
    ['no name', () => person(young[2] as string, { name: '  ' }), 400, 'name'],
    ['an unknown relation', () => person(young[2] as string, { relation: 'boss' }), 400, 'relation'],
    ['no child', () => person(young[2] as string, { children: [] }), 400, 'children'],
    [
      'the same child twice',
      () =>
        person(young[2] as string, {
          children: [
            { childId: young[2], tie: 'weak' },
            { childId: young[2], tie: 'strong' },
          ],
        }),
      400,
      'children',
    ],
    [
      'a date of agreement without the agreement',
      () => person(young[2] as string, { guardiansAgreement: 'notAsked', guardiansAgreedOn: '2026-01-05' }),
      400,
      'guardiansAgreedOn',
    ],
    [
      'an agreement dated in the future',
      () => person(young[2] as string, { guardiansAgreedOn: '2999-01-01' }),
      400,
      'guardiansAgreedOn',
    ],
    [
      'a child from 12 without its own agreement',
      () => person(older[0] as string, { children: [{ childId: older[0], tie: 'strong' }] }),
      400,
      'children.0.childAgreement',
    ],
    [
      'a child of another family',
      () =>
        person(young[2] as string, {
          children: [
            { childId: young[2], tie: 'strong' },
            { childId: young[3], tie: 'strong' },
          ],
        }),
      400,
      'children.1.childId',
    ],
    ['a child outside the user’s relations', () => person(outsider), 404, null],
    ['an unknown child', () => person('00000000-0000-4000-8000-000000000000'), 404, null],
  ];
  it.each(cases)('refuses %s', async (_name, body, status, field) => {
    const before = await writes();
    const res = await create(professional, body());
    expect(res.statusCode, res.body).toBe(status);
    if (field) expect(Object.keys(res.json().error.fields ?? {})).toContain(field);
    expect(await writes()).toBe(before);
  });

  it('refuses a role without the permission (403) and a user of another municipality (404)', async () => {
    const before = await writes();
    expect((await create(analyst, person(young[2] as string))).statusCode).toBe(403);
    expect((await create(naboProfessional, person(young[2] as string))).statusCode).toBe(404);
    expect((await network(naboProfessional, young[0] as string)).statusCode).toBe(404);
    expect(await writes()).toBe(before);
  });

  it('refuses sharing with a sibling the user has no relation to (404), and writes nothing', async () => {
    const before = await writes();
    const res = await create(
      leader,
      person(schoolChild.id, {
        children: [
          { childId: schoolChild.id, tie: 'strong', childAgreement: 'agreed' },
          { childId: daycareSibling.id, tie: 'strong', childAgreement: 'agreed' },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(404);
    expect(await writes()).toBe(before);
  });
});

describe('reading a child’s network', () => {
  it('shows a shared person only with the siblings the reader reaches, and audits no read of the others', async () => {
    const mark = await t.db.pool.query('SELECT coalesce(max(seq), 0) AS seq FROM audit_events');
    const res = await network(leader, schoolChild.id);
    expect(res.statusCode, res.body).toBe(200);
    const answer = ZChildNetwork.parse(res.json());
    const coach = answer.persons.find((p) => p.name === 'Fodboldtræner Kim');
    expect(coach?.children.map((c) => c.childId)).toEqual([schoolChild.id]);
    expect(coach?.otherChildren).toBe(1);
    expect(answer.siblings).toEqual([]);
    expect(JSON.stringify(answer)).not.toContain(daycareSibling.id);
    // The leader reaches the daycare sibling through nothing: 404, as for any child outside their relations.
    expect((await network(leader, daycareSibling.id)).statusCode).toBe(404);
    await t.audit.drain();
    const { rows } = await t.db.pool.query(
      `SELECT child_id, detail FROM audit_events
        WHERE entity = 'network-person' AND action = 'read' AND user_id = $1 AND seq > $2`,
      [leader.user.id, mark.rows[0].seq],
    );
    expect(rows.map((r) => r.child_id)).toEqual([schoolChild.id]);
    expect(rows[0].detail.siblingIds).toEqual([]);
  });

  it('shows the professional, who reaches both, the person on both children and the sibling to share with', async () => {
    const answer = ZChildNetwork.parse((await network(professional, schoolChild.id)).json());
    const coach = answer.persons.find((p) => p.name === 'Fodboldtræner Kim');
    expect(coach?.children.map((c) => [c.childId, c.tie, c.step])).toEqual([
      [schoolChild.id, 'strong', false],
      [daycareSibling.id, 'weak', true],
    ]);
    expect(coach?.otherChildren).toBe(0);
    expect(answer.siblings.map((s) => s.id)).toContain(daycareSibling.id);
    expect(answer).toMatchObject({ childAgreementAge: 12, canWrite: true });
    const sibling = ZChildNetwork.parse((await network(professional, daycareSibling.id)).json());
    expect(sibling.persons.map((p) => p.name)).toContain('Fodboldtræner Kim');
  });

  it('answers 404 for a child outside the reader’s relations, 403 without the permission', async () => {
    expect((await network(professional, outsider)).statusCode).toBe(404);
    expect((await network(analyst, young[0] as string)).statusCode).toBe(403);
  });
});

describe('changing a network person', () => {
  it('changes the details, keeps a link to a sibling the user does not reach, and refuses a stale version', async () => {
    const coach = ZChildNetwork.parse((await network(leader, schoolChild.id)).json()).persons.find(
      (p) => p.name === 'Fodboldtræner Kim',
    );
    if (!coach) throw new Error('no coach');
    const body = person(schoolChild.id, {
      name: 'Fodboldtræner Kim',
      relation: 'coach',
      role: 'both',
      phone: '',
      children: [{ childId: schoolChild.id, tie: 'strained', childAgreement: 'declined' }],
      version: coach.version,
    });
    const res = await t.as(leader, 'PUT', `/api/v1/network-persons/${coach.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: 'both', phone: null, version: coach.version + 1 });
    const { rows } = await t.db.pool.query(
      'SELECT child_id, tie FROM network_person_children WHERE network_person_id = $1 ORDER BY tie',
      [coach.id],
    );
    expect(rows).toEqual([
      { child_id: daycareSibling.id, tie: 'weak' },
      { child_id: schoolChild.id, tie: 'strained' },
    ]);
    const before = await writes();
    const stale = await t.as(leader, 'PUT', `/api/v1/network-persons/${coach.id}`, body);
    expect(stale.statusCode).toBe(409);
    expect(await writes()).toBe(before);
  });

  it('answers 404 to a user who reaches none of the person’s children, and writes nothing', async () => {
    const childId = young[0] as string;
    const [p] = ZChildNetwork.parse((await network(professional, childId)).json()).persons;
    if (!p) throw new Error('no person');
    const before = await writes();
    const res = await t.as(caseworker, 'PUT', `/api/v1/network-persons/${p.id}`, {
      ...person(childId),
      version: p.version,
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(await writes()).toBe(before);
  });
});

describe('the age of the child’s own agreement', () => {
  it('is 12 by default and set by the administrator; below it the child’s agreement is not recorded', async () => {
    const admin = await t.login('admin@demo.beskyt.test');
    expect((await t.as(admin, 'GET', '/api/v1/network-settings')).json()).toEqual({
      childAgreementAge: 12,
      conferenceReviewMonths: 3,
      version: 0,
    });
    const bad = await t.as(admin, 'PUT', '/api/v1/network-settings', {
      childAgreementAge: 3,
      conferenceReviewMonths: 3,
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    const set = await t.as(admin, 'PUT', '/api/v1/network-settings', {
      childAgreementAge: 18,
      conferenceReviewMonths: 3,
      version: 0,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(
      (
        await t.as(admin, 'PUT', '/api/v1/network-settings', {
          childAgreementAge: 18,
          conferenceReviewMonths: 3,
          version: 0,
        })
      ).statusCode,
    ).toBe(409);
    const childId = older[1] as string;
    const res = await create(professional, person(childId, { children: [{ childId, tie: 'weak' }] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().children[0].childAgreement).toBeNull();
    await t.as(admin, 'PUT', '/api/v1/network-settings', {
      childAgreementAge: 12,
      conferenceReviewMonths: 3,
      version: 1,
    });
  });
});

describe('the demo networks', () => {
  it('gives children with open cases and families of the professional’s units a network shared by the siblings', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT count(DISTINCT p.id)::int AS persons,
              count(DISTINCT p.id) FILTER (WHERE (SELECT count(*) FROM network_person_children x
                                                    WHERE x.network_person_id = p.id) > 1)::int AS shared,
              count(DISTINCT l.child_id) FILTER (WHERE EXISTS (SELECT 1 FROM cases k WHERE k.child_id = l.child_id
                                                                  AND k.status = 'open'))::int AS case_children
         FROM network_persons p JOIN network_person_children l ON l.network_person_id = p.id
        WHERE p.municipality_id = $1 AND p.created_at < now() - interval '1 day'`,
      [demoId],
    );
    expect(rows[0].persons).toBeGreaterThan(10);
    expect(rows[0].shared).toBeGreaterThan(0);
    expect(rows[0].case_children).toBeGreaterThan(3);
    const caseNetwork = ZChildNetwork.parse((await network(caseworker, caseChild)).json());
    expect(caseNetwork.persons.length).toBeGreaterThan(0);
  });
});
