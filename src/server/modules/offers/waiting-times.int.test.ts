import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { suppressList } from '../../../domain/measurement/suppression.ts';

/**
 * Waiting times and capacity (issue 15, item 8): an offer's median and 90th-percentile days from referral to
 * start, held against a plain recomputation over random status histories (property test); the waiting list and
 * free places; the leaders' capacity overview with small counts hidden; who may ask.
 */
let t: TTestApp;
let admin: TSession;
let leader: TSession;
let professional: TSession;
let partner: TSession;
let naboAdmin: TSession;
let demoId: string;
let providerId: string;
let consentByChild: { childId: string; consentId: string }[];

const login = (who: string, domain = 'demo') => t.login(`${who}@${domain}.beskyt.test`);

async function newOffer(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.as(admin, 'POST', '/api/v1/offers', {
    providerId,
    kind: 'leisureActivity',
    name: `Svømning ${Math.random().toString(36).slice(2, 8)}`,
    description: 'Svømning for børn.',
    ageFrom: 6,
    ageTo: 14,
    access: 'referral',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Copenhagen noon `daysAgo` days before today, as SQL. */
const noon = (param: string) =>
  `(((now() AT TIME ZONE 'Europe/Copenhagen')::date - ${param}::int) + time '12:00') AT TIME ZONE 'Europe/Copenhagen'`;

interface THistory {
  /** Days before today the referral was sent. */
  sentAgo: number;
  /** Days from sent to started; null when it never started. */
  wait: number | null;
  /** Declined for lack of capacity instead (only when it never started). */
  declined?: boolean;
}

/** A referral with its status history, written straight to the tables (the history is what is measured). */
async function insertReferral(offerId: string, childIndex: number, h: THistory): Promise<void> {
  const c = consentByChild[childIndex % consentByChild.length];
  if (!c) throw new Error('no child');
  const started = h.wait !== null;
  const status = started ? 'ended' : h.declined ? 'declined' : 'ended';
  const { rows } = await t.db.pool.query(
    `INSERT INTO referrals (municipality_id, child_id, offer_id, basis, consent_id, shared_kinds, status,
                            decline_reason, end_reason, referred_by, status_by, referred_at, started_at)
     VALUES ($1, $2, $3, 'consent', $4, '{identity}', $5, $6, $7, $8, $8, ${noon('$9')},
             CASE WHEN $10::int IS NULL THEN NULL ELSE ${noon('($9 - $10)')} END)
     RETURNING id`,
    [
      demoId,
      c.childId,
      offerId,
      c.consentId,
      status,
      status === 'declined' ? 'noCapacity' : null,
      status === 'ended' ? (started ? 'completed' : 'withdrawn') : null,
      admin.user.id,
      h.sentAgo,
      h.wait,
    ],
  );
  const id = rows[0].id;
  const event = (s: string, ago: string, reason: string | null = null) =>
    t.db.pool.query(
      `INSERT INTO referral_events (municipality_id, referral_id, status, at, by_user, actor, reason)
       VALUES ($1, $2, $3, ${noon(ago)}, $4, 'provider', $5)`,
      [demoId, id, s, admin.user.id, reason],
    );
  await t.db.pool.query(
    `INSERT INTO referral_events (municipality_id, referral_id, status, at, by_user, actor)
     VALUES ($1, $2, 'sent', ${noon('$3')}, $4, 'referrer')`,
    [demoId, id, h.sentAgo, admin.user.id],
  );
  if (h.wait !== null) {
    await event('accepted', String(h.sentAgo - Math.floor(h.wait / 2)));
    await event('started', String(h.sentAgo - h.wait));
    // A second start-like step later must not move the start: the first `started` counts.
    await event('attending', String(Math.max(0, h.sentAgo - h.wait - 1)));
  } else if (h.declined) await event('declined', String(h.sentAgo), 'noCapacity');
}

/** PostgreSQL's percentile_cont, recomputed plainly: interpolate between the neighbours of position p·(n−1). */
function percentile(sorted: number[], p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return Math.round((a + (b - a) * (pos - lo)) * 10) / 10;
}

/** Days ago six months back from today, as the server counts it. */
function sixMonthsAgoInDays(): number {
  const today = new Date(
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date()),
  );
  const back = new Date(today);
  back.setUTCMonth(back.getUTCMonth() - 6);
  return Math.round((today.getTime() - back.getTime()) / 86_400_000);
}

beforeAll(async () => {
  t = await startTestApp({ children: 20 });
  [admin, leader, professional, partner, naboAdmin] = await Promise.all([
    login('admin'),
    login('unitLeader'),
    login('professional'),
    login('partner'),
    login('admin', 'nabo'),
  ]);
  demoId = admin.user.municipality.id;
  const res = await t.as(admin, 'POST', '/api/v1/offer-providers', {
    name: 'Ventetidsforeningen',
    kind: 'association',
  });
  expect(res.statusCode, res.body).toBe(201);
  providerId = res.json().id;
  const { rows } = await t.db.pool.query(
    `INSERT INTO consents (municipality_id, child_id, young_person, info_kinds, recipient_provider_ids, purpose,
                           signed_on, valid_from, valid_to, created_by)
     SELECT municipality_id, id, true, '{identity}', ARRAY[$2::uuid], 'Henvisning', current_date, current_date,
            current_date + 180, $3
       FROM children WHERE municipality_id = $1 ORDER BY id LIMIT 20
     RETURNING child_id, id`,
    [demoId, providerId, admin.user.id],
  );
  consentByChild = rows.map((r) => ({ childId: r.child_id, consentId: r.id }));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('an offer’s waiting times', () => {
  it('agree with a plain recomputation from the status histories (property)', async () => {
    const boundary = sixMonthsAgoInDays();
    // Starts a day either side of the six-month boundary are left out: the server's clock may pass noon.
    const startedAgo = fc.integer({ min: 0, max: 400 }).filter((d) => Math.abs(d - boundary) > 1);
    const history: fc.Arbitrary<THistory> = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .record({ start: startedAgo, wait: fc.integer({ min: 0, max: 120 }) })
          .map(({ start, wait }) => ({ sentAgo: start + wait, wait })),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({ sentAgo: fc.integer({ min: 0, max: 300 }), declined: fc.boolean() })
          .map((h) => ({ ...h, wait: null })),
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(history, { maxLength: 14 }), async (histories) => {
        const offerId = await newOffer();
        for (const [i, h] of histories.entries()) await insertReferral(offerId, i, h);
        const res = await t.as(professional, 'GET', `/api/v1/offers/${offerId}/waiting-times`);
        expect(res.statusCode, res.body).toBe(200);
        const waits = histories
          .filter((h) => h.wait !== null && h.sentAgo - h.wait < boundary)
          .map((h) => h.wait as number)
          .sort((a, b) => a - b);
        const hidden = waits.length < 5;
        expect(res.json()).toMatchObject({
          offerId,
          started: waits.length,
          hidden,
          medianDays: hidden ? null : percentile(waits, 0.5),
          p90Days: hidden ? null : percentile(waits, 0.9),
          waitingList: 0,
          windowMonths: 6,
        });
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('counts the waiting list and shows the places in all and free', async () => {
    const offerId = await newOffer({ capacityTotal: 10, capacityFree: 0 });
    const waiting = consentByChild.slice(0, 3);
    for (const [i, c] of waiting.entries())
      await t.db.pool.query(
        `INSERT INTO referrals (municipality_id, child_id, offer_id, basis, consent_id, shared_kinds, status,
                                waiting_position, referred_by, status_by)
         VALUES ($1, $2, $3, 'consent', $4, '{identity}', 'waitingList', $5, $6, $6)`,
        [demoId, c.childId, offerId, c.consentId, i + 1, admin.user.id],
      );
    const res = await t.as(partner, 'GET', `/api/v1/offers/${offerId}/waiting-times`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      waitingList: 3,
      capacityTotal: 10,
      capacityFree: 0,
      started: 0,
      hidden: true,
    });
  });

  it('is not found in another municipality, and a malformed id is a 400', async () => {
    const offerId = await newOffer();
    expect((await t.as(naboAdmin, 'GET', `/api/v1/offers/${offerId}/waiting-times`)).statusCode).toBe(404);
    expect((await t.as(admin, 'GET', '/api/v1/offers/nope/waiting-times')).statusCode).toBe(400);
  });
});

describe('the capacity overview', () => {
  it('lists full offers and long waits, and hides declined counts under five by the measurement rule', async () => {
    const { rows: districts } = await t.db.pool.query(
      'SELECT id, name FROM districts WHERE municipality_id = $1 ORDER BY name LIMIT 2',
      [demoId],
    );
    const [d1, d2] = districts;
    const full = await newOffer({ capacityTotal: 4, capacityFree: 0, kind: 'mentor', districtId: d1.id });
    const slow = await newOffer({ kind: 'homeworkHelp', districtId: d1.id });
    const other = await newOffer({ kind: 'homeworkHelp', districtId: d2.id });
    for (let i = 0; i < 5; i++) await insertReferral(slow, i, { sentAgo: 100, wait: 60 + i });
    // homeworkHelp: 6 declined in d1, 2 in d2, none elsewhere — hidden by the measurement rule, the total shown.
    for (let i = 0; i < 6; i++) await insertReferral(slow, i, { sentAgo: 20, wait: null, declined: true });
    for (let i = 0; i < 2; i++) await insertReferral(other, i, { sentAgo: 20, wait: null, declined: true });
    // Declined long ago: outside the window.
    await insertReferral(other, 3, { sentAgo: 300, wait: null, declined: true });

    const res = await t.as(leader, 'GET', '/api/v1/offers/capacity-overview?longWaitDays=50');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.full.map((o: { offerId: string }) => o.offerId)).toContain(full);
    const long = body.longWaits.find((o: { offerId: string }) => o.offerId === slow);
    expect(long.wait).toEqual({ started: 5, medianDays: 62, p90Days: 63.6, hidden: false });
    const row = body.declinedNoCapacity.rows.find((r: { kind: string }) => r.kind === 'homeworkHelp');
    const counts = body.declinedNoCapacity.districts.map((d: { id: string | null }) =>
      d.id === d1.id ? 6 : d.id === d2.id ? 2 : 0,
    );
    const rule = suppressList(counts);
    expect(row.cells).toEqual(
      body.declinedNoCapacity.districts.map((d: { id: string | null }, i: number) => ({
        districtId: d.id,
        count: rule.cells[i] === 'shown' ? counts[i] : null,
        hidden: rule.cells[i] !== 'shown',
      })),
    );
    expect(row.cells.find((c: { districtId: string }) => c.districtId === d2.id).hidden).toBe(true);
    expect(row.total).toEqual({ count: 8, hidden: false });
    expect(body.declinedNoCapacity.districts).toEqual(
      expect.arrayContaining([
        { id: d1.id, name: d1.name },
        { id: d2.id, name: d2.name },
      ]),
    );

    const strict = (await t.as(leader, 'GET', '/api/v1/offers/capacity-overview?longWaitDays=70')).json();
    expect(strict.longWaits.map((o: { offerId: string }) => o.offerId)).not.toContain(slow);
  });

  it('refuses roles that do not lead, and answers bad input with a 400 naming the field', async () => {
    expect((await t.as(professional, 'GET', '/api/v1/offers/capacity-overview')).statusCode).toBe(403);
    expect((await t.as(partner, 'GET', '/api/v1/offers/capacity-overview')).statusCode).toBe(403);
    // The leaders who plan places: a unit leader (above), a casework manager and an analyst; not a caseworker.
    for (const [role, status] of [
      ['caseworkManager', 200],
      ['analyst', 200],
      ['caseworker', 403],
      ['admin', 403],
    ] as const) {
      const res = await t.as(
        await t.login(`${role}@demo.beskyt.test`),
        'GET',
        '/api/v1/offers/capacity-overview',
      );
      expect(res.statusCode, role).toBe(status);
    }
    const bad = await t.as(leader, 'GET', '/api/v1/offers/capacity-overview?longWaitDays=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('longWaitDays');
  });

  it('shows nothing of another municipality', async () => {
    const res = await t.as(naboAdmin, 'GET', '/api/v1/offers/capacity-overview');
    expect(res.statusCode).toBe(403);
  });
});
