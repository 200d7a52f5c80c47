import type { Queryable } from '../../db/client.ts';

export const WHOLE_MUNICIPALITY = '00000000-0000-0000-0000-000000000000';

/** First day of a period such as 2027H1 → 2027-01-01, 2027H2 → 2027-07-01. */
export function periodStart(period: string): string {
  return `${period.slice(0, 4)}-${period.endsWith('H1') ? '01' : '07'}-01`;
}

/**
 * Recounts the population of one period: per unit (children enrolled on the period's first day) and for the
 * whole municipality (children 0–17 that day), by age band and gender. Called when a round opens a period,
 * by the seed, and nightly by a job, so coverage follows enrolments.
 */
export async function refreshPopulation(q: Queryable, municipalityId: string, period: string): Promise<void> {
  const on = periodStart(period);
  await q.query('DELETE FROM measurement_population WHERE municipality_id = $1 AND period = $2', [
    municipalityId,
    period,
  ]);
  await q.query(
    `WITH kids AS (
       SELECT ch.id, ch.gender,
              CASE WHEN a < 3 THEN '0-2' WHEN a < 6 THEN '3-5' WHEN a < 10 THEN '6-9'
                   WHEN a < 13 THEN '10-12' WHEN a < 16 THEN '13-15' WHEN a < 18 THEN '16-17' END AS age_band
         FROM children ch, LATERAL (SELECT extract(year FROM age($3::date, ch.birth_date))::int AS a) x
        WHERE ch.municipality_id = $1 AND ch.birth_date <= $3::date)
     INSERT INTO measurement_population (municipality_id, period, unit_id, age_band, gender, children)
     SELECT $1, $2, e.unit_id, k.age_band, k.gender, count(DISTINCT k.id)
       FROM kids k JOIN enrolments e ON e.municipality_id = $1 AND e.child_id = k.id
      WHERE k.age_band IS NOT NULL AND e.from_date <= $3::date AND (e.to_date IS NULL OR e.to_date >= $3::date)
      GROUP BY e.unit_id, k.age_band, k.gender
     UNION ALL
     SELECT $1, $2, '${WHOLE_MUNICIPALITY}'::uuid, k.age_band, k.gender, count(*)
       FROM kids k WHERE k.age_band IS NOT NULL GROUP BY k.age_band, k.gender`,
    [municipalityId, period, on],
  );
}
