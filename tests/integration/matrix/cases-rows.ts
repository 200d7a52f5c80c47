import { queueLetter } from '../../../src/server/modules/letters/queue-letter.ts';
import { env, read, setUp, type TEndpoint, today, unique } from './types.ts';

/**
 * Cases, caseworker changes, compliance and the letters outbox (issue 5). The demo caseworker and casework
 * manager work in the first team: 'own' is a case of that team, 'other' a case of the second team.
 */

interface TCaseTeams {
  team1: string;
  caseworkerId: string;
  /** An open case of the second team (caseworker4). */
  otherCase: string;
  caseworker4: string;
}

let teams: Promise<TCaseTeams> | undefined;
function caseTeams(): Promise<TCaseTeams> {
  teams ??= (async () => {
    const { rows } = await env.t.db.pool.query(
      `SELECT u.email, u.id, ra.team_id,
              (SELECT k.id FROM cases k WHERE k.municipality_id = u.municipality_id AND k.caseworker_id = u.id
                  AND k.status = 'open' ORDER BY k.id LIMIT 1) AS open_case
         FROM users u JOIN role_assignments ra ON ra.municipality_id = u.municipality_id AND ra.user_id = u.id
        WHERE u.municipality_id = $1 AND ra.role = 'caseworker'
          AND u.email IN ('caseworker@demo.beskyt.test', 'caseworker4@demo.beskyt.test')`,
      [env.f.demoId],
    );
    const first = rows.find((r) => r.email.startsWith('caseworker@'));
    const second = rows.find((r) => r.email.startsWith('caseworker4@'));
    return {
      team1: first.team_id,
      caseworkerId: first.id,
      otherCase: second.open_case,
      caseworker4: second.id,
    };
  })();
  return teams;
}

/** A Demo child without a case yet, oldest first (each opened case takes one). */
async function childWithoutCase(): Promise<string> {
  // Never one of the roles' test children: a case would give a caseworker a relation to its "other" child.
  const fixtureChildren = [...Object.values(env.f.ownChild), ...Object.values(env.f.otherChild)];
  const { rows } = await env.t.db.pool.query(
    `SELECT c.id FROM children c WHERE c.municipality_id = $1
        AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.municipality_id = c.municipality_id AND k.child_id = c.id)
        AND c.id <> ALL($2::uuid[])
      ORDER BY c.birth_date, c.id LIMIT 1`,
    [env.f.demoId, fixtureChildren],
  );
  if (!rows[0]) throw new Error('no Demo child without a case left');
  return rows[0].id;
}

const asCaseworker = (method: string, url: string, payload: unknown) =>
  setUp(env.f.sessions.caseworker, method, url, payload);

/** A case of the first team, opened today by the demo caseworker. */
async function freshCase(): Promise<{ id: string; version: number }> {
  const { team1, caseworkerId } = await caseTeams();
  return asCaseworker('POST', '/api/v1/cases', {
    childId: await childWithoutCase(),
    teamId: team1,
    caseworkerId,
    awareOn: today(),
  });
}

/** A protective factor of the current catalogue (the matrix publishes catalogues of its own as it runs). */
async function protectiveFactor(): Promise<string> {
  const { rows } = await env.t.db.pool.query(
    `SELECT f.code FROM factors f WHERE f.municipality_id = $1 AND f.kind = 'protective'
        AND f.catalogue_id = (SELECT id FROM factor_catalogues WHERE municipality_id = $1 AND status = 'published'
                               ORDER BY version DESC LIMIT 1)
      ORDER BY f.code LIMIT 1`,
    [env.f.demoId],
  );
  return rows[0]?.code ?? 'P-ORGANISED-LEISURE';
}

const conversation = () => ({
  outcome: 'held',
  onDate: today(),
  note: 'Barnet vil gerne have en kontaktperson.',
});
const measure = () => ({ section: 's32', title: 'Kontaktperson', startsOn: today() });

/** The case asked for: a fresh one of the first team for an allowed role, else the second team's case. */
async function caseFor(child: 'own' | 'other', allowed: boolean): Promise<{ id: string; version: number }> {
  if (child === 'own' && allowed) return freshCase();
  return { id: (await caseTeams()).otherCase, version: 1 };
}

/** A proposed change with no cases yet, for a user leaving (made directly; proposing is its own row). */
async function proposedChange(): Promise<string> {
  const { rows: user } = await env.t.db.pool.query(
    "INSERT INTO users (municipality_id, email, name, password_hash) VALUES ($1, $2, $3, 'x') RETURNING id",
    [env.f.demoId, `leaving-${Date.now()}-${Math.random()}@demo.beskyt.test`, unique('Fratrædende')],
  );
  const { rows } = await env.t.db.pool.query(
    `INSERT INTO caseworker_changes (municipality_id, leaving_user_id, effective_on, created_by)
     VALUES ($1, $2, current_date + 30, $3) RETURNING id`,
    [env.f.demoId, user[0].id, env.f.sessions.caseworkManager.user.id],
  );
  return rows[0].id;
}

let otherChange: Promise<string> | undefined;
/** A change moving a case of the second team, which the demo manager does not manage (made once). */
function changeOfOtherTeam(): Promise<string> {
  otherChange ??= (async () => {
    const { otherCase, caseworker4 } = await caseTeams();
    const { rows } = await env.t.db.pool.query(
      `INSERT INTO caseworker_changes (municipality_id, leaving_user_id, effective_on, created_by)
       VALUES ($1, $2, current_date + 30, $2) RETURNING id`,
      [env.f.demoId, caseworker4],
    );
    await env.t.db.pool.query(
      `INSERT INTO caseworker_change_items (municipality_id, change_id, case_id, proposed_user_id, target_user_id)
       VALUES ($1, $2, $3, $4, $4)`,
      [env.f.demoId, rows[0].id, otherCase, caseworker4],
    );
    return rows[0].id;
  })();
  return otherChange;
}

/** A letter in the Demo outbox, failed when asked for (only a failed letter may be retried). */
async function letter(failed: boolean): Promise<string> {
  const id = (
    await env.t.db.tenant(env.f.demoId, (q) =>
      queueLetter(q, {
        municipalityId: env.f.demoId,
        kind: 'notificationReceipt',
        recipient: { name: 'Lærer Lis', addressLines: ['Skolevej 1', '9000 Aalborg'] },
        template: 'notificationReceipt',
        data: { receivedAt: '2027-01-04T10:15:00+01:00', reference: 'U-MATRIX' },
        idempotencyKey: unique('matrix'),
      }),
    )
  ).id;
  if (failed)
    await env.t.db.pool.query("UPDATE letters SET status = 'failed' WHERE municipality_id = $1 AND id = $2", [
      env.f.demoId,
      id,
    ]);
  return id;
}

const TEAM_LABEL = { own: ' (a case of their team)', other: ' (a case of another team)' } as const;

/**
 * A write to one case (`/api/v1/cases/:id<route>`): `payload` builds the body, readying a fresh case of the
 * first team first where the write needs it (`fresh`: a case was made for this request).
 */
function caseRow(
  child: 'own' | 'other',
  method: TEndpoint['method'],
  route: string,
  success: number,
  payload: (c: { id: string; version: number }, fresh: boolean) => unknown,
): TEndpoint {
  return {
    method,
    path: `/api/v1/cases/:id${route}`,
    label: TEAM_LABEL[child],
    success,
    child,
    request: async (_role, _f, allowed) => {
      const c = await caseFor(child, allowed);
      return { url: `/api/v1/cases/${c.id}${route}`, payload: await payload(c, child === 'own' && allowed) };
    },
  };
}

export const CASES_ROWS: TEndpoint[] = [
  read('/api/v1/cases', '?pageSize=10'),
  read('/api/v1/case-teams'),
  read('/api/v1/case-deadlines'),
  {
    method: 'POST',
    path: '/api/v1/cases',
    success: 201,
    request: async (_role, _f, allowed) => {
      const { team1, caseworkerId } = await caseTeams();
      return {
        url: '/api/v1/cases',
        payload: {
          childId: allowed ? await childWithoutCase() : env.f.ownChild.professional,
          teamId: team1,
          caseworkerId,
          awareOn: today(),
        },
      };
    },
  },
  ...(['own', 'other'] as const).flatMap((child): TEndpoint[] => [
    {
      method: 'GET',
      path: '/api/v1/cases/:id',
      label: TEAM_LABEL[child],
      success: 200,
      child,
      request: async () => ({
        url: `/api/v1/cases/${child === 'own' ? (await freshCaseOnce()).id : (await caseTeams()).otherCase}`,
      }),
    },
    caseRow(child, 'POST', '/conversations', 201, () => conversation()),
    caseRow(child, 'POST', '/measures', 201, async (c, fresh) => {
      // A measure needs the child conversation first.
      if (fresh) await asCaseworker('POST', `/api/v1/cases/${c.id}/conversations`, conversation());
      return measure();
    }),
    caseRow(child, 'PUT', '/plan', 200, async () => ({
      madeOn: today(),
      childWishes: 'At gå til svømning',
      goals: [{ text: 'Går til svømning', factorCodes: [await protectiveFactor()] }],
    })),
    caseRow(child, 'POST', '/preliminary-assessment', 200, (c) => ({
      version: c.version,
      text: 'Foreløbig',
    })),
    caseRow(child, 'POST', '/child-assessment', 200, (c) => ({
      version: c.version,
      completedOn: today(),
      summary: 'Færdig',
    })),
    {
      method: 'POST',
      path: '/api/v1/cases/:id/follow-ups/:followUpId/held',
      label: TEAM_LABEL[child],
      success: 200,
      child,
      request: async (_role, _f, allowed) => {
        const c = await caseFor(child, allowed);
        let followUpId: string;
        if (child === 'own' && allowed) {
          // A § 32 measure schedules the § 95 follow-up.
          await asCaseworker('POST', `/api/v1/cases/${c.id}/conversations`, conversation());
          const withMeasure = await asCaseworker('POST', `/api/v1/cases/${c.id}/measures`, measure());
          followUpId = (withMeasure as unknown as { followUps: { id: string }[] }).followUps[0]?.id as string;
        } else {
          const { rows } = await env.t.db.pool.query(
            'SELECT id FROM case_follow_ups WHERE municipality_id = $1 AND case_id = $2 LIMIT 1',
            [env.f.demoId, c.id],
          );
          followUpId = rows[0]?.id ?? '00000000-0000-4000-8000-000000000000';
        }
        return {
          url: `/api/v1/cases/${c.id}/follow-ups/${followUpId}/held`,
          payload: { heldOn: today(), note: 'Kontaktpersonen virker.' },
        };
      },
    },
    caseRow(child, 'POST', '/access-grants', 200, async () => ({
      userId: (await caseTeams()).caseworker4,
      reason: 'Vikar under ferie',
    })),
    caseRow(child, 'POST', '/close', 200, (c) => ({
      version: c.version,
      reason: 'Mål nået',
    })),
    {
      method: 'GET',
      path: '/api/v1/caseworker-changes/:id',
      label: ` (${child === 'own' ? 'a change of their team' : 'a change of another team'})`,
      success: 200,
      child,
      request: async (_role, _f, allowed) => ({
        url: `/api/v1/caseworker-changes/${child === 'own' && allowed ? await proposedChange() : await changeOfOtherTeam()}`,
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/caseworker-changes/:id/confirm',
      label: ` (${child === 'own' ? 'a change of their team' : 'a change of another team'})`,
      success: 202,
      child,
      request: async (_role, _f, allowed) => ({
        url: `/api/v1/caseworker-changes/${child === 'own' && allowed ? await proposedChange() : await changeOfOtherTeam()}/confirm`,
        payload: { version: 1, assignments: [] },
      }),
    },
  ]),
  read('/api/v1/caseworker-changes'),
  {
    method: 'POST',
    path: '/api/v1/caseworker-changes',
    success: 201,
    request: async () => {
      const { rows } = await env.t.db.pool.query(
        "SELECT id FROM users WHERE municipality_id = $1 AND email = 'caseworker3@demo.beskyt.test'",
        [env.f.demoId],
      );
      return {
        url: '/api/v1/caseworker-changes',
        payload: { leavingUserId: rows[0].id, effectiveOn: today() },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/compliance',
    success: 200,
    request: () => ({ url: `/api/v1/compliance?from=2026-01-01&to=${today()}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/compliance/export',
    success: 200,
    request: () => ({ url: `/api/v1/compliance/export?from=2026-01-01&to=${today()}` }),
  },
  read('/api/v1/letters'),
  {
    method: 'GET',
    path: '/api/v1/letters/:id/pdf',
    success: 200,
    request: async () => ({ url: `/api/v1/letters/${await letterOnce()}/pdf` }),
  },
  {
    method: 'POST',
    path: '/api/v1/letters/:id/retry',
    label: ' (a failed letter)',
    success: 200,
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/letters/${allowed ? await letter(true) : await letterOnce()}/retry`,
    }),
  },
];

let readCase: Promise<{ id: string; version: number }> | undefined;
/** One case of the first team for the reads (reading changes nothing). */
function freshCaseOnce(): Promise<{ id: string; version: number }> {
  readCase ??= freshCase();
  return readCase;
}

let readLetter: Promise<string> | undefined;
function letterOnce(): Promise<string> {
  readLetter ??= letter(false);
  return readLetter;
}
