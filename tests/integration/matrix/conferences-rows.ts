import type { TRole } from '../../../src/shared/permissions.ts';
import { addDays, env, read, type TEndpoint, today } from './types.ts';

/**
 * Family group conferences (issue 16, item 4). Units refer preventive conferences of the children they see and
 * decide on the plans they referred; caseworkers and managers refer in their team's cases and decide on those
 * plans; a coordinator (the external conference coordinator, a professional or a caseworker named as such) runs
 * the conferences they coordinate. 'own' is such a conference, 'other' one about a child outside the role's
 * relations, coordinated and referred by someone else (404).
 */

const CASE_ROLES: TRole[] = ['caseworker', 'caseworkManager'];
const COORDINATORS: TRole[] = ['professional', 'caseworker', 'conferenceCoordinator'];

let teamCasePromise: Promise<{ childId: string; caseId: string }> | undefined;
/** An open case of the demo caseworker's (and casework manager's) team. */
function teamCase(): Promise<{ childId: string; caseId: string }> {
  teamCasePromise ??= env.t.db.pool
    .query(
      `SELECT k.id, k.child_id FROM cases k JOIN role_assignments ra ON ra.municipality_id = k.municipality_id
          AND ra.team_id = k.team_id AND ra.user_id = $2
        WHERE k.municipality_id = $1 AND k.status = 'open' ORDER BY k.child_id LIMIT 1`,
      [env.f.demoId, env.f.sessions.caseworker.user.id],
    )
    .then(({ rows }) => ({ childId: rows[0].child_id, caseId: rows[0].id }));
  return teamCasePromise;
}

const userOf = (role: TRole) => env.f.sessions[role].user.id;

/** A conference in `phase`: the role's own (their child or case, coordinated or referred by them), or another. */
async function conference(role: TRole, which: 'own' | 'other', phase: string): Promise<string> {
  const team = CASE_ROLES.includes(role) ? await teamCase() : null;
  const own = which === 'own';
  const childId = own ? (team?.childId ?? env.f.ownChild[role]) : env.f.otherChild[role];
  const coordinator =
    own && COORDINATORS.includes(role)
      ? userOf(role)
      : userOf(role === 'conferenceCoordinator' ? 'professional' : 'conferenceCoordinator');
  const referrer = own
    ? userOf(role)
    : userOf('unitLeader') === userOf(role)
      ? userOf('professional')
      : userOf('unitLeader');
  const { rows } = await env.t.db.pool.query(
    `INSERT INTO conferences (municipality_id, child_id, case_id, reason, family_agreed_on, referred_by, coordinator_id,
                              phase, questions)
     VALUES ($1, $2, $3, 'Matrixens henvisning', current_date, $4, $5, $6, '["Hvordan får barnet en god hverdag?"]')
     RETURNING id`,
    [env.f.demoId, childId, own ? (team?.caseId ?? null) : null, referrer, coordinator, phase],
  );
  // A plan to decide on has its tasks (the family's plan always has one).
  if (phase === 'plan')
    await env.t.db.pool.query(
      `INSERT INTO conference_tasks (municipality_id, conference_id, position, what, owner_kind, owner_name, due_on,
                                     checked_by, question)
       VALUES ($1, $2, 0, 'Mormor følger i skole', 'networkPerson', 'Mormor', current_date + 30, 'Mor', 0)`,
      [env.f.demoId, rows[0].id],
    );
  return rows[0].id;
}

async function childOf(role: TRole, which: 'own' | 'other'): Promise<string> {
  if (which === 'other') return env.f.otherChild[role];
  return CASE_ROLES.includes(role) ? (await teamCase()).childId : env.f.ownChild[role];
}

const STEPS: { path: string; phase: string; payload: () => Record<string, unknown> }[] = [
  {
    path: 'preparation',
    phase: 'referred',
    payload: () => ({
      questions: ['Hvordan får Emma en god hverdag?'],
      concerns: 'Højt fravær.',
      bottomLines: 'Emma skal i skole hver dag.',
      invitees: [],
    }),
  },
  {
    path: 'information',
    phase: 'preparation',
    payload: () => ({ informants: [{ name: 'Lærer Lise', profession: 'Lærer', brought: 'Fraværet.' }] }),
  },
  { path: 'private-time', phase: 'information', payload: () => ({}) },
  {
    path: 'plan',
    phase: 'privateTime',
    payload: () => ({
      tasks: [
        {
          what: 'Mormor følger i skole om mandagen',
          ownerKind: 'networkPerson',
          ownerName: 'Mormor',
          dueOn: addDays(today(), 30),
          checkedBy: 'Mor',
          question: 0,
        },
      ],
    }),
  },
  {
    path: 'decision',
    phase: 'plan',
    payload: () => ({ decision: 'approved', reviewOn: addDays(today(), 30) }),
  },
  { path: 'review', phase: 'approved', payload: () => ({ tasks: [], helped: 'yes' }) },
  { path: 'close', phase: 'reviewed', payload: () => ({}) },
];

export const CONFERENCES_ROWS: TEndpoint[] = [
  read('/api/v1/conferences'),
  read('/api/v1/conference-coordinators'),
  ...(['own', 'other'] as const).flatMap((which): TEndpoint[] => [
    {
      method: 'POST',
      path: '/api/v1/conferences',
      label: ` (${which} child)`,
      success: 201,
      child: which,
      request: async (role) => ({
        url: '/api/v1/conferences',
        payload: {
          childId: await childOf(role, which),
          reason: 'Højt fravær og en mor, der er syg.',
          familyAgreedOn: today(),
          coordinatorId: userOf('conferenceCoordinator'),
        },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/children/:id/conferences',
      label: ` (${which} child)`,
      success: 200,
      child: which,
      request: async (role) => ({ url: `/api/v1/children/${await childOf(role, which)}/conferences` }),
    },
    {
      method: 'GET',
      path: '/api/v1/conferences/:id',
      label: ` (${which} conference)`,
      success: 200,
      child: which,
      request: async (role) => ({ url: `/api/v1/conferences/${await conference(role, which, 'referred')}` }),
    },
    ...STEPS.map(
      (s): TEndpoint => ({
        method: 'POST',
        path: `/api/v1/conferences/:id/${s.path}`,
        label: ` (${which} conference)`,
        success: 200,
        child: which,
        request: async (role, _f, allowed) => ({
          url: `/api/v1/conferences/${allowed ? await conference(role, which, s.phase) : '00000000-0000-4000-8000-000000000000'}/${s.path}`,
          payload: { version: 1, heldOn: today(), ...s.payload() },
        }),
      }),
    ),
  ]),
];
