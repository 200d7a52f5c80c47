import type { TRole } from '../../../src/shared/permissions.ts';
import { demoPartnerProvider } from './offers-rows.ts';
import { env, setUp, type TEndpoint, today, unique } from './types.ts';

/**
 * Referrals (issue 15). The municipality's side refers the children it sees: professionals and leaders their
 * units' children ('own'), caseworkers and managers the children of their team's cases; 'other' is a child
 * outside those relations (404). A partner user answers referrals to the offers of the provider they belong to
 * ('own'); 'other' is a referral to another provider's offer (404).
 */

const CASE_ROLES: TRole[] = ['caseworker', 'caseworkManager'];

const asAdmin = (method: string, url: string, payload?: unknown) =>
  setUp(env.f.sessions.admin, method, url, payload);

/** A fresh offer (so a child never has a live referral to it yet) of the provider given. */
async function freshOffer(providerId: string): Promise<string> {
  const { id } = await asAdmin('POST', '/api/v1/offers', {
    providerId,
    kind: 'leisureActivity',
    name: unique('Matrixhenvisningstilbud'),
    description: 'Et tilbud at henvise til.',
    ageFrom: 0,
    ageTo: 25,
    access: 'referral',
  });
  return id;
}

let otherProvider: Promise<string> | undefined;
/** A Demo provider the demo partner does not belong to. */
function anotherProvider(): Promise<string> {
  otherProvider ??= asAdmin('POST', '/api/v1/offer-providers', {
    name: unique('Anden matrixudbyder'),
    kind: 'civilSociety',
  }).then((p) => p.id);
  return otherProvider;
}

/** A consent by a custodian of the child naming the provider, written directly (any child, any relation). */
async function consentFor(childId: string, providerId: string): Promise<string> {
  const { rows } = await env.t.db.pool.query(
    `INSERT INTO consents (municipality_id, child_id, guardian_ids, info_kinds, recipient_provider_ids, purpose,
                           signed_on, valid_from, valid_to, created_by)
     SELECT $1, $2, ARRAY[cg.guardian_id], ARRAY['identity', 'contact'], ARRAY[$3::uuid], 'Matrixens henvisning',
            current_date, current_date, current_date + 90, $4
       FROM child_guardians cg WHERE cg.municipality_id = $1 AND cg.child_id = $2 AND cg.has_custody LIMIT 1
     RETURNING id`,
    [env.f.demoId, childId, providerId, env.f.sessions.professional.user.id],
  );
  if (!rows[0]) throw new Error(`child ${childId} has no custodian`);
  return rows[0].id;
}

let caseChildPromise: Promise<string> | undefined;
/** A child with an open case of the first team (the demo caseworker's and casework manager's). */
function caseChild(): Promise<string> {
  caseChildPromise ??= (async () => {
    const { rows } = await env.t.db.pool.query(
      `SELECT k.child_id FROM cases k JOIN role_assignments ra ON ra.municipality_id = k.municipality_id
          AND ra.team_id = k.team_id AND ra.user_id = $2
        WHERE k.municipality_id = $1 AND k.status = 'open'
          AND EXISTS (SELECT 1 FROM child_guardians cg WHERE cg.child_id = k.child_id AND cg.has_custody)
        ORDER BY k.child_id LIMIT 1`,
      [env.f.demoId, env.f.sessions.caseworker.user.id],
    );
    if (!rows[0]) throw new Error('no open case of the demo caseworker’s team');
    return rows[0].child_id;
  })();
  return caseChildPromise;
}

/** The child the role refers: its own child, or its team's case child. */
export async function childOf(role: TRole): Promise<string> {
  return CASE_ROLES.includes(role) ? caseChild() : env.f.ownChild[role];
}

/** The body of a referral of the child to a fresh offer of the provider, on a consent naming it. */
async function referralBody(childId: string, providerId: string) {
  return {
    childId,
    offerId: await freshOffer(providerId),
    basis: 'consent',
    consentId: await consentFor(childId, providerId),
    ageReason: 'Matrixens henvisning',
  };
}

/** A referral made through the API by `role` (who must be allowed to refer the child). */
async function referralBy(role: TRole, childId: string, providerId: string): Promise<string> {
  return (
    await setUp(env.f.sessions[role], 'POST', '/api/v1/referrals', await referralBody(childId, providerId))
  ).id;
}

/** A referral written directly, for a child nobody asking has a relation to. */
async function referralOf(childId: string, providerId: string, status = 'sent'): Promise<string> {
  const offerId = await freshOffer(providerId);
  const consentId = await consentFor(childId, providerId);
  const by = env.f.sessions.professional.user.id;
  const { rows } = await env.t.db.pool.query(
    `INSERT INTO referrals (municipality_id, child_id, offer_id, basis, consent_id, shared_kinds, status, referred_by,
                           status_by, started_at)
     VALUES ($1, $2, $3, 'consent', $4, ARRAY['identity'], $5, $6, $6, CASE WHEN $5 = 'started' THEN now() END)
     RETURNING id`,
    [env.f.demoId, childId, offerId, consentId, status, by],
  );
  return rows[0].id;
}

const shared = new Map<string, Promise<unknown>>();
function freshOrShared<T>(allowed: boolean, key: string, make: () => Promise<T>): Promise<T> {
  if (allowed) return make();
  if (!shared.has(key)) shared.set(key, make());
  return shared.get(key) as Promise<T>;
}

/** A referral to the demo partner's provider, of the professional's child; started when asked. */
async function partnerReferral(status: 'sent' | 'started' = 'sent'): Promise<string> {
  return referralOf(env.f.ownChild.professional, await demoPartnerProvider(), status);
}

export const REFERRALS_ROWS: TEndpoint[] = [
  {
    method: 'POST',
    path: '/api/v1/referrals',
    label: ' (a child the role sees, on a consent naming the provider)',
    success: 201,
    request: async (role, _f, allowed) => ({
      url: '/api/v1/referrals',
      payload: await freshOrShared(allowed, 'referral-body', async () =>
        referralBody(
          allowed ? await childOf(role) : env.f.ownChild.professional,
          await demoPartnerProvider(),
        ),
      ),
    }),
  },
  ...(['own', 'other'] as const).flatMap((which): TEndpoint[] => [
    {
      method: 'GET',
      path: '/api/v1/children/:id/referrals',
      label: ` (${which} child)`,
      success: 200,
      child: which,
      request: async (role) => ({
        url: `/api/v1/children/${which === 'own' ? await childOf(role) : env.f.otherChild[role]}/referrals`,
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/children/:id/offer-suggestions',
      label: ` (${which} child)`,
      success: 200,
      child: which,
      request: async (role) => ({
        url: `/api/v1/children/${which === 'own' ? await childOf(role) : env.f.otherChild[role]}/offer-suggestions`,
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/children/:id/participation',
      label: ` (${which} child)`,
      success: 200,
      child: which,
      request: async (role) => ({
        url: `/api/v1/children/${which === 'own' ? await childOf(role) : env.f.otherChild[role]}/participation`,
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/referrals/:id/withdraw',
      label:
        which === 'own'
          ? ' (a referral the role made)'
          : ' (a referral of a child outside the role’s relations)',
      success: 200,
      child: which,
      request: async (role, _f, allowed) => {
        const id = await freshOrShared(allowed, `withdraw:${which}`, async () =>
          which === 'own' && allowed
            ? referralBy(role, await childOf(role), await demoPartnerProvider())
            : referralOf(env.f.otherChild[role], await demoPartnerProvider()),
        );
        return { url: `/api/v1/referrals/${id}/withdraw`, payload: { version: 1, reason: 'withdrawn' } };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/partner/referrals/:id/answer',
      label: which === 'own' ? ' (a referral to their provider)' : ' (a referral to another provider)',
      success: 200,
      child: which,
      request: async (_role, _f, allowed) => {
        const id = await freshOrShared(allowed, `answer:${which}`, async () =>
          which === 'own'
            ? partnerReferral()
            : referralOf(env.f.ownChild.professional, await anotherProvider()),
        );
        return { url: `/api/v1/partner/referrals/${id}/answer`, payload: { version: 1, status: 'accepted' } };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/partner/referrals/attendance',
      label: which === 'own' ? ' (started referrals to their provider)' : ' (a referral to another provider)',
      success: 200,
      child: which,
      request: async (_role, _f, allowed) => {
        const id = await freshOrShared(allowed, `attendance:${which}`, async () =>
          which === 'own'
            ? partnerReferral('started')
            : referralOf(env.f.ownChild.professional, await anotherProvider(), 'started'),
        );
        return {
          url: '/api/v1/partner/referrals/attendance',
          payload: { period: today().slice(0, 7), referralIds: [id] },
        };
      },
    },
  ]),
  {
    method: 'GET',
    path: '/api/v1/partner/referrals',
    success: 200,
    request: () => ({ url: '/api/v1/partner/referrals' }),
  },
  {
    method: 'GET',
    path: '/api/v1/my-work/referrals',
    success: 200,
    request: () => ({ url: '/api/v1/my-work/referrals' }),
  },
  {
    method: 'GET',
    path: '/api/v1/referral-settings',
    success: 200,
    request: () => ({ url: '/api/v1/referral-settings' }),
  },
  {
    method: 'PUT',
    path: '/api/v1/referral-settings',
    label: ' (the defaults, at the current version)',
    success: 200,
    request: async () => {
      const { rows } = await env.t.db.pool.query(
        'SELECT version FROM referral_settings WHERE municipality_id = $1',
        [env.f.demoId],
      );
      return {
        url: '/api/v1/referral-settings',
        payload: { version: rows[0]?.version ?? 1, alertWeekdays: 2, escalateWeekdays: 10 },
      };
    },
  },
];
