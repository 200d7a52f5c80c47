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
 * Cells that differ from a plain recomputation from the joint assessments, factor by factor: per
 * assessment and theme ('all' = every protective factor) x = present ÷ known protective factors (left
 * out when none is known), risk = risk factors present; grouped by period, unit, age band, gender, theme.
 */
export async function cellsAgainstAssessments(q: Queryable, m: string): Promise<unknown[]> {
  const { rows } = await q.query(
    `WITH a AS (
       SELECT a.id, a.catalogue_id, a.unit_id, a.present_mask, a.known_mask, r.period, c.gender,
              extract(year FROM age(a.assessed_on, c.birth_date))::int AS age
         FROM assessments a
         JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
         JOIN children c ON c.municipality_id = a.municipality_id AND c.id = a.child_id
        WHERE a.municipality_id = $1 AND a.mode = 'joint'),
     themed AS (
       SELECT f.catalogue_id, f.bit, f.kind, 'all' AS theme_key FROM factors f WHERE f.municipality_id = $1
       UNION ALL
       SELECT f.catalogue_id, f.bit, f.kind, t.code
         FROM factors f
         JOIN factor_themes ft ON ft.municipality_id = f.municipality_id AND ft.factor_id = f.id
         JOIN policy_themes t ON t.municipality_id = ft.municipality_id AND t.id = ft.theme_id
        WHERE f.municipality_id = $1),
     per AS (
       SELECT a.id, a.period, a.unit_id, a.gender, a.age, th.theme_key,
              count(*) FILTER (WHERE th.kind = 'protective' AND (a.present_mask >> th.bit) & 1 = 1) AS pp,
              count(*) FILTER (WHERE th.kind = 'protective' AND (a.known_mask >> th.bit) & 1 = 1) AS pk,
              count(*) FILTER (WHERE th.kind = 'risk' AND (a.present_mask >> th.bit) & 1 = 1) AS rp
         FROM a JOIN themed th ON th.catalogue_id = a.catalogue_id
        GROUP BY a.id, a.period, a.unit_id, a.gender, a.age, th.theme_key),
     x AS (
       SELECT period, unit_id, gender, theme_key, pp::float8 / pk AS x, rp::float8 AS risk,
              CASE WHEN age < 3 THEN '0-2' WHEN age < 6 THEN '3-5' WHEN age < 10 THEN '6-9'
                   WHEN age < 13 THEN '10-12' WHEN age < 16 THEN '13-15' ELSE '16-17' END AS age_band
         FROM per WHERE pk > 0 AND age BETWEEN 0 AND 17),
     expected AS (
       SELECT period, unit_id, age_band, gender, theme_key, count(*)::int AS n, sum(x) AS sx, sum(x * x) AS sx2,
              sum(risk) AS sr, sum(risk * risk) AS sr2
         FROM x GROUP BY 1, 2, 3, 4, 5)
     SELECT * FROM expected e
     FULL JOIN (SELECT * FROM measurement_cells WHERE municipality_id = $1) c
       USING (period, unit_id, age_band, gender, theme_key)
      WHERE e.n IS DISTINCT FROM c.n OR abs(e.sx - c.sum_x) > 1e-6 OR abs(e.sx2 - c.sum_x2) > 1e-6
         OR e.sr IS DISTINCT FROM c.sum_risk OR e.sr2 IS DISTINCT FROM c.sum_risk2`,
    [m],
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
