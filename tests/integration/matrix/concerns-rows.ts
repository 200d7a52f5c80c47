import { randomUUID } from 'node:crypto';
import type { TRole } from '../../../src/shared/permissions.ts';
import { childRead, env, read, type TEndpoint } from './types.ts';

/** Concerns, the handleguide, early-warning rules, alerts and coordinators (issue 4). */

const concernBody = (childId: string) => ({
  childId,
  signs: ['withdrawn'],
  description: 'Trækker sig fra de andre.',
  level: 1,
  actionCode: 'observeInUnit',
});

async function alertFor(userId: string): Promise<string> {
  const { rows } = await env.t.db.pool.query(
    `INSERT INTO alerts (municipality_id, user_id, kind, reason) VALUES ($1, $2, 'reminder', '{"code":"matrix"}') RETURNING id`,
    [env.f.demoId, userId],
  );
  return rows[0].id;
}

async function coordinatorVersion(childId: string): Promise<number | undefined> {
  const { rows } = await env.t.db.pool.query(
    'SELECT version FROM child_coordinators WHERE municipality_id = $1 AND child_id = $2',
    [env.f.demoId, childId],
  );
  return rows[0]?.version;
}

async function ruleVersion(): Promise<number> {
  const { rows } = await env.t.db.pool.query(
    "SELECT version FROM early_warning_rules WHERE municipality_id = $1 AND code = 'persistentRisk'",
    [env.f.demoId],
  );
  return rows[0]?.version ?? 0;
}

const childOf = (role: TRole, child: 'own' | 'other') =>
  child === 'own' ? env.f.ownChild[role] : env.f.otherChild[role];

export const CONCERNS_ROWS: TEndpoint[] = [
  read('/api/v1/concerns', '?level=3'),
  read('/api/v1/handleguide'),
  {
    method: 'PUT',
    path: '/api/v1/handleguide/signs/:code',
    success: 200,
    request: () => ({
      url: `/api/v1/handleguide/signs/matrix${randomUUID().slice(0, 8)}`,
      payload: { labelDa: 'Prøve', labelEn: 'Test', acute: false, actions: [] },
    }),
  },
  read('/api/v1/early-warning-rules'),
  {
    method: 'PUT',
    path: '/api/v1/early-warning-rules/:code',
    success: 200,
    request: async () => ({
      url: '/api/v1/early-warning-rules/persistentRisk',
      payload: { enabled: true, params: { consecutive: 2 }, version: await ruleVersion() },
    }),
  },
  read('/api/v1/alerts'),
  read('/api/v1/alerts/unread-count'),
  {
    method: 'POST',
    path: '/api/v1/alerts/:id/read',
    label: ' (their own alert)',
    success: 200,
    request: async (role) => ({ url: `/api/v1/alerts/${await alertFor(env.f.sessions[role].user.id)}/read` }),
  },
  {
    method: 'POST',
    path: '/api/v1/alerts/:id/read',
    label: ' (another user’s alert)',
    success: 200,
    child: 'other',
    request: async (role) => {
      const other: TRole = role === 'professional' ? 'unitLeader' : 'professional';
      return { url: `/api/v1/alerts/${await alertFor(env.f.sessions[other].user.id)}/read` };
    },
  },
  read('/api/v1/coordinators/me/children'),
  ...(['own', 'other'] as const).flatMap((child): TEndpoint[] => [
    {
      method: 'POST',
      path: '/api/v1/concerns',
      label: ` (${child} child)`,
      success: 201,
      child,
      request: (role) => ({ url: '/api/v1/concerns', payload: concernBody(childOf(role, child)) }),
    },
    childRead(child, '/concerns'),
    childRead(child, '/coordinator'),
    {
      method: 'PUT',
      path: '/api/v1/children/:id/coordinator',
      label: ` (${child} child)`,
      success: 200,
      child,
      request: async (role) => {
        const id = childOf(role, child);
        const version = await coordinatorVersion(id);
        return {
          url: `/api/v1/children/${id}/coordinator`,
          payload: { userId: env.f.sessions.professional.user.id, ...(version ? { version } : {}) },
        };
      },
    },
    childRead(child, '/coordinator-candidates'),
  ]),
];
