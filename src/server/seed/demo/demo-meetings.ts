import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { insertRows } from '../bulk-insert.ts';
import { addDays } from '../dates.ts';
import type { Rng } from '../rng.ts';

export interface TDemoMeetingsInput {
  municipalityId: string;
  rng: Rng;
  /** The demo unit leader's school: meetings are held there. */
  schoolId: string;
  leaderId: string;
  professionalId: string;
  caseworkerId: string;
  today: string;
}

const WORRIED = [
  'Trækker sig fra legen i frikvartererne og virker trist.',
  'Kommer ofte for sent og har svært ved at koncentrere sig.',
  'Konflikter med kammerater er blevet hyppigere den sidste måned.',
  'Virker træt og sulten om morgenen.',
];
const WORKING = [
  'God kontakt til klasselæreren; deltager gerne i idræt.',
  'Forældrene er samarbejdsvillige og kommer til møder.',
  'Har en fast ven i klassen.',
  'Glad for fritidsklubben.',
];
const NEXT = [
  'Samtale med forældrene om morgenrutiner.',
  'PPR inddrages til observation i klassen.',
  'Sundhedsplejersken tilbyder en samtale.',
  'Fast voksen i frikvartererne i fire uger.',
];
const ACTIONS = [
  'Indkalde forældrene til samtale',
  'Aftale observation med PPR',
  'Følge op på fravær ugentligt',
  'Henvise til fritidsklub',
  'Sende referat til forældrene',
];
const ANONYMOUS = [
  'Dreng i 4. klasse med stigende fravær og uro; hvordan griber vi det an?',
  'Pige i 2. klasse der ofte fortæller om voldsomme skænderier derhjemme.',
  'Elev i udskolingen der isolerer sig og har tabt sig.',
];

/**
 * Consents (valid, expired, withdrawn) and interdisciplinary meetings with history at the demo leader's
 * school: past meetings with minutes, actions in every status and follow-ups (helped yes/partly/no, some
 * missed); two upcoming meetings. Named items use a consent or the legal basis (each child once); level-3
 * concerns already recorded in the school are linked where they came before the meeting, and some are left
 * waiting for a meeting. Runs after the demo concerns.
 */
export async function seedDemoMeetings(
  q: Queryable,
  input: TDemoMeetingsInput,
): Promise<{ meetings: number }> {
  const { municipalityId: m, rng, today } = input;
  const { rows: kids } = await q.query(
    `SELECT DISTINCT ON (e.child_id) e.child_id, cg.guardian_id,
            (SELECT min(k.created_at)::date::text FROM concerns k WHERE k.municipality_id = e.municipality_id AND k.child_id = e.child_id) AS concern_on
       FROM enrolments e JOIN child_guardians cg ON cg.municipality_id = e.municipality_id AND cg.child_id = e.child_id AND cg.has_custody
      WHERE e.municipality_id = $1 AND e.unit_id = $2 AND e.from_date <= $3::date AND (e.to_date IS NULL OR e.to_date >= $3::date)
      ORDER BY e.child_id, cg.guardian_id`,
    [m, input.schoolId, today],
  );
  if (kids.length < 20) return { meetings: 0 };
  // Children with a concern first: their meetings follow from it.
  kids.sort((a, b) => (a.concern_on ?? '9999').localeCompare(b.concern_on ?? '9999'));
  const { rows: concerns } = await q.query(
    `SELECT id, child_id, created_at::date::text AS day FROM concerns
      WHERE municipality_id = $1 AND unit_id = $2 AND level = 3 ORDER BY created_at`,
    [m, input.schoolId],
  );

  const consents: Record<string, unknown>[] = [];
  const consentOf = new Map<string, { id: string; validTo: string }>();
  const statusFor = (i: number) => (i < 6 ? 'valid' : i < 8 ? 'expired' : 'withdrawn');
  for (const [i, k] of kids.slice(0, 9).entries()) {
    const status = statusFor(i);
    const validFrom = addDays(today, status === 'valid' ? -200 : -400);
    const validTo = addDays(today, status === 'expired' ? -20 : 165);
    const id = randomUUID();
    consents.push({
      municipality_id: m,
      id,
      child_id: k.child_id,
      guardian_ids: `{${k.guardian_id}}`,
      info_kinds: i % 2 === 0 ? '{concerns,wellbeing,meetings}' : '{concerns,wellbeing}',
      recipient_unit_ids: `{${input.schoolId}}`,
      recipient_professions: i % 3 === 0 ? '{teacher,pedagogue,socialWorker}' : '{teacher,pedagogue}',
      purpose: 'Tværfagligt møde om barnets trivsel og skolegang',
      signed_on: validFrom,
      valid_from: validFrom,
      valid_to: validTo,
      created_by: input.leaderId,
      created_at: `${validFrom}T10:00:00+01:00`,
      withdrawn_at: status === 'withdrawn' ? `${addDays(today, -30)}T12:00:00+01:00` : null,
      withdrawn_by: status === 'withdrawn' ? input.leaderId : null,
      expired_at: status === 'expired' ? `${addDays(today, -19)}T00:05:00+01:00` : null,
    });
    if (status !== 'withdrawn') consentOf.set(k.child_id, { id, validTo });
  }

  const meetings: Record<string, unknown>[] = [];
  const participants: Record<string, unknown>[] = [];
  const items: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  const usedConcerns = new Set<string>();
  const extraConcerns: Record<string, unknown>[] = [];
  const legalBasisKids = kids.slice(9);
  let legalNext = 0;
  const legalUsed = new Set<string>();
  const nextLegalChild = (): string | undefined => {
    while (legalNext < legalBasisKids.length) {
      const k = legalBasisKids[legalNext++];
      if (k && !legalUsed.has(k.child_id)) return k.child_id;
    }
    return undefined;
  };
  const people = [
    { id: input.leaderId, profession: 'leader' },
    { id: input.professionalId, profession: 'teacher' },
    { id: input.caseworkerId, profession: 'socialWorker' },
  ];
  const offsets = [-150, -120, -90, -60, -30, -9, 5, 19];
  for (const [n, offset] of offsets.entries()) {
    const meetingOn = addDays(today, offset);
    const past = offset < 0;
    const meetingId = randomUUID();
    meetings.push({
      municipality_id: m,
      id: meetingId,
      title: n % 2 === 0 ? 'Tværfagligt møde' : 'Trivselsmøde med sundhedspleje og PPR',
      unit_id: input.schoolId,
      meeting_on: meetingOn,
      starts_at: n % 2 === 0 ? '09:00' : '13:30',
      organiser_id: input.leaderId,
      status: past ? 'held' : 'planned',
      created_at: `${addDays(meetingOn, -14)}T08:00:00+01:00`,
    });
    for (const p of people)
      participants.push({
        municipality_id: m,
        meeting_id: meetingId,
        user_id: p.id,
        profession: p.profession,
      });
    const agenda: { childId: string | null; basis: string | null; consentId: string | null }[] = [];
    const withConsent = [...consentOf.entries()].filter(([, c]) => c.validTo >= meetingOn);
    const consentKid = withConsent[n % Math.max(1, withConsent.length)];
    if (consentKid) agenda.push({ childId: consentKid[0], basis: 'consent', consentId: consentKid[1].id });
    // A level-3 concern recorded before the meeting brings its child onto the agenda; else the next child.
    const waiting = concerns.find(
      (c) => c.day <= meetingOn && !legalUsed.has(c.child_id) && !consentOf.has(c.child_id),
    );
    const legalChild: string | undefined = waiting?.child_id ?? nextLegalChild();
    if (legalChild) {
      legalUsed.add(legalChild);
      agenda.push({ childId: legalChild, basis: 'legalBasis', consentId: null });
    }
    agenda.push({ childId: null, basis: null, consentId: null });
    for (const [pos, a] of agenda.entries()) {
      const itemId = randomUUID();
      // Concerns recorded before a held meeting are linked to its item; later ones wait for the leader.
      const concern = past
        ? concerns.find(
            (c) => (c.child_id ?? null) === a.childId && c.day <= meetingOn && !usedConcerns.has(c.id),
          )
        : undefined;
      if (concern) usedConcerns.add(concern.id);
      // A held meeting about a named child came from a concern: where none is recorded, the teacher's is.
      let concernId: string | null = concern?.id ?? null;
      if (past && a.childId && !concern) {
        concernId = randomUUID();
        extraConcerns.push({
          municipality_id: m,
          id: concernId,
          child_id: a.childId,
          created_by: input.professionalId,
          unit_id: input.schoolId,
          profession: 'teacher',
          signs: rng.pick([
            '{withdrawn}',
            '{unconcentrated,beginningAbsence}',
            '{actingOut}',
            '{emotionallyUnbalanced}',
          ]),
          description: rng.pick(WORRIED),
          level: 3,
          action_code: 'interdisciplinaryMeeting',
          action_text: 'Tværfagligt møde',
          created_at: `${addDays(meetingOn, -rng.int(4, 30))}T09:30:00+01:00`,
        });
      }
      const scaling = rng.int(2, 7);
      const followUpOn = addDays(meetingOn, 42);
      const followedUp = past && followUpOn < today && rng.chance(0.8);
      const helped = followedUp ? (rng.next() < 0.4 ? 'yes' : rng.next() < 0.67 ? 'partly' : 'no') : null;
      items.push({
        municipality_id: m,
        id: itemId,
        meeting_id: meetingId,
        position: pos + 1,
        kind: a.childId ? 'named' : 'anonymous',
        child_id: a.childId,
        basis: a.basis,
        consent_id: a.consentId,
        concern_id: concernId,
        topic: a.childId ? 'Trivsel, fravær og samarbejdet med hjemmet' : rng.pick(ANONYMOUS),
        worried: past ? rng.pick(WORRIED) : '',
        working_well: past ? rng.pick(WORKING) : '',
        next_steps: past ? rng.pick(NEXT) : '',
        scaling: past ? scaling : null,
        decisions: past ? 'Handlingerne nedenfor aftalt; opfølgning om seks uger.' : '',
        follow_up_on: past ? followUpOn : null,
        helped,
        scaling_after: helped
          ? Math.min(10, scaling + (helped === 'yes' ? 3 : helped === 'partly' ? 1 : 0))
          : null,
        followed_up_at: helped ? `${followUpOn}T14:00:00+01:00` : null,
        followed_up_by: helped ? input.leaderId : null,
        minutes_by: past ? input.professionalId : null,
        minutes_at: past ? `${meetingOn}T15:00:00+01:00` : null,
        created_by: input.leaderId,
        created_at: `${addDays(meetingOn, -7)}T08:00:00+01:00`,
      });
      if (!past) continue;
      for (let j = 0; j < (a.childId ? 2 : 1); j++) {
        const dueOn = addDays(meetingOn, 14 * (j + 1));
        const owner = people[(n + pos + j) % people.length]?.id ?? input.professionalId;
        let status = 'open';
        let doneOn: string | null = null;
        if (dueOn < today) {
          const r = rng.next();
          if (r < 0.6) [status, doneOn] = ['done', addDays(dueOn, -rng.int(0, 5))];
          else if (r < 0.75) [status, doneOn] = ['done', addDays(dueOn, rng.int(2, 8))];
          else if (r < 0.87) status = 'open';
          else if (r < 0.94) status = 'inProgress';
          else status = 'cancelled';
          if (doneOn && doneOn > today) doneOn = today;
        } else status = rng.chance(0.5) ? 'inProgress' : 'open';
        actions.push({
          municipality_id: m,
          id: randomUUID(),
          item_id: itemId,
          title: ACTIONS[(n + pos + j) % ACTIONS.length],
          owner_id: owner,
          due_on: dueOn,
          status,
          done_on: doneOn,
          created_by: input.professionalId,
          created_at: `${meetingOn}T15:30:00+01:00`,
        });
      }
    }
  }

  // The array columns travel as array literals (text) and are cast in the insert.
  await q.query(
    `INSERT INTO consents (municipality_id, id, child_id, guardian_ids, info_kinds, recipient_unit_ids, recipient_professions, purpose, signed_on, valid_from, valid_to, created_by, created_at, withdrawn_at, withdrawn_by, expired_at)
     SELECT t.municipality_id, t.id, t.child_id, t.guardian_ids::uuid[], t.info_kinds::text[], t.recipient_unit_ids::uuid[], t.recipient_professions::text[], t.purpose, t.signed_on, t.valid_from, t.valid_to, t.created_by, t.created_at, t.withdrawn_at, t.withdrawn_by, t.expired_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::date[], $11::date[], $12::uuid[], $13::timestamptz[], $14::timestamptz[], $15::uuid[], $16::timestamptz[]) AS t(municipality_id, id, child_id, guardian_ids, info_kinds, recipient_unit_ids, recipient_professions, purpose, signed_on, valid_from, valid_to, created_by, created_at, withdrawn_at, withdrawn_by, expired_at)`,
    [
      'municipality_id',
      'id',
      'child_id',
      'guardian_ids',
      'info_kinds',
      'recipient_unit_ids',
      'recipient_professions',
      'purpose',
      'signed_on',
      'valid_from',
      'valid_to',
      'created_by',
      'created_at',
      'withdrawn_at',
      'withdrawn_by',
      'expired_at',
    ].map((c) => consents.map((r) => r[c] ?? null)),
  );
  const concernCols = [
    'municipality_id',
    'id',
    'child_id',
    'created_by',
    'unit_id',
    'profession',
    'signs',
    'description',
    'level',
    'action_code',
    'action_text',
    'created_at',
  ];
  await q.query(
    `INSERT INTO concerns (${concernCols.join(', ')})
     SELECT t.municipality_id, t.id, t.child_id, t.created_by, t.unit_id, t.profession, t.signs::text[], t.description,
            t.level, t.action_code, t.action_text, t.created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                   $9::smallint[], $10::text[], $11::text[], $12::timestamptz[])
         AS t(municipality_id, id, child_id, created_by, unit_id, profession, signs, description, level, action_code,
              action_text, created_at)`,
    concernCols.map((c) => extraConcerns.map((r) => r[c] ?? null)),
  );
  await insertRows(
    q,
    'meetings',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      title: 'text',
      unit_id: 'uuid',
      meeting_on: 'date',
      starts_at: 'time',
      organiser_id: 'uuid',
      status: 'text',
      created_at: 'timestamptz',
    },
    meetings,
  );
  await insertRows(
    q,
    'meeting_participants',
    { municipality_id: 'uuid', meeting_id: 'uuid', user_id: 'uuid', profession: 'text' },
    participants,
  );
  await insertRows(
    q,
    'meeting_items',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      meeting_id: 'uuid',
      position: 'smallint',
      kind: 'text',
      child_id: 'uuid',
      basis: 'text',
      consent_id: 'uuid',
      concern_id: 'uuid',
      topic: 'text',
      worried: 'text',
      working_well: 'text',
      next_steps: 'text',
      scaling: 'smallint',
      decisions: 'text',
      follow_up_on: 'date',
      helped: 'text',
      scaling_after: 'smallint',
      followed_up_at: 'timestamptz',
      followed_up_by: 'uuid',
      minutes_by: 'uuid',
      minutes_at: 'timestamptz',
      created_by: 'uuid',
      created_at: 'timestamptz',
    },
    items,
  );
  await insertRows(
    q,
    'meeting_actions',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      item_id: 'uuid',
      title: 'text',
      owner_id: 'uuid',
      due_on: 'date',
      status: 'text',
      done_on: 'date',
      created_by: 'uuid',
      created_at: 'timestamptz',
    },
    actions,
  );
  return { meetings: meetings.length };
}
