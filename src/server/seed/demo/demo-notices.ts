import type { Queryable } from '../../db/client.ts';
import { markRoundDue } from '../../modules/notices/mark-notices-due.ts';

export interface TDemoNoticeInput {
  municipalityId: string;
  /** The school the demo unit leader leads, and a daycare of the demo professional. */
  schoolId: string;
  daycareId: string;
  unitLeaderId: string;
  professionalId: string;
}

const EXCEPTIONS = [
  {
    place: 'school',
    decision: 'postpone',
    ground: 'childSafety',
    kinds: ['round', 'concern', 'meetingItem'],
    reason:
      'Barnet har fortalt om vold fra far. Underretning er sendt; forældrene må ikke få brev, før myndigheden har talt med barnet.',
    untilDays: null,
  },
  {
    place: 'school',
    decision: 'postpone',
    ground: 'pendingAssessment',
    kinds: ['round', 'concern'],
    reason:
      'Myndigheden vurderer en underretning om familien. Brevet venter til vurderingen er færdig, så den ikke skades.',
    untilDays: 21,
  },
  {
    place: 'daycare',
    decision: 'omit',
    ground: 'thirdPartySafety',
    kinds: ['round'],
    reason:
      'Mor bor på krisecenter med hemmelig adresse. Et brev til far kan røbe, hvor barnet går i institution.',
    untilDays: 90,
  },
] as const;

/**
 * The demo's duty to inform: the open round's children are due to be told (the notice job writes their
 * letters to the outbox shortly after the server starts — a round of two thousand children takes a minute),
 * and three exceptions are recorded, by the leader and the professional, which hold three children back.
 */
export async function seedDemoNotices(
  q: Queryable,
  input: TDemoNoticeInput,
): Promise<{ exceptions: number }> {
  const m = input.municipalityId;
  let exceptions = 0;
  for (const [i, x] of EXCEPTIONS.entries()) {
    const unitId = x.place === 'school' ? input.schoolId : input.daycareId;
    const { rows } = await q.query(
      `SELECT e.child_id FROM enrolments e
        WHERE e.municipality_id = $1 AND e.unit_id = $2 AND e.from_date <= current_date
          AND (e.to_date IS NULL OR e.to_date >= current_date)
        ORDER BY e.child_id OFFSET $3 LIMIT 1`,
      [m, unitId, i],
    );
    if (!rows[0]) continue;
    await q.query(
      `INSERT INTO notice_exceptions (municipality_id, child_id, kinds, decision, ground, reason, until_date,
                                      until_case_decides, unit_id, recorded_by, recorded_at)
       VALUES ($1, $2, $3::notice_kind[], $4, $5, $6, current_date + $7::int, $7::int IS NULL, $8, $9,
               now() - interval '3 days')`,
      [
        m,
        rows[0].child_id,
        x.kinds,
        x.decision,
        x.ground,
        x.reason,
        x.untilDays,
        unitId,
        x.place === 'school' ? input.unitLeaderId : input.professionalId,
      ],
    );
    exceptions += 1;
  }
  const open = await q.query(
    'SELECT id FROM assessment_rounds WHERE municipality_id = $1 AND closes_on >= current_date ORDER BY id',
    [m],
  );
  for (const r of open.rows) await markRoundDue(q, m, r.id);
  return { exceptions };
}
