import { citizenNotification as fixture } from '../../fixtures/citizen-notification.ts';
import { env, read, type TEndpoint } from './types.ts';

/** Notifications and deadline settings (issue 5): intake reads and assesses, the notifiers see their own. */

const citizenNotification = (withAttachment = false) => fixture(env.t, withAttachment);

/** A notification matched to a child and assessed by the demo caseworker, ready for a decision. */
async function assessed(): Promise<{ id: string; version: number }> {
  const n = await citizenNotification();
  const caseworker = env.f.sessions.caseworker;
  const m = await env.t.as(caseworker, 'POST', `/api/v1/notifications/${n.id}/match`, {
    childId: env.f.ownChild.professional,
    version: 1,
  });
  const a = await env.t.as(caseworker, 'POST', `/api/v1/notifications/${n.id}/assessment`, {
    healthAtRisk: false,
    acuteNeeded: false,
    version: m.json().version,
  });
  if (a.statusCode !== 200) throw new Error(`assessment: ${a.statusCode} ${a.body}`);
  return { id: n.id, version: a.json().version };
}

let shared: Promise<{ id: string; attachmentId?: string }> | undefined;
/** One notification for the refused roles and anonymous callers (they never reach it). */
const anyNotification = () => {
  shared ??= citizenNotification(true);
  return shared;
};
const notification = (allowed: boolean, withAttachment = false) =>
  allowed ? citizenNotification(withAttachment) : anyNotification();

export const NOTIFICATIONS_ROWS: TEndpoint[] = [
  {
    method: 'POST',
    path: '/api/v1/notifications',
    success: 201,
    request: (role, f) => ({
      url: '/api/v1/notifications',
      payload: {
        notifierKind: 'school',
        unitId: f.sessions[role].user.roles?.find((r) => r.unitId)?.unitId ?? f.leaderUnitId,
        child: { cpr: '010115-4001' },
        description: 'Autorisationsmatricen.',
      },
    }),
  },
  read('/api/v1/notifications/mine'),
  read('/api/v1/notifications'),
  {
    method: 'GET',
    path: '/api/v1/notifications/:id',
    success: 200,
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/notifications/${(await notification(allowed)).id}`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/notifications/:id/attachments/:attachmentId',
    success: 200,
    request: async (_role, _f, allowed) => {
      const n = await notification(allowed, true);
      return { url: `/api/v1/notifications/${n.id}/attachments/${n.attachmentId}` };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/notifications/:id/match-candidates',
    success: 200,
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/notifications/${(await notification(allowed)).id}/match-candidates`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/:id/match',
    success: 200,
    request: async (_role, f, allowed) => ({
      url: `/api/v1/notifications/${(await notification(allowed)).id}/match`,
      payload: { childId: f.ownChild.professional, version: 1 },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/:id/assessment',
    success: 200,
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/notifications/${(await notification(allowed)).id}/assessment`,
      payload: { healthAtRisk: true, acuteNeeded: false, version: 1 },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/:id/decision',
    success: 200,
    request: async (_role, _f, allowed) => {
      const n = allowed ? await assessed() : { id: (await anyNotification()).id, version: 1 };
      return {
        url: `/api/v1/notifications/${n.id}/decision`,
        payload: { decision: 'screening', version: n.version },
      };
    },
  },
  read('/api/v1/deadline-settings'),
  {
    method: 'PUT',
    path: '/api/v1/deadline-settings',
    success: 200,
    request: async (_role, f) => {
      const { updatedAt: _u, ...body } = (
        await env.t.as(f.sessions.admin, 'GET', '/api/v1/deadline-settings')
      ).json();
      return { url: '/api/v1/deadline-settings', payload: body };
    },
  },
];
