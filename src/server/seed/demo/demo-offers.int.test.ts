import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * The demo offers (issue 15, item 10): seventeen providers of every kind, over forty offers, two partner logins
 * each belonging to its own provider, and referrals in every status that the partners see through the app.
 */
let t: TTestApp;

beforeAll(async () => {
  t = await startTestApp({ children: 300 });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('the demo offers', () => {
  it('has seventeen providers of every kind and offers across every kind, in both municipalities', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT m.slug, p.kind, count(DISTINCT p.id)::int AS providers, count(o.id)::int AS offers,
              count(DISTINCT o.kind)::int AS kinds
         FROM offer_providers p JOIN municipalities m ON m.id = p.municipality_id
         LEFT JOIN offers o ON o.municipality_id = p.municipality_id AND o.provider_id = p.id
        GROUP BY m.slug, p.kind ORDER BY m.slug, p.kind`,
    );
    for (const slug of ['demo', 'nabo']) {
      const of = Object.fromEntries(rows.filter((r) => r.slug === slug).map((r) => [r.kind, r.providers]));
      expect(of).toEqual({ association: 6, business: 2, civilSociety: 6, municipalUnit: 3 });
    }
    const { rows: kinds } = await t.db.pool.query(
      `SELECT count(*)::int AS offers, count(DISTINCT kind)::int AS kinds FROM offers o
         JOIN municipalities m ON m.id = o.municipality_id WHERE m.slug = 'demo'`,
    );
    expect(kinds[0]).toEqual({ offers: 43, kinds: 9 });
  });

  it('lets both partner logins in, each seeing only its own provider’s referrals, in several statuses', async () => {
    const seen: Record<string, Set<string>> = {};
    for (const who of ['partner', 'partner2']) {
      const session = await t.login(`${who}@demo.beskyt.test`);
      const res = await t.as(session, 'GET', '/api/v1/partner/referrals');
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as { id: string; status: string; offer: { id: string } }[];
      expect(items.length, who).toBeGreaterThanOrEqual(3);
      seen[who] = new Set(items.map((r) => r.id));
      const { rows } = await t.db.pool.query(
        `SELECT DISTINCT o.provider_id FROM offers o WHERE o.id = ANY($1::uuid[])`,
        [items.map((r) => r.offer.id)],
      );
      const { rows: mine } = await t.db.pool.query(
        'SELECT provider_id FROM provider_members WHERE user_id = $1',
        [session.user.id],
      );
      expect(rows.map((r) => r.provider_id)).toEqual([mine[0].provider_id]);
    }
    expect([...(seen.partner ?? [])].filter((id) => seen.partner2?.has(id))).toEqual([]);
  });

  it('has referrals in every status with their history, and the professional sees them on the children', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT r.status, count(*)::int AS n, bool_and(
              (SELECT count(*) FROM referral_events e WHERE e.referral_id = r.id) = r.version) AS history
         FROM referrals r JOIN municipalities m ON m.id = r.municipality_id WHERE m.slug = 'demo'
        GROUP BY r.status ORDER BY r.status`,
    );
    expect(rows.map((r) => r.status)).toEqual([
      'accepted',
      'attending',
      'declined',
      'ended',
      'sent',
      'started',
      'waitingList',
    ]);
    for (const r of rows) expect(r.history, r.status).toBe(true);
    const professional = await t.login('professional@demo.beskyt.test');
    const { rows: kids } = await t.db.pool.query(
      // The latest referrals: the children of the professional's units (the learning history reaches further).
      `SELECT child_id FROM referrals r JOIN municipalities m ON m.id = r.municipality_id WHERE m.slug = 'demo'
        GROUP BY child_id ORDER BY max(r.referred_at) DESC LIMIT 3`,
    );
    for (const { child_id } of kids) {
      const res = await t.as(professional, 'GET', `/api/v1/children/${child_id}/referrals`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.length).toBeGreaterThan(0);
    }
  });
});
