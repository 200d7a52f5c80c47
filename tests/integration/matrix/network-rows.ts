import type { TRole } from '../../../src/shared/permissions.ts';
import { env, read, type TEndpoint, unique } from './types.ts';

/**
 * Network persons (issue 16, item 1). Professionals and leaders record the network of their units' children,
 * caseworkers and casework managers that of the children of their team's open cases ('own'); 'other' is a child
 * outside those relations (404). The family view (decision 030) follows the network's rows. The administrator sets the age of the child's own agreement.
 */

const CASE_ROLES: TRole[] = ['caseworker', 'caseworkManager'];

let caseChildPromise: Promise<string> | undefined;
/** A child with an open case of the demo caseworker's (and casework manager's) team. */
function caseChild(): Promise<string> {
  caseChildPromise ??= env.t.db.pool
    .query(
      `SELECT k.child_id FROM cases k JOIN role_assignments ra ON ra.municipality_id = k.municipality_id
          AND ra.team_id = k.team_id AND ra.user_id = $2
        WHERE k.municipality_id = $1 AND k.status = 'open' ORDER BY k.child_id LIMIT 1`,
      [env.f.demoId, env.f.sessions.caseworker.user.id],
    )
    .then(({ rows }) => {
      if (!rows[0]) throw new Error('no open case of the demo caseworker’s team');
      return rows[0].child_id as string;
    });
  return caseChildPromise;
}

async function childOf(role: TRole, which: 'own' | 'other'): Promise<string> {
  if (which === 'other') return env.f.otherChild[role];
  return CASE_ROLES.includes(role) ? caseChild() : env.f.ownChild[role];
}

const person = (childId: string) => ({
  name: unique('Matrixmormor'),
  relation: 'grandparent',
  phone: '+45 12 34 56 78',
  role: 'resource',
  guardiansAgreement: 'agreed',
  children: [{ childId, tie: 'strong', childAgreement: 'agreed' }],
});

/** A network person of the child, written directly (any child, any relation). */
async function personOf(childId: string): Promise<string> {
  const { rows } = await env.t.db.pool.query(
    `WITH p AS (INSERT INTO network_persons (municipality_id, name, relation, role, guardians_agreement, created_by)
                VALUES ($1, 'Matrixens nabo', 'neighbour', 'resource', 'agreed', $3) RETURNING id)
     INSERT INTO network_person_children (municipality_id, network_person_id, child_id, tie, linked_by)
     SELECT $1, p.id, $2, 'weak', $3 FROM p RETURNING network_person_id`,
    [env.f.demoId, childId, env.f.sessions.professional.user.id],
  );
  return rows[0].network_person_id;
}

async function settingsVersion(): Promise<number> {
  const { rows } = await env.t.db.pool.query(
    'SELECT version FROM network_settings WHERE municipality_id = $1',
    [env.f.demoId],
  );
  return rows[0]?.version ?? 0;
}

export const NETWORK_ROWS: TEndpoint[] = [
  read('/api/v1/network-settings'),
  {
    method: 'PUT',
    path: '/api/v1/network-settings',
    success: 200,
    request: async () => ({
      url: '/api/v1/network-settings',
      payload: { childAgreementAge: 12, conferenceReviewMonths: 3, version: await settingsVersion() },
    }),
  },
  ...(['own', 'other'] as const).flatMap((which): TEndpoint[] => [
    {
      method: 'GET',
      path: '/api/v1/children/:id/network',
      label: ` (${which} child)`,
      success: 200,
      child: which,
      request: async (role) => ({ url: `/api/v1/children/${await childOf(role, which)}/network` }),
    },
    {
      method: 'GET',
      path: '/api/v1/children/:id/family',
      label: ` (${which} child)`,
      success: 200,
      child: which,
      request: async (role) => ({ url: `/api/v1/children/${await childOf(role, which)}/family` }),
    },
    {
      method: 'GET',
      path: '/api/v1/children/:id/network-considerations',
      label: ` (${which} child)`,
      success: 200,
      child: which,
      request: async (role) => ({
        url: `/api/v1/children/${await childOf(role, which)}/network-considerations`,
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/children/:id/network-considerations',
      label: ` (${which} child)`,
      success: 201,
      child: which,
      request: async (role) => ({
        url: `/api/v1/children/${await childOf(role, which)}/network-considerations`,
        payload: { consideredOn: '2026-01-05', decision: 'notNow', reason: 'Familien ønsker det ikke nu' },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/network-persons',
      label: ` (${which} child)`,
      success: 201,
      child: which,
      request: async (role) => ({
        url: '/api/v1/network-persons',
        payload: person(await childOf(role, which)),
      }),
    },
    {
      method: 'PUT',
      path: '/api/v1/network-persons/:id',
      label: ` (a network person of their ${which} child)`,
      success: 200,
      child: which,
      request: async (role) => {
        const childId = await childOf(role, which);
        return {
          url: `/api/v1/network-persons/${await personOf(childId)}`,
          payload: { ...person(childId), version: 1 },
        };
      },
    },
  ]),
];
