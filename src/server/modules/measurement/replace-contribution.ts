import type { Queryable } from '../../db/client.ts';

/**
 * Keeps the measurement rollup correct on write. A child counts once per period, through its latest joint
 * assessment in that period: its old contribution (overall and per policy theme) is taken out of the cells
 * and the new one put in, in one statement each, in key order so concurrent writers lock cells alike.
 *
 * Where it counts (docs/measurement.md): in one unit of the period's roster — the child's enrolments, age
 * band and gender on the period's reference date, the same rows the population is counted from — so every
 * child in a cell's n is in that cell's population. The unit is the assessing unit when the child was
 * enrolled there on the reference date, else the unit it had been enrolled in longest that day; a child
 * enrolled nowhere that day (moved in or started later) counts in no cell of the period.
 *
 * Definition (docs/domain.md, "The measurement parameter"): x = protective factors present ÷ protective factors
 * assessed (not-known excluded), overall (theme_key 'all') and per policy theme; risk load = risk factors
 * present. Children without any assessed protective factor in a theme are left out of that theme.
 */
export async function replaceContribution(
  q: Queryable,
  municipalityId: string,
  childId: string,
  period: string,
) {
  await replaceContributions(q, municipalityId, [childId], period);
}

/**
 * The same for many children of one period in two statements (an import of 5,000 rows), whatever their
 * number: the old contributions out, the new ones in, cells upserted once per key in key order.
 */
export async function replaceContributions(
  q: Queryable,
  municipalityId: string,
  childIds: readonly string[],
  period: string,
) {
  if (childIds.length === 0) return;
  await q.query(
    `WITH old AS (
       DELETE FROM measurement_contributions WHERE municipality_id = $1 AND period = $3 AND child_id = ANY($2::uuid[]) RETURNING *)
     INSERT INTO measurement_cells AS c (municipality_id, period, unit_id, age_band, gender, theme_key, n, sum_x, sum_x2, sum_risk, sum_risk2)
     SELECT municipality_id, period, unit_id, age_band, gender, theme_key, -count(*), -sum(x), -sum(x * x), -sum(risk_load), -sum(risk_load * risk_load)
       FROM old GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
     ON CONFLICT (municipality_id, period, unit_id, age_band, gender, theme_key) DO UPDATE
       SET n = c.n + excluded.n, sum_x = c.sum_x + excluded.sum_x, sum_x2 = c.sum_x2 + excluded.sum_x2,
           sum_risk = c.sum_risk + excluded.sum_risk, sum_risk2 = c.sum_risk2 + excluded.sum_risk2`,
    [municipalityId, childIds, period],
  );
  await q.query(
    `WITH latest AS (
       SELECT DISTINCT ON (a.child_id) a.*
         FROM assessments a JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
        WHERE a.municipality_id = $1 AND a.child_id = ANY($2::uuid[]) AND a.mode = 'joint' AND r.period = $3
        ORDER BY a.child_id, a.assessed_on DESC, a.updated_at DESC),
     placed AS (
       -- The unit, age band and gender the child counts under: from the period's roster (its enrolments on
       -- the reference date), the assessing unit if the child was enrolled there that day, else its
       -- preferred unit that day; a child in no unit that day counts in no cell of the period.
       SELECT l.*, coalesce(own.unit_id, pref.unit_id) AS counted_unit,
              coalesce(own.age_band, pref.age_band) AS age_band, coalesce(own.gender, pref.gender) AS gender
         FROM latest l
         LEFT JOIN measurement_roster own ON own.municipality_id = l.municipality_id AND own.period = $3
          AND own.child_id = l.child_id AND own.unit_id = l.unit_id
         LEFT JOIN measurement_roster pref ON pref.municipality_id = l.municipality_id AND pref.period = $3
          AND pref.child_id = l.child_id AND pref.preferred),
     masks AS (
       -- Per catalogue version and theme: the bits of its protective and of its risk factors.
       SELECT f.catalogue_id, t.code AS theme_key,
              coalesce(bit_or(1::bigint << f.bit) FILTER (WHERE f.kind = 'protective'), 0) AS protective_mask,
              coalesce(bit_or(1::bigint << f.bit) FILTER (WHERE f.kind = 'risk'), 0) AS risk_mask
         FROM factors f
         JOIN factor_themes ft ON ft.municipality_id = f.municipality_id AND ft.factor_id = f.id
         JOIN policy_themes t ON t.municipality_id = ft.municipality_id AND t.id = ft.theme_id
        WHERE f.municipality_id = $1 AND f.catalogue_id IN (SELECT DISTINCT catalogue_id FROM placed)
        GROUP BY f.catalogue_id, t.code),
     fresh AS (
       SELECT b.municipality_id, $3::text AS period, b.child_id, 'all'::text AS theme_key, b.counted_unit, b.age_band,
              b.gender, b.id AS assessment_id, b.protective_present::float8 / b.protective_known AS x, b.risk_present AS risk_load
         FROM placed b WHERE b.protective_known > 0 AND b.counted_unit IS NOT NULL
       UNION ALL
       SELECT b.municipality_id, $3, b.child_id, m.theme_key, b.counted_unit, b.age_band, b.gender, b.id,
              bit_count((b.present_mask & m.protective_mask)::bit(64))::float8 / bit_count((b.known_mask & m.protective_mask)::bit(64)),
              bit_count((b.present_mask & m.risk_mask)::bit(64))
         FROM placed b JOIN masks m ON m.catalogue_id = b.catalogue_id
        WHERE bit_count((b.known_mask & m.protective_mask)::bit(64)) > 0 AND b.counted_unit IS NOT NULL),
     inserted AS (
       INSERT INTO measurement_contributions (municipality_id, period, child_id, theme_key, unit_id, age_band, gender, assessment_id, x, risk_load)
       SELECT * FROM fresh RETURNING *)
     INSERT INTO measurement_cells AS c (municipality_id, period, unit_id, age_band, gender, theme_key, n, sum_x, sum_x2, sum_risk, sum_risk2)
     SELECT municipality_id, period, unit_id, age_band, gender, theme_key, count(*), sum(x), sum(x * x), sum(risk_load), sum(risk_load * risk_load)
       FROM inserted GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
     ON CONFLICT (municipality_id, period, unit_id, age_band, gender, theme_key) DO UPDATE
       SET n = c.n + excluded.n, sum_x = c.sum_x + excluded.sum_x, sum_x2 = c.sum_x2 + excluded.sum_x2,
           sum_risk = c.sum_risk + excluded.sum_risk, sum_risk2 = c.sum_risk2 + excluded.sum_risk2`,
    [municipalityId, childIds, period],
  );
  // Cells whose n fell to 0 stay as rows; readers skip them.
}
