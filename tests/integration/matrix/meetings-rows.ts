import type { TRole } from '../../../src/shared/permissions.ts';
import { addDays, childRead, env, read, setUp, type TEndpoint, today } from './types.ts';

/**
 * Consents, meetings, my work and practice analytics (issue 4). A meeting is seen only by its participants:
 * the 'own' meeting has the demo unit leader as organiser and the professional, caseworker and casework
 * manager taking part; the 'other' meeting has none of them.
 */

const MEETING_PEOPLE: TRole[] = ['professional', 'caseworker', 'caseworkManager'];

const asLeader = (method: string, url: string, payload: unknown) =>
  setUp(env.f.sessions.unitLeader, method, url, payload);

/** A meeting of the leader's unit a week ahead, the meeting people taking part. */
async function ownMeeting(): Promise<string> {
  const { id } = await asLeader('POST', '/api/v1/meetings', {
    title: 'Matrixmøde',
    unitId: env.f.leaderUnitId,
    meetingOn: addDays(today(), 7),
    participants: MEETING_PEOPLE.map((role) => ({
      userId: env.f.sessions[role].user.id,
      profession: role === 'professional' ? 'teacher' : 'socialWorker',
    })),
  });
  return id;
}

async function anonymousItem(meetingId: string): Promise<string> {
  return (
    await asLeader('POST', `/api/v1/meetings/${meetingId}/items`, {
      kind: 'anonymous',
      topic: 'En pige i 2. klasse trækker sig',
    })
  ).id;
}

let named: Promise<string> | undefined;
/** A child of the leader's unit that is no role's 'other' child (meetings about it open it to participants). */
function meetingChild(): Promise<string> {
  named ??= env.t.db.pool
    .query(
      `SELECT e.child_id FROM enrolments e WHERE e.municipality_id = $1 AND e.unit_id = $2
          AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)
          AND e.child_id <> ALL($3::uuid[])
        ORDER BY e.child_id DESC LIMIT 1`,
      [env.f.demoId, env.f.leaderUnitId, Object.values(env.f.otherChild)],
    )
    .then(({ rows }) => rows[0].child_id);
  return named;
}

/** A named item on the legal basis: every participant sees the child up to the meeting day. */
async function namedItem(meetingId: string): Promise<{ itemId: string; childId: string }> {
  const childId = await meetingChild();
  const { id } = await asLeader('POST', `/api/v1/meetings/${meetingId}/items`, {
    kind: 'named',
    childId,
    basis: 'legalBasis',
    followUpReason: 'Matrixens opfølgning',
    topic: 'Trivsel',
  });
  return { itemId: id, childId };
}

/** An action owned by the role's user when they take part, else by the professional (the leader organises). */
async function action(role: TRole, itemId: string): Promise<string> {
  const owner = MEETING_PEOPLE.includes(role) ? role : 'professional';
  return (
    await asLeader('POST', `/api/v1/meeting-items/${itemId}/actions`, {
      title: 'Ring til skolen',
      ownerId: env.f.sessions[owner].user.id,
      dueOn: addDays(today(), 14),
    })
  ).id;
}

let other: Promise<{ meetingId: string; itemId: string; actionId: string }> | undefined;

/** A meeting, item and action none of the Demo logins takes part in (made once; asking changes nothing). */
function otherMeeting(): Promise<{ meetingId: string; itemId: string; actionId: string }> {
  other ??= (async () => {
    const meetingId = await ownMeeting();
    const itemId = await anonymousItem(meetingId);
    const actionId = await action('professional', itemId);
    await env.t.db.pool.query(
      `UPDATE meetings SET organiser_id = (SELECT id FROM users WHERE municipality_id = $1 AND email = 'caseworker4@demo.beskyt.test')
        WHERE municipality_id = $1 AND id = $2`,
      [env.f.demoId, meetingId],
    );
    await env.t.db.pool.query(
      'DELETE FROM meeting_participants WHERE municipality_id = $1 AND meeting_id = $2',
      [env.f.demoId, meetingId],
    );
    return { meetingId, itemId, actionId };
  })();
  return other;
}

async function itemFor(child: 'own' | 'other', allowed: boolean): Promise<string> {
  if (child === 'other' || !allowed) return (await otherMeeting()).itemId;
  return anonymousItem(await ownMeeting());
}

/** A custodian of the child (the consent's giver). */
async function custodian(childId: string): Promise<string> {
  const { rows } = await env.t.db.pool.query(
    'SELECT guardian_id FROM child_guardians WHERE municipality_id = $1 AND child_id = $2 AND has_custody LIMIT 1',
    [env.f.demoId, childId],
  );
  if (!rows[0]) throw new Error(`child ${childId} has no custodian`);
  return rows[0].guardian_id;
}

const consentBody = (guardianId: string) => ({
  guardianIds: [guardianId],
  infoKinds: ['concerns', 'wellbeing'],
  recipientProfessions: ['teacher', 'pedagogue'],
  recipientUnitIds: [],
  purpose: 'Tværfagligt møde om trivsel',
  signedOn: today(),
  validFrom: today(),
  validTo: addDays(today(), 180),
});

async function consent(childId: string): Promise<string> {
  const { rows } = await env.t.db.pool.query(
    `INSERT INTO consents (municipality_id, child_id, guardian_ids, info_kinds, recipient_professions, purpose, signed_on,
                           valid_from, valid_to, created_by)
     VALUES ($1, $2, ARRAY[$3::uuid], ARRAY['concerns'], ARRAY['teacher'], 'Matrixsamtykke', current_date, current_date,
             current_date + 90, $4) RETURNING id`,
    [env.f.demoId, childId, await custodian(childId), env.f.sessions.unitLeader.user.id],
  );
  return rows[0].id;
}

let shared: Promise<string> | undefined;
/** One consent for the refused roles and anonymous callers (they never reach it). */
function sharedConsent(): Promise<string> {
  shared ??= consent(env.f.ownChild.unitLeader);
  return shared;
}

const childOf = (role: TRole, child: 'own' | 'other') =>
  child === 'own' ? env.f.ownChild[role] : env.f.otherChild[role];

const MINUTES = {
  version: 1,
  worried: 'Trækker sig i frikvarteret',
  workingWell: 'God kontakt til en voksen',
  nextSteps: 'Samtale med forældrene',
  scaling: 4,
  decisions: 'Læreren følger op',
  followUpOn: null,
};

export const MEETINGS_ROWS: TEndpoint[] = [
  read('/api/v1/meetings', '?scope=all'),
  {
    method: 'POST',
    path: '/api/v1/meetings',
    success: 201,
    request: () => ({
      url: '/api/v1/meetings',
      payload: {
        title: 'Nyt møde',
        unitId: env.f.leaderUnitId,
        meetingOn: addDays(today(), 3),
        participants: [],
      },
    }),
  },
  read('/api/v1/meetings/concern-candidates'),
  read('/api/v1/meetings/people'),
  read('/api/v1/my-work'),
  read('/api/v1/practice-analytics', '?groupBy=profession'),
  read('/api/v1/practice-analytics.xlsx'),
  ...(['own', 'other'] as const).flatMap((child): TEndpoint[] => {
    const label = ` (${child === 'own' ? 'a meeting they take part in' : 'a meeting they have no part in'})`;
    const childLabel = ` (${child} child)`;
    return [
      {
        method: 'GET',
        path: '/api/v1/meetings/:id',
        label,
        success: 200,
        child,
        request: async (_role, _f, allowed) => ({
          url: `/api/v1/meetings/${child === 'own' && allowed ? await ownMeeting() : (await otherMeeting()).meetingId}`,
        }),
      },
      {
        method: 'POST',
        path: '/api/v1/meetings/:id/items',
        label,
        success: 201,
        child,
        request: async (_role, _f, allowed) => ({
          url: `/api/v1/meetings/${child === 'own' && allowed ? await ownMeeting() : (await otherMeeting()).meetingId}/items`,
          payload: { kind: 'anonymous', topic: 'En dreng i 3. klasse' },
        }),
      },
      {
        method: 'GET',
        path: '/api/v1/meeting-items/:id/child',
        label,
        success: 200,
        child,
        request: async (_role, _f, allowed) => ({
          url: `/api/v1/meeting-items/${child === 'own' && allowed ? (await namedItem(await ownMeeting())).itemId : (await otherMeeting()).itemId}/child`,
        }),
      },
      {
        method: 'PUT',
        path: '/api/v1/meeting-items/:id/minutes',
        label,
        success: 200,
        child,
        request: async (_role, _f, allowed) => ({
          url: `/api/v1/meeting-items/${await itemFor(child, allowed)}/minutes`,
          payload: MINUTES,
        }),
      },
      {
        method: 'POST',
        path: '/api/v1/meeting-items/:id/actions',
        label,
        success: 201,
        child,
        request: async (role, _f, allowed) => ({
          url: `/api/v1/meeting-items/${await itemFor(child, allowed)}/actions`,
          payload: { title: 'Følg op', ownerId: env.f.sessions[role].user.id, dueOn: addDays(today(), 7) },
        }),
      },
      {
        method: 'POST',
        path: '/api/v1/meeting-items/:id/follow-up',
        label,
        success: 200,
        child,
        request: async (_role, _f, allowed) => {
          const itemId = await itemFor(child, allowed);
          // The minutes set a follow-up date; the follow-up is recorded against it.
          if (child === 'own' && allowed)
            await env.t.db.pool.query(
              'UPDATE meeting_items SET follow_up_on = current_date + 42 WHERE municipality_id = $1 AND id = $2',
              [env.f.demoId, itemId],
            );
          return {
            url: `/api/v1/meeting-items/${itemId}/follow-up`,
            payload: { version: 1, helped: 'partly', scalingAfter: 6 },
          };
        },
      },
      {
        method: 'PATCH',
        path: '/api/v1/meeting-actions/:id',
        label: ` (${child === 'own' ? 'an action they own or organised' : 'an action of a meeting they have no part in'})`,
        success: 200,
        child,
        request: async (role, _f, allowed) => ({
          url: `/api/v1/meeting-actions/${child === 'own' && allowed ? await action(role, await anonymousItem(await ownMeeting())) : (await otherMeeting()).actionId}`,
          payload: { version: 1, status: 'done' },
        }),
      },
      {
        method: 'GET',
        path: '/api/v1/children/:id/meetings',
        label:
          child === 'own' ? ' (a child in their unit or named at a meeting they take part in)' : childLabel,
        success: 200,
        child,
        request: async (role, _f, allowed) => {
          if (child === 'other') return { url: `/api/v1/children/${env.f.otherChild[role]}/meetings` };
          // Roles without units see a child through a meeting on the legal basis they take part in.
          const viaMeeting = allowed && MEETING_PEOPLE.includes(role) && role !== 'professional';
          const id = viaMeeting ? (await namedItem(await ownMeeting())).childId : env.f.ownChild[role];
          return { url: `/api/v1/children/${id}/meetings` };
        },
      },
      childRead(child, '/consents'),
      {
        method: 'POST',
        path: '/api/v1/children/:id/consents',
        label: childLabel,
        success: 201,
        child,
        request: async (role) => {
          const id = childOf(role, child);
          return { url: `/api/v1/children/${id}/consents`, payload: consentBody(await custodian(id)) };
        },
      },
      {
        method: 'POST',
        path: '/api/v1/consents/:id/withdraw',
        label: ` (a consent for an ${child} child)`,
        success: 200,
        child,
        request: async (role, _f, allowed) => ({
          url: `/api/v1/consents/${child === 'own' && !allowed ? await sharedConsent() : await consent(childOf(role, child))}/withdraw`,
          payload: { version: 1 },
        }),
      },
    ];
  }),
];
