import type { TConferencePhase, TConferenceStep } from '../../../domain/conferences/phases.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

export interface TDemoConferenceInput {
  municipalityId: string;
  /** The external conference coordinator's login, and the professional (an internal coordinator). */
  coordinatorId: string;
  professionalId: string;
  unitLeaderId: string;
  schoolId: string;
}

/** The steps that lead to each phase, in order. */
const PATH: Record<Exclude<TConferencePhase, 'refused'>, TConferenceStep[]> = {
  referred: [],
  preparation: ['prepare'],
  information: ['prepare', 'inform'],
  privateTime: ['prepare', 'inform', 'privateTime'],
  plan: ['prepare', 'inform', 'privateTime', 'plan'],
  approved: ['prepare', 'inform', 'privateTime', 'plan', 'approve'],
  reviewed: ['prepare', 'inform', 'privateTime', 'plan', 'approve', 'review'],
  closed: ['prepare', 'inform', 'privateTime', 'plan', 'approve', 'review', 'close'],
};
const CASE_PHASES = ['referred', 'information', 'plan', 'approved', 'reviewed', 'closed'] as const;

const QUESTIONS = [
  'Hvordan kommer barnet i skole hver dag?',
  'Hvem kan barnet gå til, når mor eller far ikke kan?',
];

async function conference(
  q: Queryable,
  m: string,
  c: {
    childId: string;
    caseId: string | null;
    referredBy: string;
    coordinatorId: string;
    reason: string;
    phase: Exclude<TConferencePhase, 'refused'>;
    unitId: string | null;
  },
): Promise<void> {
  const steps = PATH[c.phase];
  const start = 20 + steps.length * 12;
  const has = (s: TConferenceStep) => steps.includes(s);
  const { rows } = await q.query(
    sql`INSERT INTO conferences (municipality_id, child_id, case_id, reason, family_agreed_on, referred_by,
                                 referrer_unit_id, referred_at, coordinator_id, phase, questions, concerns, bottom_lines,
                                 informants, review_on, helped, review_note)
        VALUES (${m}, ${c.childId}, ${c.caseId}, ${c.reason}, current_date - ${start + 2}::int, ${c.referredBy},
                ${c.unitId}, now() - make_interval(days => ${start}), ${c.coordinatorId}, ${c.phase},
                ${JSON.stringify(has('prepare') ? QUESTIONS : [])}::jsonb,
                ${has('prepare') ? 'Højt fravær, og familien er presset af sygdom.' : null},
                ${has('prepare') ? 'Barnet skal i skole hver dag. Ingen overnatning hos farmor uden aftale.' : null},
                ${JSON.stringify(
                  has('inform')
                    ? [
                        {
                          name: 'Lærer Lise',
                          profession: 'Lærer',
                          brought: 'Fraværet og hvad barnet er god til.',
                        },
                        {
                          name: 'Sundhedsplejerske Sara',
                          profession: 'Sundhedsplejerske',
                          brought: 'Søvn og trivsel.',
                        },
                      ]
                    : [],
                )}::jsonb,
                ${has('approve') ? (has('review') ? sql`current_date - 10` : sql`current_date + 45`) : null},
                ${has('review') ? 'partly' : null}, ${has('review') ? 'Fraværet er halveret.' : null})
        RETURNING id`,
  );
  const id: string = rows[0].id;
  for (const [i, step] of steps.entries()) {
    const by = step === 'approve' || step === 'close' ? c.referredBy : c.coordinatorId;
    await q.query(
      sql`INSERT INTO conference_steps (municipality_id, conference_id, seq, step, held_on, by_user, at)
          VALUES (${m}, ${id}, ${i + 1}, ${step}, current_date - ${start - (i + 1) * 12}::int, ${by},
                  now() - make_interval(days => ${start - (i + 1) * 12}))`,
    );
  }
  if (has('prepare'))
    await q.query(
      sql`INSERT INTO conference_invitees (municipality_id, conference_id, network_person_id, chosen_with_child)
          SELECT ${m}, ${id}, l.network_person_id, true FROM network_person_children l
           WHERE l.municipality_id = ${m} AND l.child_id = ${c.childId}`,
    );
  if (has('plan'))
    await q.query(
      sql`INSERT INTO conference_tasks (municipality_id, conference_id, position, what, owner_kind, owner_name,
                                        network_person_id, due_on, checked_by, question, review_status)
          SELECT ${m}, ${id}, n, t.what, t.kind, coalesce(p.name, t.who), CASE WHEN t.kind = 'networkPerson' THEN p.id END,
                 current_date + (n + 1) * 14, t.checker, n, CASE WHEN ${has('review')} THEN t.status END
            FROM (VALUES (0, 'Følger barnet i skole mandag og onsdag', 'networkPerson', 'Mormor', 'Mor', 'done'),
                         (1, 'Ringer til skolen om morgenen, når barnet er sygt', 'parent', 'Mor', 'Koordinatoren', 'partly'))
                 AS t(n, what, kind, who, checker, status)
            LEFT JOIN LATERAL (SELECT np.id, np.name FROM network_persons np
                                 JOIN network_person_children l ON l.municipality_id = np.municipality_id
                                  AND l.network_person_id = np.id AND l.child_id = ${c.childId}
                                WHERE np.municipality_id = ${m} AND np.role = 'resource'
                                ORDER BY np.name LIMIT 1) p ON t.kind = 'networkPerson'`,
    );
}

/**
 * The demo's family group conferences (issue 16, item 7): conferences in the cases of children with a network,
 * one in each phase from referred to closed, coordinated by the external coordinator (one by the professional), and
 * one preventive conference for high absence referred by the school's leader. The first case children with a
 * network are left without a conference, to refer.
 */
export async function seedDemoConferences(
  q: Queryable,
  input: TDemoConferenceInput,
): Promise<{ conferences: number }> {
  const m = input.municipalityId;
  const { rows: cases } = await q.query(
    sql`SELECT DISTINCT ON (k.child_id) k.id, k.child_id, k.caseworker_id FROM cases k
         WHERE k.municipality_id = ${m} AND k.status = 'open'
           AND EXISTS (SELECT 1 FROM network_person_children l WHERE l.municipality_id = k.municipality_id
                          AND l.child_id = k.child_id)
         ORDER BY k.child_id, k.created_at`,
  );
  let made = 0;
  for (const [i, phase] of CASE_PHASES.entries()) {
    const kase = cases[i + 2];
    if (!kase) break;
    await conference(q, m, {
      childId: kase.child_id,
      caseId: kase.id,
      referredBy: kase.caseworker_id,
      coordinatorId: i === 2 ? input.professionalId : input.coordinatorId,
      reason: 'Familien ønsker hjælp fra sit netværk til at få hverdagen til at hænge sammen.',
      phase,
      unitId: null,
    });
    made += 1;
  }
  const { rows: pupils } = await q.query(
    sql`SELECT e.child_id FROM enrolments e
         WHERE e.municipality_id = ${m} AND e.unit_id = ${input.schoolId} AND e.from_date <= current_date
           AND (e.to_date IS NULL OR e.to_date >= current_date)
           AND EXISTS (SELECT 1 FROM network_person_children l WHERE l.municipality_id = e.municipality_id
                          AND l.child_id = e.child_id)
           AND NOT EXISTS (SELECT 1 FROM conferences k WHERE k.municipality_id = e.municipality_id AND k.child_id = e.child_id)
         ORDER BY e.child_id LIMIT 1`,
  );
  if (pupils[0]) {
    await conference(q, m, {
      childId: pupils[0].child_id,
      caseId: null,
      referredBy: input.unitLeaderId,
      coordinatorId: input.coordinatorId,
      reason: 'Højt fravær (18 % dette skoleår). Mor er syg, og familien vil gerne have netværket med.',
      phase: 'preparation',
      unitId: input.schoolId,
    });
    made += 1;
  }
  return { conferences: made };
}
