import { randomUUID } from 'node:crypto';
import {
  DEFAULT_DEADLINE_CONFIG,
  notificationAssessmentDue,
  receiptDue,
} from '../../../domain/deadlines/index.ts';
import type { Queryable } from '../../db/client.ts';
import { insertAlert } from '../../modules/alerts/insert-alert.ts';
import { insertRows } from '../bulk-insert.ts';
import type { TPopulation } from '../population.ts';
import type { Rng } from '../rng.ts';

export interface TDemoNotificationsInput {
  municipalityId: string;
  rng: Rng;
  people: Pick<TPopulation, 'children' | 'households' | 'childHouseholds' | 'enrolments'>;
  professional: { id: string; unitIds: string[] };
  unitLeader: { id: string; unitIds: string[] };
  caseworkerId: string;
  managerId: string;
  now?: Date;
}

type TState =
  | 'new'
  | 'overdue'
  | 'escalated'
  | 'assessed'
  | 'noFurtherAction'
  | 'screening'
  | 'childAssessment'
  | 'acuteMeasure';

const DESCRIPTIONS = [
  'Barnet kommer ofte sultent i skole og har ikke madpakke med. Har flere gange fortalt, at der ikke er mad derhjemme.',
  'Barnet har blå mærker på overarmene og vil ikke fortælle, hvordan det er sket. Virker bange ved afhentning.',
  'Der er høje råb og gråd fra lejligheden flere aftener om ugen. Barnet er set alene udenfor sent om aftenen.',
  'Den unge har et stort fravær og fortæller om en mor, der ikke står op om morgenen. Virker træt og trist.',
  'Barnet er blevet meget indadvendt efter sommerferien og siger, at far er blevet "sur hele tiden".',
  'Forælder mødte beruset op til afhentning i børnehaven og kørte derfra i bil med barnet.',
  'Barnet har fortalt en pædagog om voldsomme skænderier, hvor mor blev slået.',
  'Den unge er set sammen med ældre unge, der sælger hash, og er ikke mødt i skole i to uger.',
];
const KINDS = ['school', 'daycare', 'health', 'police', 'hospital', 'other'] as const;
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const HOUR = 3_600_000;

/** Demo notifications in every state — new with hours left, overdue, escalated, assessed, each decision — with history. */
export async function seedDemoNotifications(q: Queryable, input: TDemoNotificationsInput): Promise<number> {
  const { rng, people, municipalityId: m } = input;
  const now = input.now ?? new Date();
  const address = new Map<string, string>();
  const households = new Map(
    people.households.map((h) => [h.id, `${h.address}, ${h.postal_code} ${h.city}`]),
  );
  for (const ch of people.childHouseholds)
    if (ch.is_primary) address.set(ch.child_id, households.get(ch.household_id) ?? '');
  const inUnit = (unitIds: string[]) =>
    people.children.filter((c) =>
      people.enrolments.some((e) => e.child_id === c.id && unitIds.includes(e.unit_id) && !e.to_date),
    );
  const profChildren = inUnit(input.professional.unitIds);
  const pool = profChildren.length > 0 ? profChildren : people.children;
  const repeated = rng.pick(pool);
  const references = new Set<string>();
  const reference = () => {
    let r = '';
    do r = `U-${Array.from({ length: 6 }, () => rng.pick([...ALPHABET])).join('')}`;
    while (references.has(r));
    references.add(r);
    return r;
  };

  // [state, hours since received, source, unmatched]
  const plan: [TState, number, 'professional' | 'citizen', boolean][] = [
    ['new', 2, 'citizen', true],
    ['new', 6, 'professional', false],
    ['new', 15, 'citizen', false],
    ['new', 21, 'professional', false],
    ['overdue', 27, 'citizen', true],
    ['escalated', 40, 'professional', false],
    ['escalated', 52, 'citizen', false],
    ['assessed', 10, 'professional', false],
    ['assessed', 30, 'citizen', false],
    ['noFurtherAction', 24 * 3, 'citizen', false],
    ['screening', 24 * 6, 'professional', false],
    ['childAssessment', 24 * 10, 'professional', false],
    ['acuteMeasure', 24 * 2, 'professional', false],
    ['noFurtherAction', 24 * 40, 'professional', false],
    ['childAssessment', 24 * 75, 'citizen', false],
    ['screening', 24 * 120, 'professional', false],
    ['noFurtherAction', 24 * 160, 'citizen', false],
  ];
  const rows: Record<string, unknown>[] = [];
  plan.forEach(([state, hoursAgo, source, unmatched], i) => {
    // Three of the notifications are about the same child: repeats show on the queue.
    const child =
      i === 1 || i === 11 || i === 15
        ? repeated
        : rng.pick(source === 'professional' ? pool : people.children);
    const receivedAt = new Date(now.getTime() - hoursAgo * HOUR - rng.int(0, 50) * 60_000);
    const dueAt = notificationAssessmentDue(receivedAt, DEFAULT_DEADLINE_CONFIG);
    const assessed = state !== 'new' && state !== 'overdue' && state !== 'escalated';
    const assessedAt = assessed
      ? new Date(receivedAt.getTime() + (i % 5 === 0 ? 26 : rng.int(1, 20)) * HOUR)
      : null;
    const decided = assessed && state !== 'assessed';
    const professional = source === 'professional';
    const notifier = i % 4 === 3 ? input.unitLeader : input.professional;
    const anonymous = !professional && i % 2 === 0;
    rows.push({
      municipality_id: m,
      id: randomUUID(),
      reference: reference(),
      source,
      notifier_kind: professional ? KINDS[i % KINDS.length] : null,
      notifier_user_id: professional ? notifier.id : null,
      notifier_unit_id: professional ? (notifier.unitIds[0] ?? null) : null,
      anonymous,
      notifier_name:
        professional || anonymous ? null : rng.pick(['Hanne Nabo', 'Jens Frandsen', 'Mette Holm']),
      notifier_phone: professional || anonymous ? null : `2${rng.int(1000000, 9999999)}`,
      notifier_relation: professional ? null : rng.pick(['Nabo', 'Moster', 'Træner i fodboldklubben']),
      child_id: unmatched ? null : child.id,
      child_cpr_encrypted: !unmatched && i % 3 === 0 ? child.cpr_encrypted : null,
      child_cpr_hash: !unmatched && i % 3 === 0 ? child.cpr_hash : null,
      child_name: !unmatched && i % 3 === 0 ? null : `${child.first_name} ${child.last_name}`,
      child_birth_date: !unmatched && i % 3 === 0 ? null : child.birth_date,
      child_address: !unmatched && i % 3 === 0 ? null : (address.get(child.id) ?? null),
      description: DESCRIPTIONS[i % DESCRIPTIONS.length],
      received_at: receivedAt,
      assessment_due_at: dueAt,
      receipt_due_on: professional ? receiptDue(receivedAt, DEFAULT_DEADLINE_CONFIG) : null,
      matched_at: unmatched ? null : receivedAt,
      matched_by: unmatched || professional ? null : input.caseworkerId,
      assessed_at: assessedAt,
      assessed_by: assessed ? input.caseworkerId : null,
      health_at_risk: assessed ? state !== 'noFurtherAction' : null,
      acute_needed: assessed ? state === 'acuteMeasure' : null,
      assessment_note: assessed ? 'Vurderet ud fra underretningen og tidligere oplysninger.' : null,
      decision: decided ? state : null,
      decided_at: decided && assessedAt ? new Date(assessedAt.getTime() + rng.int(2, 48) * HOUR) : null,
      decided_by: decided ? input.managerId : null,
      decision_note: decided ? 'Afgørelse truffet på baggrund af 24-timersvurderingen.' : null,
      escalated_at: state === 'escalated' ? dueAt : null,
    });
  });
  await insertRows(
    q,
    'notifications',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      reference: 'text',
      source: 'notification_source',
      notifier_kind: 'notifier_kind',
      notifier_user_id: 'uuid',
      notifier_unit_id: 'uuid',
      anonymous: 'boolean',
      notifier_name: 'text',
      notifier_phone: 'text',
      notifier_relation: 'text',
      child_id: 'uuid',
      child_cpr_encrypted: 'bytea',
      child_cpr_hash: 'bytea',
      child_name: 'text',
      child_birth_date: 'date',
      child_address: 'text',
      description: 'text',
      received_at: 'timestamptz',
      assessment_due_at: 'timestamptz',
      receipt_due_on: 'date',
      matched_at: 'timestamptz',
      matched_by: 'uuid',
      assessed_at: 'timestamptz',
      assessed_by: 'uuid',
      health_at_risk: 'boolean',
      acute_needed: 'boolean',
      assessment_note: 'text',
      decision: 'notification_decision',
      decided_at: 'timestamptz',
      decided_by: 'uuid',
      decision_note: 'text',
      escalated_at: 'timestamptz',
    },
    rows,
  );
  // The escalated ones have raised their alert to the manager, as the job does.
  for (const r of rows) {
    if (!r.escalated_at) continue;
    await insertAlert(q, {
      municipalityId: m,
      userId: input.managerId,
      // The intake sees notifications by its permission, not through a child relation: the alert names
      // the notification only, so the alerts list (filtered by child relation) shows it to the manager.
      childId: null,
      kind: 'overdue',
      reason: {
        code: 'notificationOverdue',
        params: { reference: r.reference as string, dueAt: (r.assessment_due_at as Date).toISOString() },
      },
      link: `/underretninger/${r.id}`,
      dedupeKey: `notification-overdue:${r.id}`,
    });
  }
  return rows.length;
}
