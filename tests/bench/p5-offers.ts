import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/server/db/client.ts';
import { createDb } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { createCprCipher } from '../../src/server/modules/children/cpr.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo/demo.ts';
import { buildScaleMunicipality } from '../../src/server/seed/scale/scale.ts';
import { createBenchDatabase } from './bench-database.ts';
import { report } from './report.ts';

const RUNS = Number(process.env.BENCH_P5_RUNS ?? 100);
const OFFERS = 3000;
const REFERRALS = 250_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Each function `RUNS` times after three warm-ups, in turns, so a busy machine slows every side alike. */
async function timedInTurns(fns: (() => Promise<unknown>)[]): Promise<number[][]> {
  for (let i = 0; i < 3; i++) for (const fn of fns) await fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++)
    for (const [k, fn] of fns.entries()) {
      const start = performance.now();
      await fn();
      times[k]?.push(performance.now() - start);
    }
  return times;
}

/**
 * 3,000 offers of 100 providers and 250,000 referrals with their status history, by bulk SQL: sent over the last
 * year; 55 % started (a wait of 0–90 days, accepted half-way), 15 % declined (two thirds for no capacity),
 * 10 % on a waiting list, 10 % accepted, 10 % still sent.
 */
async function addOffersAndReferrals(db: Db, m: string, userId: string): Promise<void> {
  await db.system(async (q) => {
    await q.query(
      `INSERT INTO offer_providers (municipality_id, name, kind)
       SELECT $1, 'Bench-udbyder ' || i, (ARRAY['civilSociety','association','business'])[1 + i % 3]
         FROM generate_series(1, 100) i`,
      [m],
    );
    await q.query(
      `WITH p AS (SELECT array_agg(id) AS ids FROM offer_providers WHERE municipality_id = $1),
            d AS (SELECT array_agg(id) AS ids FROM districts WHERE municipality_id = $1),
            k AS (SELECT array_agg(code) AS codes FROM offer_kinds WHERE municipality_id = $1),
            f AS (SELECT array_agg(DISTINCT f.code) AS codes FROM factors f
                    JOIN factor_catalogues c ON c.municipality_id = f.municipality_id AND c.id = f.catalogue_id
                   WHERE f.municipality_id = $1 AND f.kind = 'protective' AND c.status = 'published')
       INSERT INTO offers (municipality_id, provider_id, kind, name, description, age_from, age_to, cost_dkk,
                           leisure_pass, district_id, access, status, capacity_total, capacity_free,
                           capacity_updated_at, factor_codes, created_by)
       SELECT $1, p.ids[1 + i % cardinality(p.ids)], k.codes[1 + i % cardinality(k.codes)], 'Bench-tilbud ' || i,
              'Et tilbud.', a, a + 3 + i % 6, (i % 4) * 300, i % 3 = 0,
              CASE WHEN i % 10 = 0 THEN NULL ELSE d.ids[1 + i % cardinality(d.ids)] END,
              'referral', CASE WHEN i % 20 = 0 THEN 'paused' ELSE 'active' END,
              20, (i * 7) % 21, now(),
              ARRAY[f.codes[1 + i % cardinality(f.codes)], f.codes[1 + (i / 7) % cardinality(f.codes)]], $2
         FROM generate_series(1, ${OFFERS}) i, p, d, k, f, LATERAL (SELECT (i * 13) % 15 AS a) x`,
      [m, userId],
    );
    // One consent per child naming the first provider: the basis the referrals rest on.
    await q.query(
      `INSERT INTO consents (municipality_id, child_id, young_person, info_kinds, recipient_provider_ids, purpose,
                             signed_on, valid_from, valid_to, created_by)
       SELECT $1, c.id, true, '{identity}', ARRAY[(SELECT min(id::text)::uuid FROM offer_providers WHERE municipality_id = $1)],
              'Henvisning', current_date - 400, current_date - 400, current_date + 365, $2
         FROM children c WHERE c.municipality_id = $1`,
      [m, userId],
    );
    await q.query(
      `CREATE TEMP TABLE bench_ref ON COMMIT DROP AS
       WITH c AS (SELECT array_agg(id) AS ids FROM consents WHERE municipality_id = $1),
            o AS (SELECT array_agg(id) AS ids FROM offers WHERE municipality_id = $1)
       SELECT gen_random_uuid() AS id, c.ids[1 + (hashint4(i) & 2147483647) % cardinality(c.ids)] AS consent_id,
              o.ids[1 + (hashint4(i * 31) & 2147483647) % cardinality(o.ids)] AS offer_id,
              now() - make_interval(days => (hashint4(i * 17) & 2147483647) % 365) AS sent_at,
              (hashint4(i * 7) & 2147483647) % 100 AS fate, (hashint4(i * 3) & 2147483647) % 91 AS wait
         FROM generate_series(1, ${REFERRALS}) i, c, o`,
      [m],
    );
    await q.query(
      `INSERT INTO referrals (municipality_id, id, child_id, offer_id, basis, consent_id, shared_kinds, status,
                              waiting_position, decline_reason, end_reason, referred_by, status_by, referred_at,
                              status_at, started_at)
       SELECT $1, b.id, k.child_id, b.offer_id, 'consent', b.consent_id, '{identity}', s.status,
              CASE WHEN s.status = 'waitingList' THEN 1 + b.fate % 50 END,
              CASE WHEN s.status = 'declined' THEN CASE WHEN b.fate % 3 = 2 THEN 'other' ELSE 'noCapacity' END END,
              CASE WHEN s.status = 'ended' THEN 'completed' END, $2, $2, b.sent_at, b.sent_at,
              CASE WHEN b.fate < 55 THEN least(now(), b.sent_at + make_interval(days => b.wait)) END
         FROM bench_ref b JOIN consents k ON k.municipality_id = $1 AND k.id = b.consent_id,
              LATERAL (SELECT CASE WHEN b.fate < 30 THEN 'ended' WHEN b.fate < 55 THEN 'attending'
                                   WHEN b.fate < 70 THEN 'declined' WHEN b.fate < 80 THEN 'waitingList'
                                   WHEN b.fate < 90 THEN 'accepted' ELSE 'sent' END AS status) s
       ON CONFLICT DO NOTHING`,
      [m, userId],
    );
    await q.query(
      `INSERT INTO referral_events (municipality_id, referral_id, status, at, by_user, actor, reason, position)
       SELECT $1, r.id, e.status, e.at, $2, e.actor, e.reason, e.position
         FROM referrals r JOIN bench_ref b ON b.id = r.id,
              LATERAL (VALUES
                ('sent', r.referred_at, 'referrer', NULL, NULL::smallint, true),
                ('accepted', r.referred_at + (r.started_at - r.referred_at) / 2, 'provider', NULL, NULL,
                   r.status IN ('accepted', 'attending', 'ended')),
                ('started', r.started_at, 'provider', NULL, NULL, r.started_at IS NOT NULL),
                ('declined', r.referred_at + interval '2 days', 'provider', r.decline_reason, NULL, r.status = 'declined'),
                ('waitingList', r.referred_at + interval '3 days', 'provider', NULL, r.waiting_position,
                   r.status = 'waitingList')
              ) e(status, at, actor, reason, position, keep)
        WHERE r.municipality_id = $1 AND e.keep AND e.at IS NOT NULL`,
      [m, userId],
    );
  });
}

/** The child's latest joint assessment with its factor detail written from its masks (the scale build keeps masks only). */
async function childWithAbsentFactors(db: Db, m: string, candidates: string[]): Promise<string> {
  const { rows } = await db.pool.query(
    `SELECT DISTINCT ON (a.child_id) a.id, a.child_id, a.catalogue_id, a.present_mask, a.known_mask
       FROM assessments a
      WHERE a.municipality_id = $1 AND a.mode = 'joint' AND a.child_id = ANY($2::uuid[])
      ORDER BY a.child_id, a.assessed_on DESC, a.created_at DESC`,
    [m, candidates],
  );
  for (const a of rows) {
    const { rowCount } = await db.pool.query(
      `INSERT INTO assessment_factors (municipality_id, assessment_id, factor_id, state)
       SELECT $1, $2, f.id, CASE WHEN ($3::bigint >> f.bit) & 1 = 1 THEN 'present'
                                 WHEN ($4::bigint >> f.bit) & 1 = 1 THEN 'absent' ELSE 'unknown' END::factor_state
         FROM factors f WHERE f.municipality_id = $1 AND f.catalogue_id = $5
       ON CONFLICT DO NOTHING`,
      [m, a.id, a.present_mask, a.known_mask, a.catalogue_id],
    );
    const absent = await db.pool.query(
      `SELECT 1 FROM assessment_factors af JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id
        WHERE af.municipality_id = $1 AND af.assessment_id = $2 AND af.state = 'absent' AND f.kind = 'protective'`,
      [m, a.id],
    );
    if (rowCount && absent.rowCount) return a.child_id;
  }
  throw new Error('no child of the professional with a protective factor absent');
}

/** The suggestions in one statement: absent factors of the latest joint assessment, matching offers in rule order. */
const SQL_SUGGESTIONS = `
  WITH a AS (SELECT id FROM assessments WHERE municipality_id = $1 AND child_id = $2 AND mode = 'joint'
              ORDER BY assessed_on DESC, created_at DESC LIMIT 1),
       absent AS (SELECT f.code, f.label_da FROM assessment_factors af JOIN a ON af.assessment_id = a.id
                    JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id
                   WHERE af.municipality_id = $1 AND af.state = 'absent' AND f.kind = 'protective'),
       c AS (SELECT age_on(birth_date, current_date) AS age,
                    ARRAY(SELECT u.district_id FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
                           WHERE e.municipality_id = $1 AND e.child_id = $2 AND e.from_date <= current_date
                             AND (e.to_date IS NULL OR e.to_date >= current_date)) AS districts
               FROM children WHERE municipality_id = $1 AND id = $2)
  SELECT o.id, o.name, p.name AS provider, k.label_da, d.name AS district, o.capacity_free, o.cost_dkk, o.leisure_pass,
         ARRAY(SELECT label_da FROM absent WHERE code = ANY(o.factor_codes)) AS factors
    FROM offers o CROSS JOIN c
    JOIN offer_providers p ON p.municipality_id = o.municipality_id AND p.id = o.provider_id AND p.active
    JOIN offer_kinds k ON k.municipality_id = o.municipality_id AND k.code = o.kind
    LEFT JOIN districts d ON d.municipality_id = o.municipality_id AND d.id = o.district_id
   WHERE o.municipality_id = $1 AND o.status = 'active' AND o.factor_codes && ARRAY(SELECT code FROM absent)
     AND c.age BETWEEN o.age_from AND o.age_to
     AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.municipality_id = $1 AND r.child_id = $2 AND r.offer_id = o.id
                       AND r.status NOT IN ('declined', 'ended'))
   ORDER BY CASE WHEN o.district_id = ANY(c.districts) THEN 0 WHEN o.district_id IS NULL THEN 1 ELSE 2 END,
            CASE WHEN o.capacity_free > 0 THEN 0 WHEN o.capacity_free IS NULL THEN 1 ELSE 2 END,
            CASE WHEN o.cost_dkk = 0 THEN 0 WHEN o.leisure_pass THEN 1 ELSE 2 END, o.name
   LIMIT 10`;

/**
 * The overview in one statement on the same schema: the active offers full or with a long median from the kept
 * per-offer figures (offer_waits, migration 0036), and the declines by kind × district.
 */
const SQL_OVERVIEW = `
  SELECT 'offer' AS what, o.id::text, o.name, o.kind, o.capacity_total, o.capacity_free, w.waiting_list, w.started,
         w.median_days, w.p90_days, NULL::text AS district_name
    FROM offers o LEFT JOIN offer_waits w ON w.municipality_id = o.municipality_id AND w.offer_id = o.id
   WHERE o.municipality_id = $1 AND o.status = 'active'
     AND ((o.capacity_total IS NOT NULL AND o.capacity_free = 0) OR (w.started >= 5 AND w.median_days >= 30))
  UNION ALL
  SELECT 'declined', o.district_id::text, NULL, o.kind, NULL, NULL, sum(w.declined_no_capacity)::int, NULL, NULL, NULL,
         d.name
    FROM offer_waits w JOIN offers o ON o.municipality_id = w.municipality_id AND o.id = w.offer_id
    LEFT JOIN districts d ON d.municipality_id = o.municipality_id AND d.id = o.district_id
   WHERE w.municipality_id = $1 AND w.declined_no_capacity > 0
   GROUP BY o.kind, o.district_id, d.name`;

/**
 * P5: at Copenhagen scale plus 3,000 offers and 250,000 referrals with status history, (a) the suggestions on
 * one child's profile and (b) the leaders' capacity overview, each through the real endpoint (session,
 * permission, relation, audit, JSON), against the best hand-written SQL for the same answer. Target p95 ≤ 50 ms,
 * ratio ≤ 1.3.
 */
export async function benchP5(): Promise<void> {
  const database = await createBenchDatabase();
  const key = randomBytes(32).toString('hex');
  const db = createDb(database.url, { max: 4 });
  await migrate(db);
  const built = await buildScaleMunicipality(db, createCprCipher(key), {});
  const email = (role: string) => built.logins.find((l) => l.role === role)?.email ?? '';
  const { rows: users } = await db.pool.query('SELECT id FROM users WHERE email = $1', [
    email('professional'),
  ]);
  const setupStart = performance.now();
  await addOffersAndReferrals(db, built.id, users[0].id);
  await db.pool.query('VACUUM (ANALYZE)');
  await db.pool.query('CHECKPOINT');
  report(
    'P5',
    'setup_offers_referrals',
    (performance.now() - setupStart) / 1000,
    's (not timed in the figures)',
  );
  const counts = await db.pool.query(
    `SELECT (SELECT count(*)::int FROM offers WHERE municipality_id = $1) AS offers,
            (SELECT count(*)::int FROM referrals WHERE municipality_id = $1) AS referrals,
            (SELECT count(*)::int FROM referral_events WHERE municipality_id = $1) AS events`,
    [built.id],
  );
  report('P5', 'offers', counts.rows[0].offers, 'offers');
  report('P5', 'referrals', counts.rows[0].referrals, 'referrals');
  report('P5', 'referral_events', counts.rows[0].events, 'events');
  const server = fork(new URL('./p2-server.ts', import.meta.url).pathname, [], {
    env: { ...process.env, BENCH_DATABASE_URL: database.url, BENCH_CPR_KEY: key },
    execArgv: ['--import', 'tsx'],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      server.once('message', (m) => resolve((m as { address: string }).address));
      server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const signIn = async (who: string) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: email(who), password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login as ${who}: ${res.status}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };
    const professional = await signIn('professional');
    const leader = await signIn('unitLeader');
    const list = await fetch(`${base}/api/v1/children?pageSize=100`, { headers: { cookie: professional } });
    const ids = ((await list.json()) as { items: { id: string }[] }).items.map((c) => c.id);
    const childId = await childWithAbsentFactors(db, built.id, ids);
    let suggested = 0;
    let overviewOffers = 0;
    const get = async (url: string, cookie: string) => {
      const res = await fetch(`${base}${url}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      return res.json();
    };
    const [endpointA = [], sqlA = [], endpointB = [], sqlB = []] = await timedInTurns([
      async () => {
        suggested = (
          (await get(`/api/v1/children/${childId}/offer-suggestions`, professional)) as { items: [] }
        ).items.length;
      },
      () => db.pool.query(SQL_SUGGESTIONS, [built.id, childId]),
      async () => {
        const body = (await get('/api/v1/offers/capacity-overview', leader)) as { full: []; longWaits: [] };
        overviewOffers = body.full.length + body.longWaits.length;
      },
      () => db.pool.query(SQL_OVERVIEW, [built.id]),
    ]);
    report('P5', 'suggestions_items', suggested, 'offers suggested');
    report('P5', 'suggestions_endpoint_p50', percentile(endpointA, 50), 'ms');
    report('P5', 'suggestions_endpoint_p95', percentile(endpointA, 95), 'ms');
    report('P5', 'sql_suggestions_p95', percentile(sqlA, 95), 'ms');
    report('P5', 'suggestions_ratio_p95', percentile(endpointA, 95) / percentile(sqlA, 95), 'endpoint/sql');
    report('P5', 'overview_listed_offers', overviewOffers, 'offers full or with long waits');
    report('P5', 'overview_endpoint_p50', percentile(endpointB, 50), 'ms');
    report('P5', 'overview_endpoint_p95', percentile(endpointB, 95), 'ms');
    report('P5', 'sql_overview_p95', percentile(sqlB, 95), 'ms');
    report('P5', 'overview_ratio_p95', percentile(endpointB, 95) / percentile(sqlB, 95), 'endpoint/sql');
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await db.close();
    await database.drop();
  }
}
