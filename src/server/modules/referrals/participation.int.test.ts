import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * Participation feeds the factor (issue 15, item 7): confirmed attendance in an organised leisure activity or a
 * leisure job shows for the protective factors the offer strengthens, while it is current and the referral runs;
 * offers of other kinds, unconfirmed or stale attendance, ended referrals show nothing. Reads are audited and
 * refused (404) outside the reader's relations.
 */
let t: TTestApp;
let admin: TSession;
let professional: TSession;
let naboProfessional: TSession;
let demoId: string;
let leisureOffer: string;
let courseOffer: string;
let children: string[] = [];

const login = (who: string, domain = 'demo') => t.login(`${who}@${domain}.beskyt.test`);
const participation = async (session: TSession, childId: string) =>
  t.as(session, 'GET', `/api/v1/children/${childId}/participation`);

/** A running referral of the child to the offer, with attendance confirmed for the months given. */
async function attending(childId: string, offerId: string, months: string[], status = 'attending') {
  const by = professional.user.id;
  const { rows: consent } = await t.db.pool.query(
    `INSERT INTO consents (municipality_id, child_id, guardian_ids, info_kinds, recipient_provider_ids, purpose,
                           signed_on, valid_from, valid_to, created_by)
     SELECT $1, $2, ARRAY[cg.guardian_id], ARRAY['identity'], ARRAY[o.provider_id], 'Fritid', current_date - 200,
            current_date - 200, current_date + 100, $4
       FROM child_guardians cg, offers o WHERE cg.child_id = $2 AND cg.has_custody AND o.id = $3 LIMIT 1
     RETURNING id`,
    [demoId, childId, offerId, by],
  );
  const { rows } = await t.db.pool.query(
    `INSERT INTO referrals (municipality_id, child_id, offer_id, basis, consent_id, shared_kinds, status, end_reason,
                           referred_by, status_by, started_at)
     VALUES ($1, $2, $3, 'consent', $4, ARRAY['identity'], $5, CASE WHEN $5 = 'ended' THEN 'completed' END, $6, $6,
             now() - interval '200 days')
     RETURNING id`,
    [demoId, childId, offerId, consent[0].id, status, by],
  );
  for (const month of months)
    await t.db.pool.query(
      `INSERT INTO referral_attendance (municipality_id, referral_id, period, confirmed_by)
       VALUES ($1, $2, $3::date, $4)`,
      [demoId, rows[0].id, `${month}-01`, by],
    );
  return rows[0].id as string;
}

const monthAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};

beforeAll(async () => {
  t = await startTestApp();
  [admin, professional, naboProfessional] = await Promise.all([
    login('admin'),
    login('professional'),
    login('professional', 'nabo'),
  ]);
  demoId = admin.user.municipality.id;
  const provider = (
    await t.as(admin, 'POST', '/api/v1/offer-providers', { name: 'Deltagerklubben', kind: 'association' })
  ).json().id;
  const offer = async (kind: string, factorCodes: string[]) => {
    const res = await t.as(admin, 'POST', '/api/v1/offers', {
      providerId: provider,
      kind,
      name: `Deltagelse ${randomUUID().slice(0, 6)}`,
      description: 'Et tilbud.',
      ageFrom: 0,
      ageTo: 25,
      access: 'referral',
      factorCodes,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  leisureOffer = await offer('leisureActivity', ['P-ORGANISED-LEISURE', 'P-SUPPORTIVE-ADULTS']);
  courseOffer = await offer('parentCourse', ['P-ORGANISED-LEISURE']);
  const units = (professional.user.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : []));
  const { rows } = await t.db.pool.query(
    `SELECT c.id FROM children c
      WHERE c.municipality_id = $1
        AND EXISTS (SELECT 1 FROM enrolments e WHERE e.child_id = c.id AND e.unit_id = ANY($2::uuid[])
                       AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date))
        AND EXISTS (SELECT 1 FROM child_guardians cg WHERE cg.child_id = c.id AND cg.has_custody)
        AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.child_id = c.id AND r.status IN ('started', 'attending'))
      ORDER BY c.id LIMIT 10`,
    [demoId, units],
  );
  children = rows.map((r) => r.id);
  expect(children.length).toBe(10);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('participation beside the factor', () => {
  it('shows attendance confirmed lately in a leisure offer for each protective factor it strengthens, and audits the read', async () => {
    const child = children[0] as string;
    const referral = await attending(child, leisureOffer, [monthAgo(2), monthAgo(1)]);
    const res = await participation(professional, child);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { factor: { code: string } }) => i.factor.code).sort()).toEqual([
      'P-ORGANISED-LEISURE',
      'P-SUPPORTIVE-ADULTS',
    ]);
    expect(items[0]).toMatchObject({
      referralId: referral,
      provider: 'Deltagerklubben',
      lastConfirmed: monthAgo(1),
      months: 2,
    });
    expect(items[0].factor.label).toBeTruthy();
    const { rows } = await t.db.pool.query(
      "SELECT role, purpose FROM audit_events WHERE entity = 'participation' AND child_id = $1",
      [child],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].purpose).toMatch(/^enrolment:/);
  });

  it('shows nothing for offers of other kinds, stale or unconfirmed attendance, or ended referrals', async () => {
    const [a, b, c, d] = children.slice(1, 5) as string[];
    await attending(a as string, courseOffer, [monthAgo(0)]);
    await attending(b as string, leisureOffer, [monthAgo(5), monthAgo(3)]);
    await attending(c as string, leisureOffer, [], 'started');
    await attending(d as string, leisureOffer, [monthAgo(1)], 'ended');
    for (const child of [a, b, c, d]) {
      const res = await participation(professional, child as string);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items, child).toEqual([]);
    }
  });

  it('answers 404 outside the reader’s relations and to another municipality, 403 to roles that follow no referrals', async () => {
    const child = children[0] as string;
    expect((await participation(naboProfessional, child)).statusCode).toBe(404);
    expect((await participation(admin, child)).statusCode).toBe(403);
    expect((await participation(professional, randomUUID())).statusCode).toBe(404);
    expect((await participation(professional, 'not-a-uuid')).statusCode).toBe(400);
  });
});
