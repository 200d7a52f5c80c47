import type { TRole } from '../../../src/shared/permissions.ts';
import { demoPartnerProvider } from './offers-rows.ts';
import { childOf } from './referrals-rows.ts';
import { env, setUp, type TEndpoint, unique } from './types.ts';

/**
 * The leisure pass (issue 15, item 6). Those who refer a child grant it the pass and follow its passes: 'own' is a
 * child the role refers (its unit's, or its team's case child), 'other' a child outside its relations (404).
 * Administrators set the pass.
 */

let passOffer: Promise<string> | undefined;
/** An offer of the demo partner's provider that the pass may pay. */
function leisurePassOffer(): Promise<string> {
  passOffer ??= (async () =>
    (
      await setUp(env.f.sessions.admin, 'POST', '/api/v1/offers', {
        providerId: await demoPartnerProvider(),
        kind: 'leisureActivity',
        name: unique('Matrixens fritidspastilbud'),
        description: 'Et tilbud, fritidspasset kan betale.',
        ageFrom: 0,
        ageTo: 25,
        access: 'direct',
        leisurePass: true,
      })
    ).id)();
  return passOffer;
}

/** A pass of 1 kr. written directly for any child. */
async function passOf(childId: string): Promise<string> {
  const by = env.f.sessions.professional.user.id;
  const { rows } = await env.t.db.pool.query(
    `INSERT INTO leisure_passes (municipality_id, child_id, offer_id, amount_dkk, granted_on, granted_by, status_by)
     VALUES ($1, $2, $3, 1, current_date, $4, $4) RETURNING id`,
    [env.f.demoId, childId, await leisurePassOffer(), by],
  );
  return rows[0].id;
}

const childFor = async (role: TRole, which: 'own' | 'other') =>
  which === 'own' ? childOf(role) : env.f.otherChild[role];

export const LEISURE_PASSES_ROWS: TEndpoint[] = [
  {
    method: 'GET',
    path: '/api/v1/leisure-pass-settings',
    success: 200,
    request: () => ({ url: '/api/v1/leisure-pass-settings' }),
  },
  {
    method: 'PUT',
    path: '/api/v1/leisure-pass-settings',
    label: ' (as the demo has it, at the current version)',
    success: 200,
    request: async () => {
      const { rows } = await env.t.db.pool.query(
        'SELECT version FROM leisure_pass_settings WHERE municipality_id = $1',
        [env.f.demoId],
      );
      return {
        url: '/api/v1/leisure-pass-settings',
        payload: {
          version: rows[0]?.version ?? 1,
          enabled: true,
          amountPerYearDkk: 1500,
          grantRoles: ['professional', 'unitLeader', 'caseworker', 'caseworkManager'],
          unusedWeeks: 8,
        },
      };
    },
  },
  ...(['own', 'other'] as const).flatMap((which): TEndpoint[] => [
    {
      method: 'GET',
      path: '/api/v1/children/:id/leisure-passes',
      label: ` (${which} child)`,
      success: 200,
      child: which,
      request: async (role) => ({ url: `/api/v1/children/${await childFor(role, which)}/leisure-passes` }),
    },
    {
      method: 'POST',
      path: '/api/v1/leisure-passes',
      label: ` (${which} child, 1 kr. for an offer the pass pays)`,
      success: 201,
      child: which,
      request: async (role) => ({
        url: '/api/v1/leisure-passes',
        payload: { childId: await childFor(role, which), offerId: await leisurePassOffer(), amountDkk: 1 },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/leisure-passes/:id/status',
      label: ` (a pass of the ${which} child, redeemed)`,
      success: 200,
      child: which,
      request: async (role) => ({
        url: `/api/v1/leisure-passes/${await passOf(await childFor(role, which))}/status`,
        payload: { version: 1, status: 'redeemed' },
      }),
    },
  ]),
];
