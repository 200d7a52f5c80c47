import type { Queryable } from '../db/client.ts';

/**
 * The measurement rollup for seeded joint assessments, set-based. The same definition as the write path
 * (modules/measurement/replace-contribution.ts), over many assessments at once: per child and period its
 * latest joint assessment (the seeds make one per child and round), placed through the period's roster
 * (countPopulation must have run): the assessing unit if the child was enrolled there on the reference
 * date, else its preferred unit that day, with its age band and gender that day; a child in no unit that
 * day is left out. Theme 'all': x = protective present ÷ protective known, risk load = risk present; per
 * policy theme: the same over the factors mapped to the theme. A child or theme with no protective factor
 * known is left out.
 */
function contributionRowsSql(roundFilter: string): string {
  return `
    WITH latest AS (
      SELECT DISTINCT ON (r.period, a.child_id) a.municipality_id, r.period, a.child_id, a.unit_id, a.id, a.catalogue_id,
             a.present_mask, a.known_mask, a.protective_present, a.protective_known, a.risk_present
        FROM assessments a
        JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
       WHERE a.municipality_id = $1 AND a.mode = 'joint' AND ${roundFilter}
       ORDER BY r.period, a.child_id, a.assessed_on DESC, a.updated_at DESC),
    banded AS (
      SELECT l.*, coalesce(own.unit_id, pref.unit_id) AS counted_unit,
             coalesce(own.age_band, pref.age_band) AS age_band, coalesce(own.gender, pref.gender) AS gender
        FROM latest l
        LEFT JOIN measurement_roster own ON own.municipality_id = l.municipality_id AND own.period = l.period
         AND own.child_id = l.child_id AND own.unit_id = l.unit_id
        LEFT JOIN measurement_roster pref ON pref.municipality_id = l.municipality_id AND pref.period = l.period
         AND pref.child_id = l.child_id AND pref.preferred),
    masks AS (
      -- Per catalogue version and theme: the bits of its protective and of its risk factors.
      SELECT f.catalogue_id, t.code AS theme_key,
             coalesce(bit_or(1::bigint << f.bit) FILTER (WHERE f.kind = 'protective'), 0) AS protective_mask,
             coalesce(bit_or(1::bigint << f.bit) FILTER (WHERE f.kind = 'risk'), 0) AS risk_mask
        FROM factors f
        JOIN factor_themes ft ON ft.municipality_id = f.municipality_id AND ft.factor_id = f.id
        JOIN policy_themes t ON t.municipality_id = ft.municipality_id AND t.id = ft.theme_id
       WHERE f.municipality_id = $1
       GROUP BY f.catalogue_id, t.code)
    SELECT b.municipality_id, b.period, b.child_id, 'all'::text AS theme_key, b.counted_unit, b.age_band, b.gender,
           b.id AS assessment_id, b.protective_present::float8 / b.protective_known AS x, b.risk_present AS risk_load
      FROM banded b WHERE b.protective_known > 0 AND b.counted_unit IS NOT NULL
    UNION ALL
    SELECT b.municipality_id, b.period, b.child_id, m.theme_key, b.counted_unit, b.age_band, b.gender, b.id,
           bit_count((b.present_mask & m.protective_mask)::bit(64))::float8
             / bit_count((b.known_mask & m.protective_mask)::bit(64)),
           bit_count((b.present_mask & m.risk_mask)::bit(64))
      FROM banded b JOIN masks m ON m.catalogue_id = b.catalogue_id
     WHERE bit_count((b.known_mask & m.protective_mask)::bit(64)) > 0 AND b.counted_unit IS NOT NULL`;
}

export const CONTRIBUTION_COLUMNS =
  'municipality_id, period, child_id, theme_key, unit_id, age_band, gender, assessment_id, x, risk_load';
export const CELL_COLUMNS =
  'municipality_id, period, unit_id, age_band, gender, theme_key, n, sum_x, sum_x2, sum_risk, sum_risk2';
const CELL_SUMS = 'count(*), sum(x), sum(x * x), sum(risk_load), sum(risk_load * risk_load)';

/**
 * Contributions for the joint assessments of the given rounds (whose periods must have a roster and no
 * contributions yet), then their cells with one `INSERT … SELECT … GROUP BY` over the contributions.
 */
export async function fillMeasurement(
  q: Queryable,
  municipalityId: string,
  roundIds: readonly string[],
): Promise<{ contributions: number; cells: number }> {
  const inserted = await q.query(
    `INSERT INTO measurement_contributions (${CONTRIBUTION_COLUMNS})
     SELECT * FROM (${contributionRowsSql('a.round_id = ANY($2::uuid[])')}) rows ORDER BY period, child_id, theme_key`,
    [municipalityId, roundIds],
  );
  const periods = await q.query<{ period: string }>(
    'SELECT DISTINCT period FROM assessment_rounds WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
    [municipalityId, roundIds],
  );
  const cells = await insertCellsFromContributions(
    q,
    municipalityId,
    periods.rows.map((r) => r.period),
  );
  return { contributions: inserted.rowCount ?? 0, cells };
}

/** The cells of these periods as one `INSERT … SELECT … GROUP BY` over their contributions. */
export async function insertCellsFromContributions(
  q: Queryable,
  municipalityId: string,
  periods: readonly string[],
): Promise<number> {
  const cells = await q.query(
    `INSERT INTO measurement_cells (${CELL_COLUMNS})
     SELECT municipality_id, period, unit_id, age_band, gender, theme_key, ${CELL_SUMS}
       FROM measurement_contributions
      WHERE municipality_id = $1 AND period = ANY($2::text[])
      GROUP BY municipality_id, period, unit_id, age_band, gender, theme_key`,
    [municipalityId, periods],
  );
  return cells.rowCount ?? 0;
}
