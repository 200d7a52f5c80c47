import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * Bridge-building suggestions on a child's profile (issue 15, item 5): offers for the protective factors absent
 * in the child's latest joint assessment, at the child's age, near first, free places first, each with why;
 * only for the adults who see the child, and the read is audited.
 */
let t: TTestApp;
let admin: TSession;
let professional: TSession;
let partner: TSession;
let analyst: TSession;
let naboAdmin: TSession;
let demoId: string;
let providerId: string;
let child: { id: string; age: number; districtId: string | null; absent: string[] };

const login = (who: string, domain = 'demo') => t.login(`${who}@${domain}.beskyt.test`);

async function newOffer(extra: Record<string, unknown>): Promise<string> {
  const res = await t.as(admin, 'POST', '/api/v1/offers', {
    providerId,
    kind: 'leisureActivity',
    name: `Forslag ${Math.random().toString(36).slice(2, 8)}`,
    description: 'Et tilbud til børn.',
    ageFrom: Math.max(0, child.age - 2),
    ageTo: Math.min(25, child.age + 2),
    access: 'direct',
    factorCodes: [child.absent[0]],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await startTestApp({ children: 20 });
  [admin, professional, partner, analyst, naboAdmin] = await Promise.all([
    login('admin'),
    login('professional'),
    login('partner'),
    login('analyst'),
    login('admin', 'nabo'),
  ]);
  demoId = admin.user.municipality.id;
  // Children whose latest joint assessment has protective factors absent; the first the professional sees.
  const { rows } = await t.db.pool.query(
    `SELECT a.child_id, age_on(c.birth_date, current_date) AS age,
            array_agg(f.code ORDER BY f.bit) AS absent,
            (SELECT u.district_id FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
              WHERE e.municipality_id = a.municipality_id AND e.child_id = a.child_id AND u.district_id IS NOT NULL
                AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date) LIMIT 1) AS district_id
       FROM (SELECT DISTINCT ON (child_id) * FROM assessments WHERE municipality_id = $1 AND mode = 'joint'
              ORDER BY child_id, assessed_on DESC, created_at DESC) a
       JOIN children c ON c.municipality_id = a.municipality_id AND c.id = a.child_id
       JOIN assessment_factors af ON af.municipality_id = a.municipality_id AND af.assessment_id = a.id AND af.state = 'absent'
       JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id AND f.kind = 'protective'
      GROUP BY a.municipality_id, a.child_id, c.birth_date`,
    [demoId],
  );
  for (const r of rows) {
    const seen = await t.as(professional, 'GET', `/api/v1/children/${r.child_id}/referrals`);
    if (seen.statusCode === 200) {
      child = { id: r.child_id, age: r.age, districtId: r.district_id, absent: r.absent };
      break;
    }
  }
  expect(child, 'a child of the professional with absent protective factors').toBeDefined();
  // The demo's own offers are closed, so the suggestions are this file's offers only (at most ten are shown).
  await t.db.pool.query("UPDATE offers SET status = 'closed' WHERE municipality_id = $1", [demoId]);
  const p = await t.as(admin, 'POST', '/api/v1/offer-providers', {
    name: 'Brobyggerne',
    kind: 'association',
  });
  expect(p.statusCode, p.body).toBe(201);
  providerId = p.json().id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("suggestions on a child's profile", () => {
  it('suggests matching offers with why, near and free first, and leaves out what does not fit', async () => {
    const { rows: others } = await t.db.pool.query(
      'SELECT id FROM districts WHERE municipality_id = $1 AND id IS DISTINCT FROM $2 LIMIT 1',
      [demoId, child.districtId],
    );
    const near = await newOffer({ districtId: child.districtId, capacityTotal: 10, capacityFree: 2 });
    const nearFull = await newOffer({ districtId: child.districtId, capacityTotal: 10, capacityFree: 0 });
    const far = await newOffer({ districtId: others[0].id, costDkk: 500, leisurePass: true });
    const wrongAge = await newOffer({ ageFrom: Math.min(25, child.age + 1), ageTo: 25 });
    const { rows: notAbsent } = await t.db.pool.query(
      "SELECT code FROM factors WHERE municipality_id = $1 AND kind = 'protective' AND NOT code = ANY($2) LIMIT 1",
      [demoId, child.absent],
    );
    const otherFactor = await newOffer({ factorCodes: [notAbsent[0].code] });
    const paused = await newOffer({ districtId: child.districtId });
    const pausedOffer = (await t.as(admin, 'GET', `/api/v1/offers/${paused}`)).json();
    const pause = await t.as(admin, 'PATCH', `/api/v1/offers/${paused}`, {
      status: 'paused',
      version: pausedOffer.version,
    });
    expect(pause.statusCode, pause.body).toBe(200);

    const res = await t.as(professional, 'GET', `/api/v1/children/${child.id}/offer-suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.absentFactors.map((f: { code: string }) => f.code)).toEqual(child.absent);
    const ids = body.items.map((s: { offer: { id: string } }) => s.offer.id);
    for (const gone of [wrongAge, otherFactor, paused]) expect(ids).not.toContain(gone);
    const mine = ids.filter((id: string) => [near, nearFull, far].includes(id));
    expect(mine).toEqual(
      child.districtId ? [near, nearFull, far] : expect.arrayContaining([near, nearFull, far]),
    );
    const first = body.items.find((s: { offer: { id: string } }) => s.offer.id === near);
    expect(first.why).toMatchObject({
      factors: [{ code: child.absent[0] }],
      age: { age: child.age },
      places: 'free',
      cost: 'free',
    });
    expect(body.items.find((s: { offer: { id: string } }) => s.offer.id === far).why).toMatchObject({
      cost: 'leisurePass',
      places: 'unknown',
    });

    const { rows: audit } = await t.db.pool.query(
      "SELECT role, child_id FROM audit_events WHERE entity = 'offerSuggestion' AND user_id = $1",
      [professional.user.id],
    );
    expect(audit).toContainEqual(expect.objectContaining({ child_id: child.id }));
  });

  it('does not suggest an offer the child is already referred to', async () => {
    const offerId = await newOffer({ districtId: child.districtId });
    const { rows } = await t.db.pool.query(
      `INSERT INTO consents (municipality_id, child_id, young_person, info_kinds, recipient_provider_ids, purpose,
                             signed_on, valid_from, valid_to, created_by)
       VALUES ($1, $2, true, '{identity}', ARRAY[$3::uuid], 'Henvisning', current_date, current_date, current_date + 30, $4)
       RETURNING id`,
      [demoId, child.id, providerId, admin.user.id],
    );
    const referred = await t.as(professional, 'POST', '/api/v1/referrals', {
      childId: child.id,
      offerId,
      basis: 'consent',
      consentId: rows[0].id,
      sharedKinds: ['identity'],
    });
    expect(referred.statusCode, referred.body).toBe(201);
    const body = (await t.as(professional, 'GET', `/api/v1/children/${child.id}/offer-suggestions`)).json();
    expect(body.items.map((s: { offer: { id: string } }) => s.offer.id)).not.toContain(offerId);
  });

  it('is for the adults who see the child: others get 403 or 404, nothing audited for them', async () => {
    expect((await t.as(partner, 'GET', `/api/v1/children/${child.id}/offer-suggestions`)).statusCode).toBe(
      403,
    );
    expect((await t.as(analyst, 'GET', `/api/v1/children/${child.id}/offer-suggestions`)).statusCode).toBe(
      403,
    );
    expect((await t.as(naboAdmin, 'GET', `/api/v1/children/${child.id}/offer-suggestions`)).statusCode).toBe(
      403,
    );
    const { rows } = await t.db.pool.query(
      'SELECT id FROM children WHERE municipality_id = $1 AND id <> $2',
      [demoId, child.id],
    );
    const statuses = await Promise.all(
      rows.map(
        async (r) =>
          (await t.as(professional, 'GET', `/api/v1/children/${r.id}/offer-suggestions`)).statusCode,
      ),
    );
    expect(statuses).toContain(404);
    expect(new Set(statuses)).toEqual(new Set(statuses.filter((s) => s === 200 || s === 404)));
    expect((await t.as(professional, 'GET', '/api/v1/children/nope/offer-suggestions')).statusCode).toBe(400);
  });
});
