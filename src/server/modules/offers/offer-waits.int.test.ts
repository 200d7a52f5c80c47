import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * The waiting figures kept per offer (migration 0036): recomputed when the offer's referrals or their history
 * change, and by the nightly refresh when the window moves, always equal to a computation from the history.
 */
let t: TTestApp;
let admin: TSession;
let demoId: string;
let offerId: string;
let children: { childId: string; consentId: string }[];

const figures = async () => {
  const res = await t.as(admin, 'GET', `/api/v1/offers/${offerId}/waiting-times`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await startTestApp({ children: 20 });
  admin = await t.login('admin@demo.beskyt.test');
  demoId = admin.user.municipality.id;
  const provider = await t.as(admin, 'POST', '/api/v1/offer-providers', {
    name: 'Ventelisteklubben',
    kind: 'association',
  });
  const offer = await t.as(admin, 'POST', '/api/v1/offers', {
    providerId: provider.json().id,
    kind: 'leisureActivity',
    name: 'Ventelistetilbud',
    description: 'Et tilbud med venteliste.',
    ageFrom: 0,
    ageTo: 25,
    access: 'referral',
  });
  expect(offer.statusCode, offer.body).toBe(201);
  offerId = offer.json().id;
  const { rows } = await t.db.pool.query(
    `INSERT INTO consents (municipality_id, child_id, young_person, info_kinds, recipient_provider_ids, purpose,
                           signed_on, valid_from, valid_to, created_by)
     SELECT municipality_id, id, true, '{identity}', ARRAY[$2::uuid], 'Henvisning', current_date, current_date,
            current_date + 180, $3
       FROM children WHERE municipality_id = $1 ORDER BY id LIMIT 6
     RETURNING child_id, id`,
    [demoId, provider.json().id, admin.user.id],
  );
  children = rows.map((r) => ({ childId: r.child_id, consentId: r.id }));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the kept waiting figures', () => {
  it('follow the waiting list as referrals join and leave it', async () => {
    for (const [i, c] of children.slice(0, 3).entries())
      await t.db.pool.query(
        `INSERT INTO referrals (municipality_id, child_id, offer_id, basis, consent_id, shared_kinds, status,
                                waiting_position, referred_by, status_by)
         VALUES ($1, $2, $3, 'consent', $4, '{identity}', 'waitingList', $5, $6, $6)`,
        [demoId, c.childId, offerId, c.consentId, i + 1, admin.user.id],
      );
    expect((await figures()).waitingList).toBe(3);
    await t.db.pool.query(
      `UPDATE referrals SET status = 'accepted', waiting_position = NULL
        WHERE municipality_id = $1 AND offer_id = $2 AND waiting_position = 1`,
      [demoId, offerId],
    );
    expect((await figures()).waitingList).toBe(2);
    await t.db.pool.query('DELETE FROM referrals WHERE municipality_id = $1 AND offer_id = $2', [
      demoId,
      offerId,
    ]);
    expect((await figures()).waitingList).toBe(0);
  });

  it('follow the starts recorded in the history', async () => {
    for (const [i, c] of children.entries()) {
      const { rows } = await t.db.pool.query(
        `INSERT INTO referrals (municipality_id, child_id, offer_id, basis, consent_id, shared_kinds, status,
                                referred_by, status_by, referred_at, started_at)
         VALUES ($1, $2, $3, 'consent', $4, '{identity}', 'started', $5, $5, now() - make_interval(days => $6::int),
                 now() - interval '1 day') RETURNING id`,
        [demoId, c.childId, offerId, c.consentId, admin.user.id, 10 + i],
      );
      await t.db.pool.query(
        `INSERT INTO referral_events (municipality_id, referral_id, status, at, by_user, actor)
         VALUES ($1, $2, 'sent', now() - make_interval(days => $4::int), $3, 'referrer'),
                ($1, $2, 'started', now() - interval '1 day', $3, 'provider')`,
        [demoId, rows[0].id, admin.user.id, 10 + i],
      );
    }
    // Waits of 9 to 14 days: median 11.5, 90th percentile 13.5.
    expect(await figures()).toMatchObject({ started: 6, hidden: false, medianDays: 11.5, p90Days: 13.5 });
  });

  it('are recomputed from the history by the nightly refresh', async () => {
    await t.db.pool.query(
      'UPDATE offer_waits SET started = 99, median_days = 1, waiting_list = 7 WHERE municipality_id = $1 AND offer_id = $2',
      [demoId, offerId],
    );
    expect((await figures()).started).toBe(99);
    await t.db.pool.query('SELECT offer_waits_refresh_all()');
    expect(await figures()).toMatchObject({ started: 6, medianDays: 11.5, waitingList: 0 });
  });
});
