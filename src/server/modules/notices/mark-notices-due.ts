import type { TNoticeKind } from '../../../shared/schemas/notices.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

/** What a sender is asked to work through: one kind of recording in one round or half-year. */
export interface TNoticeScope {
  kind: TNoticeKind;
  scope: string;
}

/** The half-year of the Danish day (the connection's time zone is Denmark's): 2027H1. */
const HALF_YEAR = sql.raw(
  `to_char(current_date, 'YYYY') || CASE WHEN extract(month FROM current_date) <= 6 THEN 'H1' ELSE 'H2' END`,
);

/**
 * Records, in the recording's own transaction, that its children's guardians are to be told (a concern, a
 * named meeting item …): one subject per child, kind and half-year — a second recording of the same kind in
 * the half-year adds nothing, the family has been told what is recorded and why. Cheap and conflict-free, so
 * a recording is never held up by its notice; the sender (send-due-notices.ts) writes the letters.
 */
export async function markNoticesDue(
  q: Queryable,
  m: string,
  input: {
    kind: Exclude<TNoticeKind, 'round'>;
    childIds: readonly string[];
    unitId: string | null;
    sourceId: string;
  },
): Promise<TNoticeScope> {
  const { rows } = await q.query(sql`SELECT ${HALF_YEAR} AS period`);
  const period: string = rows[0].period;
  await q.query(
    sql`INSERT INTO notice_subjects (municipality_id, kind, scope, child_id, period, unit_id, source_id)
        SELECT ${m}, ${input.kind}, ${period}, child_id, ${period}, ${input.unitId}, ${input.sourceId}
          FROM unnest(${input.childIds}::uuid[]) AS child_id
        ON CONFLICT DO NOTHING`,
  );
  return { kind: input.kind, scope: period };
}

/**
 * The children of a round's units are to be told before or when it opens: those enrolled there now (and,
 * on later sweeps, those enrolled since, and any assessed in it), each under the unit of its enrolment.
 * Idempotent: a child already a subject of the round is left as it is.
 */
export async function markRoundDue(q: Queryable, m: string, roundId: string): Promise<TNoticeScope> {
  await q.query(
    sql`INSERT INTO notice_subjects (municipality_id, kind, scope, child_id, period, round_id, unit_id)
        SELECT DISTINCT ON (x.child_id) ${m}, 'round', r.id::text, x.child_id, r.period, r.id, x.unit_id
          FROM assessment_rounds r
          JOIN LATERAL (
                SELECT e.child_id, e.unit_id, 0 AS pref, e.from_date AS d
                  FROM round_units ru JOIN enrolments e ON e.municipality_id = ru.municipality_id AND e.unit_id = ru.unit_id
                 WHERE ru.municipality_id = r.municipality_id AND ru.round_id = r.id AND ${currentEnrolment('e')}
                UNION ALL
                SELECT a.child_id, a.unit_id, 1, a.assessed_on
                  FROM assessments a WHERE a.municipality_id = r.municipality_id AND a.round_id = r.id) x ON true
         WHERE r.municipality_id = ${m} AND r.id = ${roundId}
         ORDER BY x.child_id, x.pref, x.d
        ON CONFLICT DO NOTHING`,
  );
  return { kind: 'round', scope: roundId };
}

/** The rounds not yet closed (open or upcoming): a sweep marks their newly enrolled children. */
export async function markOpenRoundsDue(q: Queryable, m: string): Promise<TNoticeScope[]> {
  const { rows } = await q.query(
    sql`SELECT id FROM assessment_rounds WHERE municipality_id = ${m} AND closes_on >= current_date ORDER BY id`,
  );
  const scopes: TNoticeScope[] = [];
  for (const r of rows) scopes.push(await markRoundDue(q, m, r.id));
  return scopes;
}
