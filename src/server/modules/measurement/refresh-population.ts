import { enrolledOn } from '../../access/enrolment.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { referenceDate } from './reference-date.ts';
import { replaceContributions } from './replace-contribution.ts';

export const WHOLE_MUNICIPALITY = '00000000-0000-0000-0000-000000000000';

/**
 * Recounts one period on its reference date (docs/measurement.md) and keeps the numerator on the same
 * basis: the roster (every unit each child aged 0–17 was enrolled in that day, with its age band and
 * gender that day), the population counted from it, and then every child whose current joint assessment
 * the new roster places differently — another unit, age band or gender, or now in no unit or now in one —
 * filed again. Called when a round opens a period and nightly by a job, so coverage follows enrolments;
 * between two refreshes population and numerator both stay on the roster of the last one, so n never
 * exceeds the population.
 */
export async function refreshPopulation(q: Queryable, municipalityId: string, period: string): Promise<void> {
  await countPopulation(q, municipalityId, period);
  // The scale build sums the cells of closed rounds straight from the assessments, without contributions
  // to take out again; filing such a period's children anew would count them twice. Its cells were placed
  // by the same rule and no round of it can be written to, so they are left as they are.
  const { rows: built } = await q.query<{ direct: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM measurement_cells WHERE municipality_id = $1 AND period = $2 AND n > 0)
            AND NOT EXISTS (SELECT 1 FROM measurement_contributions WHERE municipality_id = $1 AND period = $2) AS direct`,
    [municipalityId, period],
  );
  if (built[0]?.direct) return;
  const { rows } = await q.query<{ child_id: string }>(
    `WITH latest AS (
       SELECT DISTINCT ON (a.child_id) a.child_id, a.unit_id, a.protective_known
         FROM assessments a JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
        WHERE a.municipality_id = $1 AND a.mode = 'joint' AND r.period = $2
        ORDER BY a.child_id, a.assessed_on DESC, a.updated_at DESC),
     placed AS (
       SELECT l.child_id, coalesce(own.unit_id, pref.unit_id) AS unit_id,
              coalesce(own.age_band, pref.age_band) AS age_band, coalesce(own.gender, pref.gender) AS gender
         FROM latest l
         LEFT JOIN measurement_roster own ON own.municipality_id = $1 AND own.period = $2
          AND own.child_id = l.child_id AND own.unit_id = l.unit_id
         LEFT JOIN measurement_roster pref ON pref.municipality_id = $1 AND pref.period = $2
          AND pref.child_id = l.child_id AND pref.preferred
        WHERE l.protective_known > 0),
     filed AS (
       SELECT child_id, unit_id, age_band, gender FROM measurement_contributions
        WHERE municipality_id = $1 AND period = $2 AND theme_key = 'all')
     SELECT coalesce(p.child_id, f.child_id) AS child_id
       FROM (SELECT * FROM placed WHERE unit_id IS NOT NULL) p
       FULL JOIN filed f ON f.child_id = p.child_id
      WHERE (p.unit_id, p.age_band, p.gender) IS DISTINCT FROM (f.unit_id, f.age_band, f.gender)`,
    [municipalityId, period],
  );
  await replaceContributions(
    q,
    municipalityId,
    rows.map((r) => r.child_id),
    period,
  );
}

/**
 * The roster and the population of one period, without touching the numerator: for a build that files
 * the numerator itself afterwards, through this roster (the seeds). `keepRoster: false` counts the
 * population on the same basis without keeping the roster rows: only for a period no round can write to
 * any more (the scale build's closed rounds), whose numerator is never placed again.
 */
export async function countPopulation(
  q: Queryable,
  municipalityId: string,
  period: string,
  options: { keepRoster?: boolean } = {},
): Promise<void> {
  const on = referenceDate(period);
  await q.query('DELETE FROM measurement_roster WHERE municipality_id = $1 AND period = $2', [
    municipalityId,
    period,
  ]);
  await q.query('DELETE FROM measurement_population WHERE municipality_id = $1 AND period = $2', [
    municipalityId,
    period,
  ]);
  const keep = options.keepRoster ?? true;
  // Preferred: the unit a child had been enrolled in longest (then the smallest unit id); only the kept
  // roster needs it, so a count alone skips the window.
  const preferred = keep
    ? 'row_number() OVER (PARTITION BY e.child_id ORDER BY min(e.from_date), e.unit_id) = 1'
    : 'false';
  await q.query(
    sql`WITH kids AS (
       SELECT ch.id, ch.gender, age_band(age_on(ch.birth_date, ${on}::date)) AS age_band
         FROM children ch WHERE ch.municipality_id = ${municipalityId}),
     roster AS (
       -- Each unit a child aged 0–17 on the reference date was enrolled in that day.
       SELECT e.child_id, e.unit_id, k.age_band, k.gender, ${sql.raw(preferred)} AS preferred
         FROM kids k JOIN enrolments e ON e.municipality_id = ${municipalityId} AND e.child_id = k.id
        WHERE k.age_band IS NOT NULL AND ${enrolledOn('e', on)}
        GROUP BY e.child_id, e.unit_id, k.age_band, k.gender),
     kept AS (
       INSERT INTO measurement_roster (municipality_id, period, child_id, unit_id, age_band, gender, preferred)
       SELECT ${municipalityId}::uuid, ${period}, child_id, unit_id, age_band, gender, preferred FROM roster WHERE ${keep}::boolean
        ORDER BY child_id, unit_id)
     INSERT INTO measurement_population (municipality_id, period, unit_id, age_band, gender, children)
     SELECT ${municipalityId}::uuid, ${period}, unit_id, age_band, gender, count(*) FROM roster GROUP BY unit_id, age_band, gender
     UNION ALL
     SELECT ${municipalityId}::uuid, ${period}, ${WHOLE_MUNICIPALITY}::uuid, age_band, gender, count(*)
       FROM kids WHERE age_band IS NOT NULL GROUP BY age_band, gender`,
  );
}
