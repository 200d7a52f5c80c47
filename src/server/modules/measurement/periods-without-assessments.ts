import type { Queryable } from '../../db/client.ts';

/**
 * Of the given periods, those in which the municipality has no joint assessment yet, in the order given.
 * Such a period is left out of coverage (docs/measurement.md): its population exists from the day a round
 * opens it, but a coverage of 0 % there would say "nobody was assessed" when the round has simply not
 * started. The answer names these periods so the reader knows why they are missing.
 */
export async function periodsWithoutAssessments(
  q: Queryable,
  municipalityId: string,
  periods: readonly string[],
): Promise<string[]> {
  if (periods.length === 0) return [];
  const { rows } = await q.query<{ period: string }>(
    `SELECT p.period
       FROM unnest($2::text[]) WITH ORDINALITY AS p(period, i)
      WHERE NOT EXISTS (
              SELECT 1 FROM assessment_rounds r
               WHERE r.municipality_id = $1 AND r.period = p.period
                 AND EXISTS (SELECT 1 FROM assessments a
                              WHERE a.municipality_id = $1 AND a.round_id = r.id AND a.mode = 'joint'))
      ORDER BY p.i`,
    [municipalityId, [...new Set(periods)]],
  );
  return rows.map((r) => r.period);
}
