import { randomUUID } from 'node:crypto';
import type { TRole } from '../../../src/shared/permissions.ts';
import { env, read, setUp, type TEndpoint, unique } from './types.ts';

/**
 * The offers catalogue (issue 15). Everyone reads it; an admin maintains it all, an owner (a municipal employee
 * named on the offer) their offers, the demo partner the offers of the provider they belong to. 'other' is an
 * offer or provider of Nabo Kommune: 404 to every role allowed to ask.
 */

const asAdmin = (method: string, url: string, payload?: unknown) =>
  setUp(env.f.sessions.admin, method, url, payload);

let partnerProvider: Promise<string> | undefined;
/** The provider the demo partner belongs to (made here, and the partner made its member, if the seed has none). */
export function demoPartnerProvider(): Promise<string> {
  partnerProvider ??= (async () => {
    const partnerId = env.f.sessions.partner.user.id;
    const { rows } = await env.t.db.pool.query(
      'SELECT provider_id FROM provider_members WHERE user_id = $1',
      [partnerId],
    );
    if (rows[0]) return rows[0].provider_id as string;
    const { id } = await asAdmin('POST', '/api/v1/offer-providers', {
      name: unique('Matrixforeningen'),
      kind: 'association',
    });
    await asAdmin('POST', `/api/v1/offer-providers/${id}/members`, { userId: partnerId });
    return id;
  })();
  return partnerProvider;
}

const offerBody = (providerId: string, ownerId: string | null = null) => ({
  providerId,
  kind: 'leisureActivity',
  name: unique('Matrixtilbud'),
  description: 'Et tilbud, matrixen har oprettet.',
  ageFrom: 6,
  ageTo: 14,
  access: 'referral',
  ownerId,
});

/** An offer of the partner's provider, owned by the role's user where the role owns offers. */
async function freshOffer(role: TRole): Promise<{ id: string; version: number }> {
  const owns = ['professional', 'unitLeader', 'caseworker', 'caseworkManager'].includes(role);
  return asAdmin(
    'POST',
    '/api/v1/offers',
    offerBody(await demoPartnerProvider(), owns ? env.f.sessions[role].user.id : null),
  );
}

let shared: Promise<{ id: string; version: number }> | undefined;
const sharedOffer = () => {
  shared ??= freshOffer('admin');
  return shared;
};

let nabo: Promise<{ offerId: string; providerId: string }> | undefined;
/** A provider and an offer of Nabo Kommune, made through SQL (no Demo login reaches them). */
function naboOffer(): Promise<{ offerId: string; providerId: string }> {
  nabo ??= (async () => {
    const m = env.f.naboId;
    const { rows: users } = await env.t.db.pool.query(
      "SELECT id FROM users WHERE municipality_id = $1 AND email = 'admin@nabo.beskyt.test'",
      [m],
    );
    const { rows: p } = await env.t.db.pool.query(
      "INSERT INTO offer_providers (municipality_id, name, kind) VALUES ($1, $2, 'association') RETURNING id",
      [m, unique('Naboforeningen')],
    );
    const { rows: o } = await env.t.db.pool.query(
      `INSERT INTO offers (municipality_id, provider_id, kind, name, description, age_from, age_to, access, created_by)
       VALUES ($1, $2, 'leisureActivity', 'Nabotilbud', 'Et tilbud i Nabo Kommune.', 6, 14, 'direct', $3) RETURNING id`,
      [m, p[0].id, users[0].id],
    );
    return { offerId: o[0].id, providerId: p[0].id };
  })();
  return nabo;
}

async function freshProvider(): Promise<{ id: string; version: number }> {
  return asAdmin('POST', '/api/v1/offer-providers', { name: unique('Matrixudbyder'), kind: 'civilSociety' });
}

/** A user with the partner role and no provider yet, made through SQL. */
async function freshPartnerUser(): Promise<string> {
  const m = env.f.demoId;
  const { rows } = await env.t.db.pool.query(
    "INSERT INTO users (municipality_id, email, name, password_hash) VALUES ($1, $2, $3, 'x') RETURNING id",
    [m, `matrix-partner-${randomUUID()}@demo.beskyt.test`, unique('Matrixpartner')],
  );
  await env.t.db.pool.query(
    "INSERT INTO role_assignments (municipality_id, user_id, role) VALUES ($1, $2, 'partner')",
    [m, rows[0].id],
  );
  return rows[0].id;
}

const sharedRecords = new Map<string, Promise<unknown>>();
function freshOrShared<T>(allowed: boolean, key: string, make: () => Promise<T>): Promise<T> {
  if (allowed) return make();
  if (!sharedRecords.has(key)) sharedRecords.set(key, make());
  return sharedRecords.get(key) as Promise<T>;
}

let kinds = 0;
const freshKindCode = () => `matrixKind${++kinds}${randomUUID().slice(0, 6).replace(/-/g, '')}`;

export const OFFERS_ROWS: TEndpoint[] = [
  read('/api/v1/offers', '?age=8&status=active'),
  read('/api/v1/offer-kinds'),
  read('/api/v1/offer-providers'),
  read('/api/v1/offers/hsds'),
  read('/api/v1/offers/capacity-overview', '?longWaitDays=30'),
  read('/api/v1/offers/learning'),
  read('/api/v1/offers/learning-settings'),
  {
    method: 'PUT',
    path: '/api/v1/offers/learning-settings',
    success: 200,
    request: async () => {
      const { rows } = await env.t.db.pool.query(
        'SELECT version FROM offer_learning_settings WHERE municipality_id = $1',
        [env.f.demoId],
      );
      return {
        url: '/api/v1/offers/learning-settings',
        payload: { version: rows[0]?.version ?? 1, followUpMonths: 6 },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/offers',
    label: ' (for the provider the demo partner belongs to)',
    success: 201,
    request: async () => ({ url: '/api/v1/offers', payload: offerBody(await demoPartnerProvider()) }),
  },
  ...(['own', 'other'] as const).flatMap((which): TEndpoint[] => [
    {
      method: 'GET',
      path: '/api/v1/offers/:id',
      label: which === 'own' ? ' (a Demo offer)' : ' (a Nabo offer)',
      success: 200,
      child: which,
      request: async () => ({
        url: `/api/v1/offers/${which === 'own' ? (await sharedOffer()).id : (await naboOffer()).offerId}`,
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/offers/:id/waiting-times',
      label: which === 'own' ? ' (a Demo offer)' : ' (a Nabo offer)',
      success: 200,
      child: which,
      request: async () => ({
        url: `/api/v1/offers/${which === 'own' ? (await sharedOffer()).id : (await naboOffer()).offerId}/waiting-times`,
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/offers/:id/decisions',
      label: which === 'own' ? ' (a Demo offer)' : ' (a Nabo offer)',
      success: 201,
      child: which,
      request: async () => ({
        url: `/api/v1/offers/${which === 'own' ? (await sharedOffer()).id : (await naboOffer()).offerId}/decisions`,
        payload: { decision: 'continue', reason: 'Matrixen fortsætter tilbuddet.' },
      }),
    },
    {
      method: 'PATCH',
      path: '/api/v1/offers/:id',
      label:
        which === 'own'
          ? ' (an offer the role maintains: any for the admin, its own as owner, its provider’s as partner)'
          : ' (a Nabo offer)',
      success: 200,
      child: which,
      request: async (role, _f, allowed) => {
        if (which === 'other')
          return {
            url: `/api/v1/offers/${(await naboOffer()).offerId}`,
            payload: { version: 1, name: 'Nabo' },
          };
        const offer = await freshOrShared(allowed, 'offer', () => freshOffer(role));
        return {
          url: `/api/v1/offers/${offer.id}`,
          payload: { version: offer.version, capacityTotal: 10, capacityFree: 4 },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/offer-providers/:id',
      label: which === 'own' ? ' (a Demo provider)' : ' (a Nabo provider)',
      success: 200,
      child: which,
      request: async () => ({
        url: `/api/v1/offer-providers/${which === 'own' ? await demoPartnerProvider() : (await naboOffer()).providerId}`,
      }),
    },
  ]),
  {
    method: 'POST',
    path: '/api/v1/offer-kinds',
    success: 201,
    request: () => ({
      url: '/api/v1/offer-kinds',
      payload: { code: freshKindCode(), labelDa: 'Matrixtype', labelEn: 'Matrix kind' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/offer-kinds/:code',
    success: 200,
    request: async (_role, _f, allowed) => {
      const code = await freshOrShared(allowed, 'kind', async () => {
        const c = freshKindCode();
        await asAdmin('POST', '/api/v1/offer-kinds', {
          code: c,
          labelDa: 'Matrixtype',
          labelEn: 'Matrix kind',
        });
        return c;
      });
      return { url: `/api/v1/offer-kinds/${code}`, payload: { version: 1, labelDa: 'Omdøbt matrixtype' } };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/offer-providers',
    success: 201,
    request: () => ({
      url: '/api/v1/offer-providers',
      payload: { name: unique('Ny udbyder'), kind: 'business' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/offer-providers/:id',
    success: 200,
    request: async (_role, _f, allowed) => {
      const provider = await freshOrShared(allowed, 'provider', freshProvider);
      return {
        url: `/api/v1/offer-providers/${provider.id}`,
        payload: { version: provider.version, phone: '12345678' },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/offer-providers/:id/members',
    label: ' (a partner user without a provider)',
    success: 200,
    request: async (_role, _f, allowed) => {
      const [provider, userId] = await freshOrShared(allowed, 'member', () =>
        Promise.all([freshProvider(), freshPartnerUser()]),
      );
      return { url: `/api/v1/offer-providers/${provider.id}/members`, payload: { userId } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/offer-providers/:id/members/:userId',
    success: 200,
    request: async (_role, _f, allowed) => {
      const [provider, userId] = await freshOrShared(allowed, 'membership', async () => {
        const both = await Promise.all([freshProvider(), freshPartnerUser()]);
        await asAdmin('POST', `/api/v1/offer-providers/${both[0].id}/members`, { userId: both[1] });
        return both;
      });
      return { url: `/api/v1/offer-providers/${provider.id}/members/${userId}` };
    },
  },
];
