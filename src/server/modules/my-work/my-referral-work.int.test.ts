import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * Referrals awaiting the user's action in Mit arbejde, and referring from a case plan goal or a meeting action
 * (issue 15, item 3): only the user's own referrals and passes, only children they still reach, each named child
 * audited; an origin must belong to the same child, else a 400 naming the field and nothing written.
 */
let t: TTestApp;
let admin: TSession;
let professional: TSession;
let leader: TSession;
let caseworker: TSession;
let demoId: string;
let provider: string;
let offer: string;

const login = (who: string) => t.login(`${who}@demo.beskyt.test`);
const work = async (session: TSession) => {
  const res = await t.as(session, 'GET', '/api/v1/my-work/referrals');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { kind: string; id: string; child: { id: string }; since: string }[];
};
const referralCount = async () =>
  (await t.db.pool.query('SELECT count(*)::int AS n FROM referrals')).rows[0].n as number;

async function consentFor(childId: string): Promise<string> {
  const { rows } = await t.db.pool.query(
    `INSERT INTO consents (municipality_id, child_id, guardian_ids, info_kinds, recipient_provider_ids, purpose,
                           signed_on, valid_from, valid_to, created_by)
     SELECT $1, $2, ARRAY[cg.guardian_id], ARRAY['identity'], ARRAY[$3::uuid], 'Henvisning', current_date,
            current_date, current_date + 90, $4
       FROM child_guardians cg WHERE cg.municipality_id = $1 AND cg.child_id = $2 AND cg.has_custody LIMIT 1
     RETURNING id`,
    [demoId, childId, provider, professional.user.id],
  );
  return rows[0].id;
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, professional, leader, caseworker] = await Promise.all([
    login('admin'),
    login('professional'),
    login('unitLeader'),
    login('caseworker'),
  ]);
  demoId = admin.user.municipality.id;
  provider = (
    await t.as(admin, 'POST', '/api/v1/offer-providers', { name: 'Oprindelsesklubben', kind: 'association' })
  ).json().id;
  offer = (
    await t.as(admin, 'POST', '/api/v1/offers', {
      providerId: provider,
      kind: 'leisureActivity',
      name: `Tilbud ${randomUUID().slice(0, 6)}`,
      description: 'Et tilbud.',
      ageFrom: 0,
      ageTo: 25,
      access: 'referral',
    })
  ).json().id;
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('Mit arbejde: referrals awaiting action', () => {
  it('lists the user’s unanswered, declined and unused-pass items from the demo, oldest first per kind, and audits each child', async () => {
    const items = await work(professional);
    const kinds = new Set(items.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['noAnswer', 'declined', 'passUnused']));
    const { rows: mine } = await t.db.pool.query(
      "SELECT id FROM referrals WHERE referred_by = $1 AND status = 'sent' AND referred_at > now() - interval '1 day'",
      [professional.user.id],
    );
    // Sent yesterday: not yet past the two weekdays.
    for (const r of mine) expect(items.map((i) => i.id)).not.toContain(r.id);
    const { rows: audited } = await t.db.pool.query(
      `SELECT DISTINCT child_id FROM audit_events WHERE user_id = $1 AND entity = 'referral' AND action = 'read'
          AND detail ? 'myWork'`,
      [professional.user.id],
    );
    expect(new Set(audited.map((r) => r.child_id))).toEqual(new Set(items.map((i) => i.child.id)));
  });

  it('shows nothing of another user’s referrals, and drops a child the user no longer reaches', async () => {
    const mine = await work(professional);
    const others = await work(leader);
    expect(others.filter((i) => mine.some((m) => m.id === i.id))).toEqual([]);
    const gone = mine[0]?.child.id as string;
    await t.db.pool.query(
      `UPDATE enrolments SET to_date = current_date - 1 WHERE child_id = $1 AND (to_date IS NULL OR to_date >= current_date)`,
      [gone],
    );
    expect((await work(professional)).map((i) => i.child.id)).not.toContain(gone);
  });

  it('a declined referral leaves the list once the child is referred again', async () => {
    const declined = (await work(professional)).find((i) => i.kind === 'declined');
    if (!declined) throw new Error('no declined demo referral left');
    const res = await t.as(professional, 'POST', '/api/v1/referrals', {
      childId: declined.child.id,
      offerId: offer,
      basis: 'consent',
      consentId: await consentFor(declined.child.id),
      ageReason: 'Nyt valg',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await work(professional)).map((i) => i.id)).not.toContain(declined.id);
  });

  it('refuses roles that refer no child (403)', async () => {
    expect((await t.as(admin, 'GET', '/api/v1/my-work/referrals')).statusCode).toBe(403);
  });
});

describe('referring from a meeting action or a case plan goal', () => {
  it('records a meeting action about the child as the origin, with its title; another child’s action is 400', async () => {
    const units = (professional.user.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : []));
    const { rows } = await t.db.pool.query(
      `SELECT a.id, a.title, i.child_id FROM meeting_actions a
         JOIN meeting_items i ON i.municipality_id = a.municipality_id AND i.id = a.item_id
         JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
        WHERE a.municipality_id = $1 AND i.child_id IS NOT NULL
          AND (a.owner_id = $2 OR mt.organiser_id = $2
               OR EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.meeting_id = mt.id AND mp.user_id = $2))
          AND EXISTS (SELECT 1 FROM enrolments e WHERE e.child_id = i.child_id AND e.unit_id = ANY($3::uuid[])
                        AND (e.to_date IS NULL OR e.to_date >= current_date))
          AND EXISTS (SELECT 1 FROM child_guardians cg WHERE cg.child_id = i.child_id AND cg.has_custody)
        ORDER BY a.created_at`,
      [demoId, professional.user.id, units],
    );
    const action = rows[0];
    const other = rows.find((r) => r.child_id !== action.child_id);
    if (!action || !other)
      throw new Error('the demo has too few meeting actions about the professional’s children');
    const body = {
      childId: action.child_id,
      offerId: offer,
      basis: 'consent',
      consentId: await consentFor(action.child_id),
      ageReason: 'Aftalt på mødet',
    };
    const before = await referralCount();
    for (const bad of [
      { originActionId: other.id },
      { originActionId: randomUUID() },
      { originActionId: action.id, originGoal: { planId: randomUUID(), position: 1 } },
      { originGoal: { planId: randomUUID(), position: 1 } },
      { originGoal: { planId: 'not-a-uuid', position: 1 } },
      { originGoal: { planId: randomUUID(), position: 0 } },
    ]) {
      const res = await t.as(professional, 'POST', '/api/v1/referrals', { ...body, ...bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(Object.keys(res.json().error.fields).join()).toMatch(/origin/);
    }
    expect(await referralCount()).toBe(before);
    const res = await t.as(professional, 'POST', '/api/v1/referrals', { ...body, originActionId: action.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().origin).toEqual({ kind: 'action', actionId: action.id, text: action.title });
  });

  it('records a goal of the child’s case plan, for the caseworker who reaches the case; the goal text is kept', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT p.id AS plan_id, g.position, g.text, k.child_id, m.id AS measure_id FROM plan_goals g
         JOIN case_plans p ON p.municipality_id = g.municipality_id AND p.id = g.plan_id
         JOIN cases k ON k.municipality_id = p.municipality_id AND k.id = p.case_id AND k.status = 'open'
         JOIN role_assignments ra ON ra.municipality_id = k.municipality_id AND ra.team_id = k.team_id AND ra.user_id = $2
         JOIN case_measures m ON m.municipality_id = k.municipality_id AND m.case_id = k.id AND m.section = 's32'
          AND (m.ends_on IS NULL OR m.ends_on >= current_date) AND m.starts_on <= current_date
        WHERE g.municipality_id = $1 ORDER BY k.child_id, g.position LIMIT 1`,
      [demoId, caseworker.user.id],
    );
    const goal = rows[0];
    if (!goal)
      throw new Error('the demo has no case plan goal with a § 32 measure in the caseworker’s teams');
    const body = {
      childId: goal.child_id,
      offerId: offer,
      basis: 'legalBasis',
      measureId: goal.measure_id,
      ageReason: 'Planens mål',
      originGoal: { planId: goal.plan_id, position: goal.position },
    };
    const wrong = await t.as(caseworker, 'POST', '/api/v1/referrals', {
      ...body,
      originGoal: { planId: goal.plan_id, position: 50 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.originGoal).toBeDefined();
    const res = await t.as(caseworker, 'POST', '/api/v1/referrals', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().origin).toEqual({
      kind: 'goal',
      planId: goal.plan_id,
      position: goal.position,
      text: goal.text,
    });
    const list = await t.as(caseworker, 'GET', `/api/v1/children/${goal.child_id}/referrals`);
    expect(list.json().items.find((r: { id: string }) => r.id === res.json().id).origin.kind).toBe('goal');
  });
});
