import { randomUUID } from 'node:crypto';
import { followUpForMeasure } from '../../../domain/cases/index.ts';
import { childAssessmentDue, DEFAULT_DEADLINE_CONFIG } from '../../../domain/deadlines/index.ts';
import type { Queryable } from '../../db/client.ts';
import { insertRows } from '../bulk-insert.ts';
import { addDays } from '../dates.ts';
import type { Rng } from '../rng.ts';

export interface TDemoCasesInput {
  municipalityId: string;
  rng: Rng;
  today: string;
  /** Caseworkers per team, the team's id first: the demo caseworker is the first of the first team. */
  teams: { teamId: string; caseworkerIds: string[] }[];
  children: readonly { id: string; birth_date: string }[];
  childGuardians: readonly { child_id: string; has_custody: boolean }[];
  protectiveCodes: readonly string[];
}

/** One scenario: offsets in days from today (negative = past), so the demo is always current. */
interface TScenario {
  aware: number;
  preliminary?: number;
  completed?: number;
  measure?: { section: 's30' | 's32'; starts: number; ends?: number; title: string };
  conversation?: 'held' | 'declined' | 'notHeld';
  plan?: number;
  followUpHeld?: number;
  nextFollowUp?: number;
  closed?: number;
  youth?: boolean;
}

// Cases in every state: fresh, § 20 due soon, overdue without and with a preliminary assessment, finished
// in time and late, § 32 measures without a plan (in time and overdue), with a plan in time and late,
// follow-ups held and overdue, a § 30 measure, a youth plan, a closed case.
const SCENARIOS: TScenario[] = [
  { aware: -10 },
  { aware: -116 },
  { aware: -140 },
  { aware: -150, preliminary: -20 },
  { aware: -200, completed: -100 },
  { aware: -300, preliminary: -170, completed: -160 },
  {
    aware: -150,
    completed: -60,
    conversation: 'held',
    measure: { section: 's32', starts: -40, title: 'Familiebehandling' },
  },
  {
    aware: -240,
    completed: -130,
    conversation: 'held',
    measure: { section: 's32', starts: -120, title: 'Kontaktperson' },
  },
  {
    aware: -330,
    completed: -220,
    conversation: 'held',
    measure: { section: 's32', starts: -200, title: 'Aflastning i weekender' },
    plan: -150,
    followUpHeld: -112,
    nextFollowUp: 30,
  },
  {
    aware: -380,
    completed: -270,
    conversation: 'notHeld',
    measure: { section: 's32', starts: -250, ends: 60, title: 'Praktisk pædagogisk støtte i hjemmet' },
    plan: -140,
    followUpHeld: -150,
  },
  { aware: -500, completed: -400, conversation: 'declined', closed: -50 },
  {
    aware: -200,
    completed: -120,
    conversation: 'declined',
    measure: { section: 's30', starts: -100, title: 'Forældrekursus' },
  },
  {
    aware: -260,
    completed: -150,
    conversation: 'held',
    measure: { section: 's32', starts: -130, title: 'Mentorforløb' },
    plan: -60,
    youth: true,
  },
];

const GOALS = [
  'går i skole hver dag og er med i undervisningen',
  'har en voksen at gå til, når noget er svært',
  'går til en fritidsaktivitet hver uge',
  'har faste rammer om sengetid og morgen derhjemme',
  'har en ven i klassen og er med i frikvartererne',
];

const WISHES = [
  'Jeg vil gerne blive boende hjemme og gå til fodbold igen.',
  'Jeg vil gerne have, at mor og far ikke skændes så meget.',
  'Jeg vil have en voksen, jeg kan snakke med på skolen.',
  'Jeg vil gerne have et fritidsjob og tjene mine egne penge.',
];

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function at(day: string, hour = 10): string {
  return `${day}T${String(hour).padStart(2, '0')}:00:00+01:00`;
}

/**
 * Demo cases for one municipality: every team's caseworkers carry cases in every state (see SCENARIOS),
 * some overdue, with child conversations, measures, plans whose goals strengthen protective factors,
 * follow-ups and a timeline. Bulk inserts only.
 */
export async function seedDemoCases(q: Queryable, input: TDemoCasesInput): Promise<number> {
  const { rng, today, municipalityId: m } = input;
  const withCustody = new Set(input.childGuardians.filter((g) => g.has_custody).map((g) => g.child_id));
  const ageOn = (birth: string, day: string) =>
    Number(day.slice(0, 4)) - Number(birth.slice(0, 4)) - (day.slice(5) < birth.slice(5) ? 1 : 0);
  const pool = rng.shuffle(
    input.children.filter((c) => withCustody.has(c.id) && ageOn(c.birth_date, today) >= 4),
  );
  const youthPool = pool.filter((c) => ageOn(c.birth_date, today) >= 16);
  const used = new Set<string>();
  const takeChild = (youth: boolean) => {
    const source = youth && youthPool.some((c) => !used.has(c.id)) ? youthPool : pool;
    const child = source.find((c) => !used.has(c.id));
    if (child) used.add(child.id);
    return child;
  };

  const cases: Record<string, unknown>[] = [];
  const conversations: Record<string, unknown>[] = [];
  const measures: Record<string, unknown>[] = [];
  const plans: Record<string, unknown>[] = [];
  const goals: Record<string, unknown>[] = [];
  const followUps: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const event = (caseId: string, day: string, kind: string, actor: string, detail: object | null) =>
    events.push({
      municipality_id: m,
      id: randomUUID(),
      case_id: caseId,
      at: at(day, rng.int(8, 15)),
      kind,
      actor_id: actor,
      detail: detail ? JSON.stringify(detail) : null,
    });

  const assignments: { teamId: string; caseworkerId: string; scenario: TScenario }[] = [];
  for (const team of input.teams) {
    team.caseworkerIds.forEach((caseworkerId, w) => {
      // The first caseworker of a team carries every scenario; colleagues every second or third one.
      SCENARIOS.forEach((scenario, i) => {
        if (w === 0 || i % (w + 1) === w % 2)
          assignments.push({ teamId: team.teamId, caseworkerId, scenario });
      });
    });
  }

  for (const { teamId, caseworkerId, scenario: s } of assignments) {
    const child = takeChild(Boolean(s.youth));
    if (!child) break;
    const id = randomUUID();
    const awareOn = addDays(today, s.aware);
    const day = (offset: number | undefined) => (offset === undefined ? null : addDays(today, offset));
    let reference = 'S-';
    for (let i = 0; i < 6; i++) reference += ALPHABET[rng.int(0, ALPHABET.length - 1)];
    cases.push({
      municipality_id: m,
      id,
      reference,
      child_id: child.id,
      team_id: teamId,
      caseworker_id: caseworkerId,
      aware_on: awareOn,
      status: s.closed === undefined ? 'open' : 'closed',
      assessment_due_on: childAssessmentDue(awareOn, DEFAULT_DEADLINE_CONFIG),
      assessment_completed_on: day(s.completed),
      assessment_summary:
        s.completed === undefined
          ? null
          : 'Barnet trives i skolen, men har brug for mere stabilitet derhjemme. Forældrene ønsker hjælp.',
      preliminary_assessment:
        s.preliminary === undefined
          ? null
          : 'Undersøgelsen er forsinket, fordi vi venter på en udtalelse fra PPR. Barnet er ikke i akut fare.',
      preliminary_recorded_on: day(s.preliminary),
      closed_on: day(s.closed),
      closed_reason:
        s.closed === undefined ? null : 'Målene i planen er nået, og familien ønsker ikke mere hjælp.',
      opened_by: caseworkerId,
      created_at: at(awareOn),
    });
    event(id, awareOn, 'opened', caseworkerId, { awareOn });
    if (s.preliminary !== undefined)
      event(id, day(s.preliminary) as string, 'preliminaryRecorded', caseworkerId, null);
    if (s.completed !== undefined)
      event(id, day(s.completed) as string, 'assessmentCompleted', caseworkerId, {
        completedOn: day(s.completed),
      });
    if (s.conversation) {
      const on = addDays(today, (s.measure?.starts ?? s.completed ?? s.aware) - 5);
      conversations.push({
        municipality_id: m,
        id: randomUUID(),
        case_id: id,
        outcome: s.conversation,
        on_date: on,
        note: s.conversation === 'held' ? 'Barnet fortalte om sin hverdag og hvad der er svært.' : null,
        reason_not_held:
          s.conversation === 'notHeld'
            ? 'Barnet var for lille til en samtale; vi observerede i hjemmet.'
            : null,
        recorded_by: caseworkerId,
      });
      event(id, on, 'conversationRecorded', caseworkerId, { outcome: s.conversation });
    }
    if (s.measure) {
      const measureId = randomUUID();
      const startsOn = addDays(today, s.measure.starts);
      const endsOn = s.measure.ends === undefined ? null : addDays(today, s.measure.ends);
      measures.push({
        municipality_id: m,
        id: measureId,
        case_id: id,
        section: s.measure.section,
        title: s.measure.title,
        starts_on: startsOn,
        ends_on: endsOn,
        created_by: caseworkerId,
      });
      event(id, startsOn, 'measureAdded', caseworkerId, {
        section: s.measure.section,
        title: s.measure.title,
      });
      if (s.measure.section === 's32') {
        const due = followUpForMeasure({ startsOn, endsOn }, DEFAULT_DEADLINE_CONFIG);
        followUps.push({
          municipality_id: m,
          id: randomUUID(),
          case_id: id,
          measure_id: measureId,
          due_on: due,
          held_on: day(s.followUpHeld),
          note: s.followUpHeld === undefined ? null : 'Indsatsen virker. Vi fortsætter som aftalt.',
          held_by: s.followUpHeld === undefined ? null : caseworkerId,
        });
        if (s.followUpHeld !== undefined) {
          event(id, day(s.followUpHeld) as string, 'followUpHeld', caseworkerId, null);
          if (s.nextFollowUp !== undefined)
            followUps.push({
              municipality_id: m,
              id: randomUUID(),
              case_id: id,
              measure_id: measureId,
              due_on: addDays(today, s.nextFollowUp),
              held_on: null,
              note: null,
              held_by: null,
            });
        }
      }
    }
    if (s.plan !== undefined) {
      const planId = randomUUID();
      const madeOn = day(s.plan) as string;
      plans.push({
        municipality_id: m,
        id: planId,
        case_id: id,
        kind: ageOn(child.birth_date, madeOn) >= 16 ? 'youthPlan' : 'childPlan',
        child_wishes: rng.pick(WISHES),
        made_on: madeOn,
        created_by: caseworkerId,
      });
      const n = rng.int(2, 3);
      for (let g = 1; g <= n; g++) {
        const codes = rng.shuffle(input.protectiveCodes).slice(0, rng.int(1, 2));
        goals.push({
          municipality_id: m,
          plan_id: planId,
          position: g,
          text: `Barnet ${rng.pick(GOALS)}.`,
          factor_codes: `{${codes.join(',')}}`,
        });
      }
      event(id, madeOn, 'planSaved', caseworkerId, { goals: n });
    }
    if (s.closed !== undefined) event(id, day(s.closed) as string, 'closed', caseworkerId, null);
  }

  // Notifications the intake decided should become a § 20 child assessment: each opens a case in the first
  // team, aware from the day it was received (the rest of the demo's cases were opened directly).
  const first = input.teams[0];
  const fromNotifications = first
    ? await q.query(
        `SELECT n.id, n.child_id, (n.received_at AT TIME ZONE 'Europe/Copenhagen')::date::text AS aware_on
           FROM notifications n
          WHERE n.municipality_id = $1 AND n.decision = 'childAssessment' AND n.child_id IS NOT NULL
          ORDER BY n.received_at LIMIT 5`,
        [m],
      )
    : { rows: [] };
  fromNotifications.rows.forEach((n, i) => {
    if (!first) return;
    const caseworkerId = first.caseworkerIds[i % first.caseworkerIds.length] as string;
    const id = randomUUID();
    let reference = 'S-';
    for (let k = 0; k < 6; k++) reference += ALPHABET[rng.int(0, ALPHABET.length - 1)];
    cases.push({
      municipality_id: m,
      id,
      reference,
      child_id: n.child_id,
      notification_id: n.id,
      team_id: first.teamId,
      caseworker_id: caseworkerId,
      aware_on: n.aware_on,
      status: 'open',
      assessment_due_on: childAssessmentDue(n.aware_on, DEFAULT_DEADLINE_CONFIG),
      opened_by: caseworkerId,
      created_at: at(n.aware_on, 14),
    });
    event(id, n.aware_on, 'opened', caseworkerId, { notificationId: n.id, awareOn: n.aware_on });
  });

  await insertRows(
    q,
    'cases',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      reference: 'text',
      child_id: 'uuid',
      notification_id: 'uuid',
      team_id: 'uuid',
      caseworker_id: 'uuid',
      aware_on: 'date',
      status: 'case_status',
      assessment_due_on: 'date',
      assessment_completed_on: 'date',
      assessment_summary: 'text',
      preliminary_assessment: 'text',
      preliminary_recorded_on: 'date',
      closed_on: 'date',
      closed_reason: 'text',
      opened_by: 'uuid',
      created_at: 'timestamptz',
    },
    cases,
  );
  await insertRows(
    q,
    'child_conversations',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      case_id: 'uuid',
      outcome: 'text',
      on_date: 'date',
      note: 'text',
      reason_not_held: 'text',
      recorded_by: 'uuid',
    },
    conversations,
  );
  await insertRows(
    q,
    'case_measures',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      case_id: 'uuid',
      section: 'text',
      title: 'text',
      starts_on: 'date',
      ends_on: 'date',
      created_by: 'uuid',
    },
    measures,
  );
  await insertRows(
    q,
    'case_plans',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      case_id: 'uuid',
      kind: 'text',
      child_wishes: 'text',
      made_on: 'date',
      created_by: 'uuid',
    },
    plans,
  );
  // text[] columns do not pass through unnest of a text[][]; each goal's codes go in as an array literal.
  for (const g of goals)
    await q.query(
      'INSERT INTO plan_goals (municipality_id, plan_id, position, text, factor_codes) VALUES ($1, $2, $3, $4, $5::text[])',
      [g.municipality_id, g.plan_id, g.position, g.text, g.factor_codes],
    );
  await insertRows(
    q,
    'case_follow_ups',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      case_id: 'uuid',
      measure_id: 'uuid',
      due_on: 'date',
      held_on: 'date',
      note: 'text',
      held_by: 'uuid',
    },
    followUps,
  );
  await insertRows(
    q,
    'case_events',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      case_id: 'uuid',
      at: 'timestamptz',
      kind: 'text',
      actor_id: 'uuid',
      detail: 'jsonb',
    },
    events,
  );
  return cases.length;
}

/** The demo's caseworkers per team, from the seeded role assignments (the demo caseworker first). */
export function caseworkersByTeam(
  roleAssignments: readonly { user_id: string; role: string; team_id: string | null }[],
): { teamId: string; caseworkerIds: string[] }[] {
  const teams = new Map<string, string[]>();
  for (const a of roleAssignments) {
    if (a.role !== 'caseworker' || !a.team_id) continue;
    teams.set(a.team_id, [...(teams.get(a.team_id) ?? []), a.user_id]);
  }
  return [...teams].map(([teamId, caseworkerIds]) => ({ teamId, caseworkerIds }));
}
