import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { ZFamilyView } from '../../../shared/schemas/family-views.ts';

/**
 * One view of the family (issue 16, item 5; decision 030): each sibling is shown through the reader's own relation
 * to it, a sibling without one is counted but neither named nor read nor audited, every child shown is audited under
 * its relation; a unit sees the preventive conferences only, a case's reader also the caseworker; other
 * municipality and children outside one's relations are 404, a role without the permission 403.
 */
let t: TTestApp;
let professional: TSession;
let leader: TSession;
let caseworker: TSession;
let analyst: TSession;
let naboProfessional: TSession;
let demoId: string;
/** A family with a school child (the leader's and the professional's) and a daycare sibling (the professional's only). */
let schoolChild: string;
let daycareSibling: string;
let familySize: number;
/** A child with an open case of the caseworker's team. */
let caseChild: string;
let personId: string;
let preventiveId: string;
let inCaseId: string;

const family = (session: TSession, childId: string) =>
  t.as(session, 'GET', `/api/v1/children/${childId}/family`);

async function familyReads(userId: string): Promise<{ child_id: string; purpose: string; role: string }[]> {
  await t.audit.drain();
  const { rows } = await t.db.pool.query(
    `SELECT child_id, purpose, role FROM audit_events WHERE entity = 'family' AND user_id = $1 ORDER BY child_id`,
    [userId],
  );
  return rows;
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
    `SELECT a.id AS a, b.id AS b,
            (SELECT count(*)::int FROM children s WHERE s.municipality_id = a.municipality_id AND s.family_id = a.family_id) AS size
       FROM children a JOIN children b ON b.municipality_id = a.municipality_id AND b.family_id = a.family_id AND b.id <> a.id
      WHERE a.municipality_id = $1
        AND ${enrolled.replaceAll('c.', 'a.')}
        AND ${enrolled.replaceAll('c.', 'b.').replace('$2', '$3')}
        AND NOT ${enrolled.replaceAll('c.', 'b.')}
        AND NOT EXISTS (SELECT 1 FROM child_coordinators cc WHERE cc.municipality_id = b.municipality_id AND cc.child_id = b.id)
        AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.municipality_id = a.municipality_id AND k.child_id IN (a.id, b.id))
      ORDER BY a.id LIMIT 1`,
    [demoId, [schoolId], [daycareId]],
  );
  expect(pair.rows[0], 'a family with a school child and a daycare sibling').toBeDefined();
  schoolChild = pair.rows[0].a;
  daycareSibling = pair.rows[0].b;
  familySize = pair.rows[0].size;
  const kase = await t.db.pool.query(
    `SELECT k.child_id FROM cases k JOIN role_assignments ra ON ra.municipality_id = k.municipality_id
        AND ra.team_id = k.team_id AND ra.user_id = $2
      WHERE k.municipality_id = $1 AND k.status = 'open' ORDER BY k.child_id LIMIT 1`,
    [demoId, caseworker.user.id],
  );
  caseChild = kase.rows[0].child_id;
  // A grandmother of both siblings, and a conference of each kind about the school child.
  const person = await t.as(professional, 'POST', '/api/v1/network-persons', {
    name: 'Mormor Gerda',
    relation: 'grandparent',
    phone: '+45 20 30 40 50',
    role: 'resource',
    guardiansAgreement: 'agreed',
    children: [
      { childId: schoolChild, tie: 'strong', childAgreement: 'agreed' },
      { childId: daycareSibling, tie: 'strong', childAgreement: 'agreed' },
    ],
  });
  expect(person.statusCode, person.body).toBe(201);
  personId = person.json().id;
  const conference = async (childId: string, caseId: string | null) =>
    (
      await t.db.pool.query(
        `INSERT INTO conferences (municipality_id, child_id, case_id, reason, family_agreed_on, referred_by, coordinator_id,
                                  phase, questions)
         VALUES ($1, $2, $3, 'Højt fravær', current_date, $4, $4, 'referred', '["Hvordan kommer barnet i skole?"]')
         RETURNING id`,
        [demoId, childId, caseId, professional.user.id],
      )
    ).rows[0].id as string;
  preventiveId = await conference(schoolChild, null);
  const caseOfChild = await t.db.pool.query(
    "SELECT id FROM cases WHERE municipality_id = $1 AND child_id = $2 AND status = 'open' LIMIT 1",
    [demoId, caseChild],
  );
  inCaseId = await conference(caseChild, caseOfChild.rows[0].id);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('the family view', () => {
  it('shows the professional, who reaches both siblings, both with their units, the shared person and the conference', async () => {
    const res = await family(professional, schoolChild);
    expect(res.statusCode, res.body).toBe(200);
    const view = ZFamilyView.parse(res.json());
    expect(view.childId).toBe(schoolChild);
    const ids = view.members.map((m) => m.id);
    // The child asked about first; the sibling the professional reaches too (and any other they reach).
    expect(ids[0]).toBe(schoolChild);
    expect(ids).toContain(daycareSibling);
    expect(view.otherChildren).toBe(familySize - ids.length);
    expect(view.members.every((m) => m.units.length > 0 && m.relation === 'enrolment')).toBe(true);
    expect(view.members[0]?.conferences.map((c) => c.id)).toEqual([preventiveId]);
    // A unit's reader never sees a caseworker.
    expect(view.members.every((m) => m.caseworkers.length === 0)).toBe(true);
    const gerda = view.network.find((p) => p.id === personId);
    expect(gerda?.children.map((c) => c.childId)).toEqual([schoolChild, daycareSibling]);
    expect(gerda?.otherChildren).toBe(0);
    const reads = await familyReads(professional.user.id);
    expect(reads.map((r) => r.child_id).sort()).toEqual([...ids].sort());
    expect(reads.every((r) => r.purpose.startsWith('enrolment:') && r.role === 'professional')).toBe(true);
  });

  it('counts a sibling the reader has no relation to, without naming, reading or auditing it', async () => {
    const res = await family(leader, schoolChild);
    expect(res.statusCode, res.body).toBe(200);
    const view = ZFamilyView.parse(res.json());
    const ids = view.members.map((m) => m.id);
    expect(ids[0]).toBe(schoolChild);
    expect(ids).not.toContain(daycareSibling);
    expect(view.otherChildren).toBe(familySize - ids.length);
    expect(view.otherChildren).toBeGreaterThan(0);
    expect(res.body).not.toContain(daycareSibling);
    const gerda = view.network.find((p) => p.id === personId);
    expect(gerda?.children.map((c) => c.childId)).toEqual([schoolChild]);
    expect(gerda?.otherChildren).toBe(1);
    const reads = await familyReads(leader.user.id);
    expect(reads.map((r) => r.child_id).sort()).toEqual([...ids].sort());
    expect(reads.every((r) => r.purpose.startsWith('enrolment:') && r.role === 'unitLeader')).toBe(true);
  });

  it('shows a caseworker the case’s conferences and caseworkers, audited under the case', async () => {
    const res = await family(caseworker, caseChild);
    expect(res.statusCode, res.body).toBe(200);
    const view = ZFamilyView.parse(res.json());
    const child = view.members.find((m) => m.id === caseChild);
    expect(child?.relation).toBe('case');
    expect(child?.caseworkers.length).toBeGreaterThan(0);
    expect(child?.conferences.map((c) => c.id)).toContain(inCaseId);
    const reads = await familyReads(caseworker.user.id);
    expect(reads.map((r) => r.child_id)).toContain(caseChild);
    expect(reads.every((r) => /^(team:|caseworker|grant)/.test(r.purpose))).toBe(true);
  });

  it('answers 404 for a child outside the reader’s relations and writes no audit event of it', async () => {
    const res = await family(leader, daycareSibling);
    expect(res.statusCode, res.body).toBe(404);
    const reads = await familyReads(leader.user.id);
    expect(reads.map((r) => r.child_id)).not.toContain(daycareSibling);
  });

  it('answers 404 to a user of another municipality, 403 without the permission, 400 for a malformed id', async () => {
    expect((await family(naboProfessional, schoolChild)).statusCode).toBe(404);
    expect((await family(analyst, schoolChild)).statusCode).toBe(403);
    const bad = await family(professional, 'not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id');
  });
});
