import type { TLearningPair, TShares } from '../../../domain/offers/intervention-learning.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

/** A child's start of an offer, with the two joint assessments around it (either may be missing). */
export interface TStart {
  offerId: string;
  kind: string;
  childId: string;
  startedOn: string;
  pair: TLearningPair | null;
}

/** The first day a child started each offer (Copenhagen date), with the assessments before and after it. */
const STARTS = (m: string, months: number) => sql`
  WITH starts AS (
    SELECT r.offer_id, o.kind, r.child_id, min((r.started_at AT TIME ZONE 'Europe/Copenhagen')::date) AS started_on
      FROM referrals r JOIN offers o ON o.municipality_id = r.municipality_id AND o.id = r.offer_id
     WHERE r.municipality_id = ${m} AND r.started_at IS NOT NULL
     GROUP BY r.offer_id, o.kind, r.child_id)
  SELECT s.offer_id, s.kind, s.child_id, s.started_on::text, pre.id AS pre_id, post.id AS post_id
    FROM starts s
    LEFT JOIN LATERAL (
      SELECT a.id FROM assessments a
       WHERE a.municipality_id = ${m} AND a.child_id = s.child_id AND a.mode = 'joint' AND a.assessed_on < s.started_on
       ORDER BY a.assessed_on DESC, a.updated_at DESC LIMIT 1) pre ON true
    LEFT JOIN LATERAL (
      SELECT a.id FROM assessments a
       WHERE a.municipality_id = ${m} AND a.child_id = s.child_id AND a.mode = 'joint'
         AND a.assessed_on >= s.started_on + make_interval(months => ${months}::int)
       ORDER BY a.assessed_on, a.updated_at LIMIT 1) post ON true
   ORDER BY s.offer_id, s.child_id`;

/**
 * Every child's own pair for the reference: its latest joint assessment that has another at least N months
 * later, and the first such later one.
 */
const POOL = (m: string, months: number) => sql`
  SELECT DISTINCT ON (p.child_id) p.child_id, p.id AS pre_id, post.id AS post_id
    FROM assessments p
    JOIN LATERAL (
      SELECT a.id FROM assessments a
       WHERE a.municipality_id = ${m} AND a.child_id = p.child_id AND a.mode = 'joint'
         AND a.assessed_on >= p.assessed_on + make_interval(months => ${months}::int)
       ORDER BY a.assessed_on, a.updated_at LIMIT 1) post ON true
   WHERE p.municipality_id = ${m} AND p.mode = 'joint'
   ORDER BY p.child_id, p.assessed_on DESC, p.updated_at DESC`;

interface TAssessmentShares {
  ageBand: string | null;
  position: string;
  shares: TShares;
}

/**
 * The protective share of each assessment as the measurement parameter computes it — present ÷ known protective
 * factors from the packed masks, overall and per theme (themes with a known factor) — with the child's age band
 * on the assessment day and the wellbeing position.
 */
async function sharesOf(
  q: Queryable,
  m: string,
  ids: readonly string[],
): Promise<Map<string, TAssessmentShares>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query(
    sql`WITH masks AS (
          SELECT f.catalogue_id, t.code, bit_or(1::bigint << f.bit) AS mask
            FROM factors f
            JOIN factor_themes ft ON ft.municipality_id = f.municipality_id AND ft.factor_id = f.id
            JOIN policy_themes t ON t.municipality_id = ft.municipality_id AND t.id = ft.theme_id
           WHERE f.municipality_id = ${m} AND f.kind = 'protective'
           GROUP BY f.catalogue_id, t.code)
        SELECT a.id, a.position::text, age_band(age_on(c.birth_date, a.assessed_on)) AS age_band,
               CASE WHEN a.protective_known > 0 THEN a.protective_present::float8 / a.protective_known END AS share,
               (SELECT coalesce(jsonb_object_agg(k.code,
                         bit_count((a.present_mask & k.mask)::bit(64))::float8
                           / bit_count((a.known_mask & k.mask)::bit(64))), '{}'::jsonb)
                  FROM masks k
                 WHERE k.catalogue_id = a.catalogue_id AND bit_count((a.known_mask & k.mask)::bit(64)) > 0) AS themes
          FROM assessments a JOIN children c ON c.municipality_id = a.municipality_id AND c.id = a.child_id
         WHERE a.municipality_id = ${m} AND a.id = ANY(${ids}::uuid[])`,
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        ageBand: r.age_band as string | null,
        position: r.position as string,
        shares: {
          all: r.share === null ? null : Number(r.share),
          themes: r.themes as Record<string, number>,
        },
      },
    ]),
  );
}

function pairOf(
  childId: string,
  before: TAssessmentShares | undefined,
  after: TAssessmentShares | undefined,
): TLearningPair | null {
  if (!before || !after) return null;
  return {
    childId,
    ageBand: before.ageBand,
    position: before.position,
    before: before.shares,
    after: after.shares,
  };
}

/** Every start of an offer with its pair, and every child's own pair (the pool the references are drawn from). */
export async function selectLearningPairs(
  q: Queryable,
  m: string,
  followUpMonths: number,
): Promise<{ starts: TStart[]; pool: TLearningPair[] }> {
  const { rows: starts } = await q.query(STARTS(m, followUpMonths));
  const { rows: pool } = await q.query(POOL(m, followUpMonths));
  const ids = new Set<string>();
  for (const r of [...starts, ...pool])
    if (r.pre_id && r.post_id) {
      ids.add(r.pre_id);
      ids.add(r.post_id);
    }
  const shares = await sharesOf(q, m, [...ids]);
  const get = (id: string | null) => (id ? shares.get(id) : undefined);
  return {
    starts: starts.map((r) => ({
      offerId: r.offer_id,
      kind: r.kind,
      childId: r.child_id,
      startedOn: r.started_on,
      pair: pairOf(r.child_id, get(r.pre_id), get(r.post_id)),
    })),
    pool: pool.flatMap((r) => pairOf(r.child_id, get(r.pre_id), get(r.post_id)) ?? []),
  };
}
