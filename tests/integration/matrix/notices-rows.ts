import { defaultNoticeText } from '../../../src/server/modules/notices/default-texts.ts';
import type { TRole } from '../../../src/shared/permissions.ts';
import { addDays, env, read, type TEndpoint, today } from './types.ts';

/**
 * Information notices (issue 23). A professional or unit leader reaches a child through its unit, a
 * caseworker or casework manager through a case of their team: 'own' is such a child, 'other' one without
 * (the role's 'other' child, with no case of their teams).
 */

const TEAM_ROLES = new Set<TRole>(['caseworker', 'caseworkManager']);

let caseTeam: Promise<{ childId: string; teamId: string }> | undefined;
/** A child with a case of the demo caseworker's (and casework manager's) team. */
function teamCase(): Promise<{ childId: string; teamId: string }> {
  caseTeam ??= env.t.db.pool
    .query(
      `SELECT k.child_id, k.team_id FROM cases k
         JOIN role_assignments ra ON ra.municipality_id = k.municipality_id AND ra.team_id = k.team_id
         JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id
        WHERE k.municipality_id = $1 AND u.email = 'caseworker@demo.beskyt.test' ORDER BY k.id LIMIT 1`,
      [env.f.demoId],
    )
    .then(({ rows }) => ({ childId: rows[0].child_id, teamId: rows[0].team_id }));
  return caseTeam;
}

async function childOf(role: TRole, child: 'own' | 'other'): Promise<string> {
  if (child === 'other') return env.f.otherChild[role];
  return TEAM_ROLES.has(role) ? (await teamCase()).childId : env.f.ownChild[role];
}

/** An active exception on the child, recorded from a unit or under a team. */
async function exceptionOn(childId: string, place: { unitId?: string; teamId?: string }): Promise<string> {
  const { rows } = await env.t.db.pool.query(
    `INSERT INTO notice_exceptions (municipality_id, child_id, kinds, decision, ground, reason, until_date,
                                    until_case_decides, unit_id, team_id, recorded_by)
     VALUES ($1, $2, '{concern}', 'postpone', 'childSafety', 'Matrixens undtagelse', current_date + 7, false, $3, $4, $5)
     RETURNING id`,
    [env.f.demoId, childId, place.unitId ?? null, place.teamId ?? null, env.f.sessions.unitLeader.user.id],
  );
  return rows[0].id;
}

/** A notice waiting for manual follow-up, about a child of `unitId`. */
async function followUpIn(unitId: string, childId: string): Promise<string> {
  const { rows } = await env.t.db.pool.query(
    `INSERT INTO notices (municipality_id, kind, scope, period, audience, recipient_name, child_ids, unit_ids, status,
                          follow_up_reason, text_versions)
     VALUES ($1, 'concern', '2026H2', '2026H2', 'guardian', '', ARRAY[$2::uuid], ARRAY[$3::uuid], 'followUp',
             'noGuardian', '{}') RETURNING id`,
    [env.f.demoId, childId, unitId],
  );
  return rows[0].id;
}

async function textVersion(): Promise<number> {
  const { rows } = await env.t.db.pool.query(
    `SELECT coalesce(max(version), 0)::int AS v FROM notice_texts
      WHERE municipality_id = $1 AND kind = 'networkPerson' AND audience = 'child' AND locale = 'en'`,
    [env.f.demoId],
  );
  return rows[0].v;
}

async function settingsVersion(): Promise<number> {
  const { rows } = await env.t.db.pool.query(
    'SELECT version FROM notice_settings WHERE municipality_id = $1',
    [env.f.demoId],
  );
  return rows[0]?.version ?? 0;
}

export const NOTICES_ROWS: TEndpoint[] = [
  read('/api/v1/notice-texts'),
  {
    method: 'POST',
    path: '/api/v1/notice-texts',
    success: 201,
    request: async () => ({
      url: '/api/v1/notice-texts',
      payload: {
        kind: 'networkPerson',
        audience: 'child',
        locale: 'en',
        sections: defaultNoticeText('networkPerson', 'child', 'en', 'Demo Kommune'),
        basedOnVersion: await textVersion(),
      },
    }),
  },
  {
    method: 'PUT',
    path: '/api/v1/notice-settings',
    success: 200,
    request: async () => ({
      url: '/api/v1/notice-settings',
      payload: { childNoticeAge: 15, version: await settingsVersion() },
    }),
  },
  read('/api/v1/notice-exceptions'),
  read('/api/v1/notice-overview'),
  read('/api/v1/notice-follow-ups'),
  ...(['own', 'other'] as const).flatMap((child): TEndpoint[] => [
    {
      method: 'GET',
      path: '/api/v1/children/:id/notices',
      label: ` (${child} child)`,
      success: 200,
      child,
      request: async (role) => ({ url: `/api/v1/children/${await childOf(role, child)}/notices` }),
    },
    {
      method: 'POST',
      path: '/api/v1/children/:id/notice-exceptions',
      label: ` (${child} child)`,
      success: 201,
      child,
      request: async (role) => ({
        url: `/api/v1/children/${await childOf(role, child)}/notice-exceptions`,
        payload: {
          kinds: ['concern'],
          decision: 'postpone',
          ground: 'pendingAssessment',
          reason: 'Myndigheden vurderer stadig underretningen.',
          untilDate: addDays(today(), 10),
        },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/notice-exceptions/:id/end',
      label: ` (an exception on their ${child} child)`,
      success: 200,
      child,
      request: async (role) => {
        // Recorded on the recorder's side: the school (the professional's and the leader's), or the team.
        const place = TEAM_ROLES.has(role)
          ? { teamId: (await teamCase()).teamId }
          : { unitId: env.f.leaderUnitId };
        return {
          url: `/api/v1/notice-exceptions/${await exceptionOn(await childOf(role, child), place)}/end`,
          payload: { note: 'Risikoen er ovre.' },
        };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/notice-exceptions/:id/review',
      label: child === 'own' ? ' (recorded in their unit or team)' : ' (recorded in another unit)',
      success: 200,
      child,
      request: async (role) => {
        const place =
          child === 'other'
            ? { unitId: env.f.otherUnitId }
            : TEAM_ROLES.has(role)
              ? { teamId: (await teamCase()).teamId }
              : { unitId: env.f.leaderUnitId };
        return {
          url: `/api/v1/notice-exceptions/${await exceptionOn(env.f.ownChild.unitLeader, place)}/review`,
          payload: { note: 'Set.' },
        };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/notices/:id/follow-up',
      label: child === 'own' ? ' (a notice of their unit)' : ' (a notice of another unit)',
      success: 200,
      child,
      request: async () => ({
        url: `/api/v1/notices/${await followUpIn(child === 'own' ? env.f.leaderUnitId : env.f.otherUnitId, env.f.ownChild.unitLeader)}/follow-up`,
        payload: { note: 'Givet ved et møde.' },
      }),
    },
  ]),
];
