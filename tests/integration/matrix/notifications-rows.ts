import { env, type TEndpoint } from './types.ts';

/** Notifications and deadline settings (issue 5): intake reads and assesses, the notifiers see their own. */

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
let address = 0;

/** A citizen's notification through the public form (multipart, from an address of its own). */
async function citizenNotification(withAttachment = false): Promise<{ id: string; attachmentId?: string }> {
  const boundary = 'b0undary';
  const fields = {
    childName: 'Matrix Testbarn',
    childBirthDate: '01-02-2015',
    childAddress: 'Vej 2, 9999 By',
    description: 'Bekymring til autorisationsmatricen.',
    anonymous: 'yes',
  };
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const attachment = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from('\r\n'),
  ]);
  const n = ++address;
  const res = await env.t.app.inject({
    method: 'POST',
    url: '/borger/demo/underretning',
    payload: Buffer.concat([
      Buffer.from(parts.join('')),
      withAttachment ? attachment : Buffer.alloc(0),
      Buffer.from(`--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    // The form's per-IP limit is not what is tested here.
    remoteAddress: `10.2.${Math.floor(n / 250)}.${n % 250}`,
  });
  if (res.statusCode !== 303) throw new Error(`citizen form: ${res.statusCode} ${res.body}`);
  const ref = /ref=(U-[0-9A-Z]{6})/.exec(res.headers.location as string)?.[1];
  const { rows } = await env.t.db.pool.query(
    `SELECT n.id, a.id AS attachment_id FROM notifications n
       LEFT JOIN notification_attachments a ON a.municipality_id = n.municipality_id AND a.notification_id = n.id
      WHERE n.municipality_id = $1 AND n.reference = $2`,
    [env.f.demoId, ref],
  );
  return { id: rows[0].id, attachmentId: rows[0].attachment_id ?? undefined };
}

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
    access: 'write:notification:unit',
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
  {
    method: 'GET',
    path: '/api/v1/notifications/mine',
    access: 'read:notification:own',
    success: 200,
    request: () => ({ url: '/api/v1/notifications/mine' }),
  },
  {
    method: 'GET',
    path: '/api/v1/notifications',
    access: 'read:notification:municipality',
    success: 200,
    request: () => ({ url: '/api/v1/notifications' }),
  },
  {
    method: 'GET',
    path: '/api/v1/notifications/:id',
    access: 'read:notification:municipality',
    success: 200,
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/notifications/${(await notification(allowed)).id}`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/notifications/:id/attachments/:attachmentId',
    access: 'read:notification:municipality',
    success: 200,
    request: async (_role, _f, allowed) => {
      const n = await notification(allowed, true);
      return { url: `/api/v1/notifications/${n.id}/attachments/${n.attachmentId}` };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/notifications/:id/match-candidates',
    access: 'assess:notification:municipality',
    success: 200,
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/notifications/${(await notification(allowed)).id}/match-candidates`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/:id/match',
    access: 'assess:notification:municipality',
    success: 200,
    request: async (_role, f, allowed) => ({
      url: `/api/v1/notifications/${(await notification(allowed)).id}/match`,
      payload: { childId: f.ownChild.professional, version: 1 },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/:id/assessment',
    access: 'assess:notification:municipality',
    success: 200,
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/notifications/${(await notification(allowed)).id}/assessment`,
      payload: { healthAtRisk: true, acuteNeeded: false, version: 1 },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/:id/decision',
    access: 'assess:notification:municipality',
    success: 200,
    request: async (_role, _f, allowed) => {
      const n = allowed ? await assessed() : { id: (await anyNotification()).id, version: 1 };
      return {
        url: `/api/v1/notifications/${n.id}/decision`,
        payload: { decision: 'screening', version: n.version },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/deadline-settings',
    access: 'read:deadline:municipality',
    success: 200,
    request: () => ({ url: '/api/v1/deadline-settings' }),
  },
  {
    method: 'PUT',
    path: '/api/v1/deadline-settings',
    access: 'manage:deadline:municipality',
    success: 200,
    request: async (_role, f) => {
      const { updatedAt: _u, ...body } = (
        await env.t.as(f.sessions.admin, 'GET', '/api/v1/deadline-settings')
      ).json();
      return { url: '/api/v1/deadline-settings', payload: body };
    },
  },
];
