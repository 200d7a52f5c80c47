import type { Queryable } from '../db/client.ts';

/**
 * Invariants of seeded assessments, as queries that return the offending rows (none when all is well).
 * Written plainly — per factor, from the definitions — rather than with the seed's own set-based SQL,
 * so that they check it instead of repeating it. Used by the seed's integration tests.
 */

/** Each row's assessment and references must exist: the bulk loads may skip the per-row FK checks. */
export async function danglingReferences(q: Queryable, m: string): Promise<{ what: string; n: number }[]> {
  const { rows } = await q.query<{ what: string; n: number }>(
    `SELECT 'assessment.round' AS what, count(*)::int AS n FROM assessments a
      WHERE a.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.municipality_id = $1 AND r.id = a.round_id)
     UNION ALL
     SELECT 'assessment.child', count(*)::int FROM assessments a
      WHERE a.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM children c WHERE c.municipality_id = $1 AND c.id = a.child_id)
     UNION ALL
     SELECT 'assessment.unit', count(*)::int FROM assessments a
      WHERE a.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM units u WHERE u.municipality_id = $1 AND u.id = a.unit_id)
     UNION ALL
     SELECT 'assessment.catalogue', count(*)::int FROM assessments a
      WHERE a.municipality_id = $1
        AND NOT EXISTS (SELECT 1 FROM factor_catalogues c WHERE c.municipality_id = $1 AND c.id = a.catalogue_id)
     UNION ALL
     SELECT 'assessment_factor.assessment', count(*)::int FROM assessment_factors af
      WHERE af.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.municipality_id = $1 AND a.id = af.assessment_id)
     UNION ALL
     SELECT 'assessment_factor.factor', count(*)::int FROM assessment_factors af
      WHERE af.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM factors f WHERE f.municipality_id = $1 AND f.id = af.factor_id)
     UNION ALL
     SELECT 'enrolment.child', count(*)::int FROM enrolments e
      WHERE e.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM children c WHERE c.municipality_id = $1 AND c.id = e.child_id)
     UNION ALL
     SELECT 'enrolment.unit', count(*)::int FROM enrolments e
      WHERE e.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM units u WHERE u.municipality_id = $1 AND u.id = e.unit_id)
     UNION ALL
     SELECT 'child.family', count(*)::int FROM children c
      WHERE c.municipality_id = $1 AND c.family_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM families f WHERE f.municipality_id = $1 AND f.id = c.family_id)
     UNION ALL
     SELECT 'child_guardian.guardian', count(*)::int FROM child_guardians cg
      WHERE cg.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM guardians g WHERE g.municipality_id = $1 AND g.id = cg.guardian_id)
     UNION ALL
     SELECT 'child_household.household', count(*)::int FROM child_households ch
      WHERE ch.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM households h WHERE h.municipality_id = $1 AND h.id = ch.household_id)`,
    [m],
  );
  return rows.filter((r) => r.n > 0);
}

/**
 * Assessments whose masks disagree with their factor rows: known = the rows not 'unknown', present =
 * the rows 'present'; and the rows are exactly the factors whose age band holds the child's age.
 */
export async function masksAgainstFactorRows(q: Queryable, m: string): Promise<unknown[]> {
  const { rows } = await q.query(
    `WITH fr AS (
       SELECT af.assessment_id,
              coalesce(bit_or(1::bigint << f.bit) FILTER (WHERE af.state <> 'unknown'), 0) AS known,
              coalesce(bit_or(1::bigint << f.bit) FILTER (WHERE af.state = 'present'), 0) AS present,
              count(*)::int AS n_rows
         FROM assessment_factors af JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id
        WHERE af.municipality_id = $1
        GROUP BY af.assessment_id),
     fitting AS (
       SELECT a.id, count(f.id)::int AS n_fitting
         FROM assessments a
         JOIN children c ON c.municipality_id = a.municipality_id AND c.id = a.child_id
         JOIN factors f ON f.municipality_id = a.municipality_id AND f.catalogue_id = a.catalogue_id
          AND extract(year FROM age(a.assessed_on, c.birth_date)) BETWEEN f.age_from AND f.age_to
        WHERE a.municipality_id = $1
        GROUP BY a.id)
     SELECT a.id, a.known_mask, fr.known, a.present_mask, fr.present, fr.n_rows, fitting.n_fitting
       FROM assessments a
       LEFT JOIN fr ON fr.assessment_id = a.id
       LEFT JOIN fitting ON fitting.id = a.id
      WHERE a.municipality_id = $1
        AND (fr.assessment_id IS NULL OR fr.known <> a.known_mask OR fr.present <> a.present_mask
             OR fr.n_rows <> fitting.n_fitting)`,
    [m],
  );
  return rows;
}

/** Assessments whose four counts differ from a per-factor count over their masks, or whose present ⊄ known. */
export async function countsAgainstMasks(q: Queryable, m: string): Promise<unknown[]> {
  const { rows } = await q.query(
    `WITH per AS (
       SELECT a.id,
              count(*) FILTER (WHERE f.kind = 'protective' AND (a.present_mask >> f.bit) & 1 = 1)::int AS pp,
              count(*) FILTER (WHERE f.kind = 'protective' AND (a.known_mask >> f.bit) & 1 = 1)::int AS pk,
              count(*) FILTER (WHERE f.kind = 'risk' AND (a.present_mask >> f.bit) & 1 = 1)::int AS rp,
              count(*) FILTER (WHERE f.kind = 'risk' AND (a.known_mask >> f.bit) & 1 = 1)::int AS rk,
              bit_or(1::bigint << f.bit) AS catalogue_bits
         FROM assessments a JOIN factors f ON f.municipality_id = a.municipality_id AND f.catalogue_id = a.catalogue_id
        WHERE a.municipality_id = $1
        GROUP BY a.id)
     SELECT a.id FROM assessments a JOIN per ON per.id = a.id
      WHERE a.municipality_id = $1
        AND (a.protective_present <> per.pp OR a.protective_known <> per.pk OR a.risk_present <> per.rp
             OR a.risk_known <> per.rk OR a.present_mask & ~a.known_mask <> 0 OR a.known_mask & ~per.catalogue_bits <> 0)`,
    [m],
  );
  return rows;
}

/**
 * Cells that differ from a plain recomputation from the joint assessments and the enrolments, factor by
 * factor (docs/measurement.md): per child and period its latest joint assessment, counted in the assessing
 * unit if the child was enrolled there on the period's reference date, else in the unit it had been
 * enrolled in longest that day, with its age band that day (in no cell when it was in no unit or not 0–17
 * that day); per theme ('all' = every protective factor) x = present ÷ known protective factors (left out
 * when none is known), risk = risk factors present; grouped by period, unit, age band, gender, theme.
 */
export async function cellsAgainstAssessments(q: Queryable, m: string, period?: string): Promise<unknown[]> {
  const { rows } = await q.query(
    `WITH latest AS (
       SELECT DISTINCT ON (r.period, a.child_id) a.id, a.child_id, a.catalogue_id, a.unit_id, a.present_mask,
              a.known_mask, r.period, measurement_reference_date(r.period) AS ref
         FROM assessments a
         JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
        WHERE a.municipality_id = $1 AND a.mode = 'joint' AND ($2::text IS NULL OR r.period = $2)
        ORDER BY r.period, a.child_id, a.assessed_on DESC, a.updated_at DESC),
     units_on AS (
       SELECT l.id, e.unit_id, min(e.from_date) AS since
         FROM latest l
         JOIN enrolments e ON e.municipality_id = $1 AND e.child_id = l.child_id
          AND e.from_date <= l.ref AND (e.to_date IS NULL OR e.to_date >= l.ref)
        GROUP BY l.id, e.unit_id),
     placed AS (
       -- The assessing unit if among them, else the one held longest (then the smallest id).
       SELECT DISTINCT ON (u.id) u.id, u.unit_id
         FROM units_on u JOIN latest l ON l.id = u.id
        ORDER BY u.id, u.unit_id = l.unit_id DESC, u.since, u.unit_id),
     -- Materialized: the age is worked out once per assessment, not once per assessment and factor.
     a AS MATERIALIZED (
       SELECT l.id, l.catalogue_id, l.present_mask, l.known_mask, l.period, c.gender,
              age_band(age_on(c.birth_date, l.ref)) AS age_band, p.unit_id
         FROM latest l JOIN children c ON c.municipality_id = $1 AND c.id = l.child_id
         LEFT JOIN placed p ON p.id = l.id),
     themed AS (
       SELECT f.catalogue_id, f.bit, f.kind, 'all' AS theme_key FROM factors f WHERE f.municipality_id = $1
       UNION ALL
       SELECT f.catalogue_id, f.bit, f.kind, t.code
         FROM factors f
         JOIN factor_themes ft ON ft.municipality_id = f.municipality_id AND ft.factor_id = f.id
         JOIN policy_themes t ON t.municipality_id = ft.municipality_id AND t.id = ft.theme_id
        WHERE f.municipality_id = $1),
     per AS (
       SELECT a.id, a.period, a.unit_id, a.gender, a.age_band, th.theme_key,
              count(*) FILTER (WHERE th.kind = 'protective' AND (a.present_mask >> th.bit) & 1 = 1) AS pp,
              count(*) FILTER (WHERE th.kind = 'protective' AND (a.known_mask >> th.bit) & 1 = 1) AS pk,
              count(*) FILTER (WHERE th.kind = 'risk' AND (a.present_mask >> th.bit) & 1 = 1) AS rp
         FROM a JOIN themed th ON th.catalogue_id = a.catalogue_id
        GROUP BY a.id, a.period, a.unit_id, a.gender, a.age_band, th.theme_key),
     x AS (
       SELECT period, unit_id, gender, theme_key, pp::float8 / pk AS x, rp::float8 AS risk, age_band
         FROM per WHERE pk > 0 AND age_band IS NOT NULL AND unit_id IS NOT NULL),
     expected AS (
       SELECT period, unit_id, age_band, gender, theme_key, count(*)::int AS n, sum(x) AS sx, sum(x * x) AS sx2,
              sum(risk) AS sr, sum(risk * risk) AS sr2
         FROM x GROUP BY 1, 2, 3, 4, 5)
     SELECT * FROM expected e
     FULL JOIN (SELECT * FROM measurement_cells WHERE municipality_id = $1 AND n <> 0
                   AND ($2::text IS NULL OR period = $2)) c
       USING (period, unit_id, age_band, gender, theme_key)
      WHERE e.n IS DISTINCT FROM c.n OR abs(e.sx - c.sum_x) > 1e-6 OR abs(e.sx2 - c.sum_x2) > 1e-6
         OR abs(e.sr - c.sum_risk) > 1e-6 OR abs(e.sr2 - c.sum_risk2) > 1e-6`,
    [m, period ?? null],
  );
  return rows;
}

/**
 * Cells whose n exceeds their population (docs/measurement.md: the numerator is a subset of the
 * population): per (period, unit, age band, gender) against that unit's population, and summed over the
 * units against the whole municipality's (a child counts in one unit's n at most).
 */
export async function cellsOverPopulation(q: Queryable, m: string, period?: string): Promise<unknown[]> {
  const { rows } = await q.query(
    `SELECT c.period, c.unit_id, c.age_band, c.gender::text, c.theme_key, c.n, coalesce(p.children, 0) AS population
       FROM measurement_cells c
       LEFT JOIN measurement_population p ON p.municipality_id = c.municipality_id AND p.period = c.period
        AND p.unit_id = c.unit_id AND p.age_band = c.age_band AND p.gender = c.gender
      WHERE c.municipality_id = $1 AND ($2::text IS NULL OR c.period = $2) AND c.n > coalesce(p.children, 0)
     UNION ALL
     SELECT c.period, NULL, c.age_band, c.gender::text, c.theme_key, sum(c.n)::int, coalesce(max(p.children), 0)
       FROM measurement_cells c
       LEFT JOIN measurement_population p ON p.municipality_id = c.municipality_id AND p.period = c.period
        AND p.unit_id = '00000000-0000-0000-0000-000000000000' AND p.age_band = c.age_band AND p.gender = c.gender
      WHERE c.municipality_id = $1 AND ($2::text IS NULL OR c.period = $2)
      GROUP BY c.period, c.age_band, c.gender, c.theme_key
     HAVING sum(c.n) > coalesce(max(p.children), 0)
     UNION ALL
     -- The dashboard's rollup per (period, unit), read by the usual dashboard.
     SELECT c.period, c.unit_id, NULL, NULL, c.theme_key, c.n, coalesce(p.children, 0)
       FROM measurement_unit_cells c
       LEFT JOIN measurement_unit_population p ON p.municipality_id = c.municipality_id AND p.period = c.period
        AND p.unit_id = c.unit_id
      WHERE c.municipality_id = $1 AND ($2::text IS NULL OR c.period = $2) AND c.n > coalesce(p.children, 0)`,
    [m, period ?? null],
  );
  return rows;
}

/** Cells of periods with contributions that differ from summing those contributions. */
export async function cellsAgainstContributions(q: Queryable, m: string): Promise<unknown[]> {
  const { rows } = await q.query(
    `WITH expected AS (
       SELECT period, unit_id, age_band, gender, theme_key, count(*)::int AS n, sum(x) AS sx, sum(x * x) AS sx2,
              sum(risk_load)::float8 AS sr, sum(risk_load * risk_load)::float8 AS sr2
         FROM measurement_contributions WHERE municipality_id = $1 GROUP BY 1, 2, 3, 4, 5)
     SELECT * FROM expected e
     FULL JOIN (SELECT * FROM measurement_cells WHERE municipality_id = $1
                   AND period IN (SELECT period FROM measurement_contributions WHERE municipality_id = $1)) c
       USING (period, unit_id, age_band, gender, theme_key)
      WHERE e.n IS DISTINCT FROM c.n OR abs(e.sx - c.sum_x) > 1e-6 OR abs(e.sx2 - c.sum_x2) > 1e-6
         OR e.sr IS DISTINCT FROM c.sum_risk OR e.sr2 IS DISTINCT FROM c.sum_risk2`,
    [m],
  );
  return rows;
}

/** Share of risk factors present in one round that are present again in the child's next assessment. */
export async function riskPersistence(q: Queryable, m: string): Promise<number> {
  const { rows } = await q.query<{ share: number }>(
    `WITH j AS (
       SELECT a.child_id, a.present_mask, a.known_mask, a.catalogue_id,
              lead(a.present_mask) OVER w AS next_present, lead(a.known_mask) OVER w AS next_known
         FROM assessments a JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
        WHERE a.municipality_id = $1 AND a.mode = 'joint'
       WINDOW w AS (PARTITION BY a.child_id ORDER BY r.period))
     SELECT (count(*) FILTER (WHERE (j.next_present >> f.bit) & 1 = 1))::float8 / nullif(count(*), 0) AS share
       FROM j JOIN factors f ON f.municipality_id = $1 AND f.catalogue_id = j.catalogue_id AND f.kind = 'risk'
      WHERE (j.present_mask >> f.bit) & 1 = 1 AND (j.next_known >> f.bit) & 1 = 1`,
    [m],
  );
  return rows[0]?.share ?? 0;
}
