import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCpr } from '../../src/domain/cpr.ts';
import { ROLE_PERMISSIONS, ROLES, type TRole } from '../../src/shared/permissions.ts';
import { startTestApp, type TSession, type TTestApp } from '../fixtures/test-app.ts';
import { CASES_ROWS } from './matrix/cases-rows.ts';
import { CONCERNS_ROWS } from './matrix/concerns-rows.ts';
import { CONFERENCES_ROWS } from './matrix/conferences-rows.ts';
import { LEISURE_PASSES_ROWS } from './matrix/leisure-passes-rows.ts';
import { MEETINGS_ROWS } from './matrix/meetings-rows.ts';
import { NETWORK_ROWS } from './matrix/network-rows.ts';
import { NOTICES_ROWS } from './matrix/notices-rows.ts';
import { NOTIFICATIONS_ROWS } from './matrix/notifications-rows.ts';
import { OFFERS_ROWS } from './matrix/offers-rows.ts';
import { REFERRALS_ROWS } from './matrix/referrals-rows.ts';
import { appRoutes, routeKey, type TAccess } from './matrix/route-access.ts';
import { env, type TEndpoint, type TFixtures, type TRequest } from './matrix/types.ts';

/**
 * Every route of the route table (and so of the OpenAPI document) × every role, and × nobody signed in. The
 * rows are ENDPOINTS below (the foundation's) and the areas' rows in ./matrix/*-rows.ts; one test fails,
 * naming the route, for a route without a row, so a new endpoint cannot go untested. A row says how to ask
 * and what success looks like, never who may ask: the expected answer is derived from the permission the
 * route is declared with (`routeTable()`, decision 021) and what each role holds (`ROLE_PERMISSIONS` in
 * src/shared/permissions.ts; one test checks the database grants exactly that): a role holding the route's
 * permission gets the row's success status, any other role gets 403, nobody signed in gets 401. Endpoints
 * about one record are asked twice: for a record the user has a relation to (a child enrolled in one of
 * their units, a case of their team, a meeting they take part in …) and for one outside their relations
 * (404 to a role holding the permission — existence is never confirmed).
 * The areas' behaviour (bad input, sharing rules, state changes) is tested beside each module.
 */
const PASSWORD = 'beskyt-demo';
const email = (role: TRole, domain: 'demo' | 'nabo') => `${role}@${domain}.beskyt.test`;

let t: TTestApp;
let f: TFixtures;
let counter = 0;
const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)} ${++counter}`;

async function freshUnit(): Promise<{ id: string; version: number }> {
  const { rows } = await t.db.pool.query(
    "INSERT INTO units (municipality_id, name, kind) VALUES ($1, $2, 'daycare') RETURNING id, version",
    [f.demoId, unique('Matrixenhed')],
  );
  return rows[0];
}

async function freshUser(): Promise<{ id: string; version: number }> {
  const { rows } = await t.db.pool.query(
    "INSERT INTO users (municipality_id, email, name, password_hash) VALUES ($1, $2, $3, 'x') RETURNING id, version",
    [f.demoId, `matrix-${randomUUID()}@demo.beskyt.test`, unique('Matrixbruger')],
  );
  return rows[0];
}

/** A pending professional grant in the leader's unit, asked for by someone other than the caller (issue 13). */
async function freshGrant(): Promise<string> {
  const [grantee, requester] = [await freshUser(), await freshUser()];
  const { rows } = await t.db.pool.query(
    `INSERT INTO role_grants (municipality_id, user_id, role, unit_id, requested_by)
     VALUES ($1, $2, 'professional', $3, $4) RETURNING id`,
    [f.demoId, grantee.id, f.leaderUnitId, requester.id],
  );
  return rows[0].id;
}

/** A valid CPR number no Demo child has yet (born 2020–2023, 7th digit 4 → 2000s). */
async function freshCpr(): Promise<string> {
  for (;;) {
    const rnd = (n: number) => Math.floor(Math.random() * n);
    const dd = String(1 + rnd(28)).padStart(2, '0');
    const mm = String(1 + rnd(12)).padStart(2, '0');
    const yy = String(20 + rnd(4));
    const cpr = `${dd}${mm}${yy}-4${String(rnd(1000)).padStart(3, '0')}`;
    const { rowCount } = await t.db.pool.query('SELECT 1 FROM children WHERE cpr_hash = $1', [
      t.cipher.hash(cpr),
    ]);
    if (!rowCount) return cpr;
  }
}

/** The Demo draft catalogue, created through SQL when there is none. */
async function draftCatalogue(): Promise<string> {
  const { rows } = await t.db.pool.query(
    `WITH existing AS (SELECT id FROM factor_catalogues WHERE municipality_id = $1 AND status = 'draft'),
          created AS (INSERT INTO factor_catalogues (municipality_id, version, status)
                      SELECT $1, (SELECT coalesce(max(version), 0) + 1 FROM factor_catalogues WHERE municipality_id = $1), 'draft'
                       WHERE NOT EXISTS (SELECT 1 FROM existing) RETURNING id)
     SELECT id FROM existing UNION ALL SELECT id FROM created`,
    [f.demoId],
  );
  return rows[0].id;
}

async function draftFactor(): Promise<{ catalogueId: string; factorId: string }> {
  const catalogueId = await draftCatalogue();
  const { rows } = await t.db.pool.query(
    `INSERT INTO factors (municipality_id, catalogue_id, code, kind, domain, label_da, label_en, bit)
     SELECT $1, $2, $3, 'protective', 'community', 'Matrix', 'Matrix', min(b) FROM generate_series(0, 63) b
      WHERE b NOT IN (SELECT bit FROM factors WHERE municipality_id = $1 AND catalogue_id = $2) RETURNING id`,
    [f.demoId, catalogueId, `P-M${++counter}`],
  );
  return { catalogueId, factorId: rows[0].id };
}

/** The latest published Demo catalogue, published here from a draft when the seed has none. */
async function publishedCatalogue(): Promise<string> {
  const { rows } = await t.db.pool.query(
    "SELECT id FROM factor_catalogues WHERE municipality_id = $1 AND status = 'published' ORDER BY version DESC LIMIT 1",
    [f.demoId],
  );
  if (rows[0]) return rows[0].id;
  const { catalogueId } = await draftFactor();
  await t.db.pool.query(
    "UPDATE factor_catalogues SET status = 'published', published_at = now() WHERE municipality_id = $1 AND id = $2",
    [f.demoId, catalogueId],
  );
  return catalogueId;
}

/** A round open today for the assessors' units, made through SQL so each request has a round of its own. */
async function freshRound(): Promise<string> {
  const catalogueId = await publishedCatalogue();
  const { rows } = await t.db.pool.query(
    `INSERT INTO assessment_rounds (municipality_id, name, period, opens_on, closes_on, catalogue_id)
     VALUES ($1, $2, '2026H1', current_date - 1, current_date + 1, $3) RETURNING id`,
    [f.demoId, unique('Matrixrunde'), catalogueId],
  );
  await t.db.pool.query(
    'INSERT INTO round_units (municipality_id, round_id, unit_id) SELECT $1, $2, unnest($3::uuid[])',
    [f.demoId, rows[0].id, f.assessorUnitIds],
  );
  return rows[0].id;
}

/** A joint assessment of the child in a fresh round, made in its current unit (an assessor unit if it has one). */
async function freshAssessment(childId: string): Promise<string> {
  const roundId = await freshRound();
  const { rows } = await t.db.pool.query(
    `INSERT INTO assessments (municipality_id, round_id, child_id, unit_id, mode, author_id, catalogue_id, assessed_on, position)
     SELECT $1, r.id, $3, (SELECT e.unit_id FROM enrolments e WHERE e.municipality_id = $1 AND e.child_id = $3
                             AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)
                           ORDER BY e.unit_id = $5 DESC, e.unit_id = ANY($4::uuid[]) DESC LIMIT 1),
            'joint', $6, r.catalogue_id, current_date, 'green'
       FROM assessment_rounds r WHERE r.municipality_id = $1 AND r.id = $2 RETURNING id`,
    [f.demoId, roundId, childId, f.assessorUnitIds, f.leaderUnitId, f.sessions.professional.user.id],
  );
  return rows[0].id;
}

/** A finished import started by the demo professional in a fresh round (its leader's unit takes part). */
async function freshImport(): Promise<string> {
  const { rows } = await t.db.pool.query(
    `INSERT INTO assessment_imports (municipality_id, round_id, user_id, file_name, format, layout, status, total_rows,
                                     processed_rows, created_count, finished_at)
     VALUES ($1, $2, $3, 'matrix.csv', 'csv', 'position', 'done', 1, 1, 1, now()) RETURNING id`,
    [f.demoId, await freshRound(), f.sessions.professional.user.id],
  );
  return rows[0].id;
}

/** A one-row green/yellow/red file for the child, dated today, as base64. */
async function importFile(childId: string): Promise<string> {
  const { rows } = await t.db.pool.query(
    'SELECT cpr_encrypted, current_date::text AS today FROM children WHERE id = $1',
    [childId],
  );
  const cpr = formatCpr(t.cipher.decrypt(rows[0].cpr_encrypted));
  return Buffer.from(`cpr;date;position\r\n${cpr};${rows[0].today};grøn\r\n`).toString('base64');
}

const sharedRecords = new Map<string, Promise<unknown>>();

/**
 * A fresh record for a role that gets through; for a refused role (answered before any record is looked at)
 * one record made once and shared, so the refusals cost no writes.
 */
function freshOrShared<T>(allowed: boolean, key: string, make: () => Promise<T>): Promise<T> {
  if (allowed) return make();
  if (!sharedRecords.has(key)) sharedRecords.set(key, make());
  return sharedRecords.get(key) as Promise<T>;
}

const newFactor = () => ({
  code: `P-NY${++counter}`,
  kind: 'protective',
  domain: 'community',
  labelDa: 'Tryghed i lokalområdet',
  labelEn: 'Safety in the local area',
});

const today = () => new Date().toISOString().slice(0, 10);

const ENDPOINTS: TEndpoint[] = [
  { method: 'GET', path: '/healthz', access: 'public', success: 200, request: () => ({ url: '/healthz' }) },
  {
    method: 'POST',
    path: '/api/v1/auth/login',
    success: 200,
    request: (role) => ({
      url: '/api/v1/auth/login',
      payload: { email: email(role, 'demo'), password: PASSWORD },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/auth/logout',
    success: 204,
    freshSession: true,
    request: () => ({ url: '/api/v1/auth/logout' }),
  },
  {
    method: 'GET',
    path: '/api/v1/auth/me',
    success: 200,
    request: () => ({ url: '/api/v1/auth/me' }),
  },
  {
    method: 'GET',
    path: '/api/v1/today',
    success: 200,
    request: () => ({ url: '/api/v1/today' }),
  },
  {
    method: 'PUT',
    path: '/api/v1/auth/locale',
    success: 204,
    request: () => ({ url: '/api/v1/auth/locale', payload: { locale: 'da' } }),
  },
  {
    method: 'GET',
    path: '/api/v1/districts',
    success: 200,
    request: () => ({ url: '/api/v1/districts' }),
  },
  {
    method: 'GET',
    path: '/api/v1/units',
    success: 200,
    request: () => ({ url: '/api/v1/units?kind=school' }),
  },
  {
    method: 'POST',
    path: '/api/v1/units',
    success: 201,
    request: () => ({ url: '/api/v1/units', payload: { name: unique('Ny enhed'), kind: 'leisure' } }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/units/:id',
    success: 200,
    request: async (_role, _f, allowed) => {
      const unit = await freshOrShared(allowed, 'unit', freshUnit);
      return {
        url: `/api/v1/units/${unit.id}`,
        payload: { version: unit.version, name: unique('Omdøbt enhed') },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/roles',
    success: 200,
    request: () => ({ url: '/api/v1/roles' }),
  },
  {
    method: 'GET',
    path: '/api/v1/users',
    success: 200,
    request: () => ({ url: '/api/v1/users?q=demo&page=1&pageSize=10' }),
  },
  {
    method: 'POST',
    path: '/api/v1/users',
    success: 201,
    request: () => ({
      url: '/api/v1/users',
      payload: {
        name: unique('Ny bruger'),
        email: `new-${randomUUID()}@demo.beskyt.test`,
        password: 'a-long-enough-password',
        roles: [{ role: 'analyst' }],
      },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/users/:id',
    success: 200,
    request: async (_role, _f, allowed) => {
      const user = await freshOrShared(allowed, 'user', freshUser);
      return {
        url: `/api/v1/users/${user.id}`,
        payload: { version: user.version, name: unique('Omdøbt bruger') },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/role-grants',
    success: 200,
    request: () => ({ url: '/api/v1/role-grants?status=pending' }),
  },
  ...(['confirm', 'refuse'] as const).map(
    (decision): TEndpoint => ({
      method: 'POST',
      path: `/api/v1/role-grants/:id/${decision}`,
      label: ' (a grant in the leader’s unit)',
      success: 200,
      request: async () => ({ url: `/api/v1/role-grants/${await freshGrant()}/${decision}` }),
    }),
  ),
  {
    method: 'GET',
    path: '/api/v1/children',
    success: 200,
    request: () => ({ url: '/api/v1/children?pageSize=10' }),
  },
  {
    method: 'GET',
    path: '/api/v1/children/:id',
    label: ' (child in their unit)',
    success: 200,
    child: 'own',
    request: (role) => ({ url: `/api/v1/children/${f.ownChild[role]}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/children/:id',
    label: ' (child outside their units)',
    success: 200,
    child: 'other',
    request: (role) => ({ url: `/api/v1/children/${f.otherChild[role]}` }),
  },
  {
    method: 'POST',
    path: '/api/v1/children/:id/cpr-reveal',
    label: ' (child in their unit)',
    success: 200,
    child: 'own',
    request: (role) => ({
      url: `/api/v1/children/${f.ownChild[role]}/cpr-reveal`,
      payload: { reason: 'Kontakt til sundhedsplejen' },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/children/:id/cpr-reveal',
    label: ' (child outside their units)',
    success: 200,
    child: 'other',
    request: (role) => ({
      url: `/api/v1/children/${f.otherChild[role]}/cpr-reveal`,
      payload: { reason: 'Kontakt til sundhedsplejen' },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/children',
    success: 201,
    request: async (_role, _f, allowed) => ({
      url: '/api/v1/children',
      payload: {
        firstName: 'Matrix',
        lastName: unique('Barn'),
        cpr: await freshOrShared(allowed, 'cpr', freshCpr),
        unitId: f.leaderUnitId,
        groupName: 'Stue A',
        fromDate: today(),
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/audit',
    success: 200,
    request: () => ({ url: '/api/v1/audit?page=1&pageSize=20' }),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/export',
    label: ' (csv)',
    success: 200,
    request: () => ({ url: '/api/v1/audit/export?format=csv' }),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/export',
    label: ' (xlsx)',
    success: 200,
    request: () => ({ url: '/api/v1/audit/export?format=xlsx' }),
  },
  {
    method: 'GET',
    path: '/api/v1/policy-themes',
    success: 200,
    request: () => ({ url: '/api/v1/policy-themes' }),
  },
  {
    method: 'GET',
    path: '/api/v1/factor-catalogues',
    success: 200,
    request: () => ({ url: '/api/v1/factor-catalogues' }),
  },
  {
    method: 'GET',
    path: '/api/v1/factor-catalogues/current',
    success: 200,
    request: async () => {
      // A published version must exist for the current one to be found.
      await publishedCatalogue();
      return { url: '/api/v1/factor-catalogues/current' };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/factor-catalogues/:id',
    success: 200,
    request: async () => ({ url: `/api/v1/factor-catalogues/${await draftCatalogue()}` }),
  },
  {
    method: 'POST',
    path: '/api/v1/factor-catalogues/draft',
    success: 201,
    request: async (_role, _f, allowed) => {
      // Only a role that may make the draft finds none to make it from; a refused one never gets that far.
      if (allowed)
        await t.db.pool.query(
          "DELETE FROM factor_catalogues WHERE municipality_id = $1 AND status = 'draft'",
          [f.demoId],
        );
      return { url: '/api/v1/factor-catalogues/draft' };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/factor-catalogues/:id/factors',
    success: 201,
    request: async () => ({
      url: `/api/v1/factor-catalogues/${await draftCatalogue()}/factors`,
      payload: newFactor(),
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/factor-catalogues/:id/factors/:factorId',
    success: 200,
    request: async (_role, _f, allowed) => {
      const { catalogueId, factorId } = await freshOrShared(allowed, 'factor', draftFactor);
      return {
        url: `/api/v1/factor-catalogues/${catalogueId}/factors/${factorId}`,
        payload: { labelDa: 'Ændret' },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/factor-catalogues/:id/factors/:factorId',
    success: 200,
    request: async (_role, _f, allowed) => {
      const { catalogueId, factorId } = await freshOrShared(allowed, 'factor', draftFactor);
      return { url: `/api/v1/factor-catalogues/${catalogueId}/factors/${factorId}` };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/factor-catalogues/:id/publish',
    success: 200,
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/factor-catalogues/${(await freshOrShared(allowed, 'factor', draftFactor)).catalogueId}/publish`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/measurement',
    success: 200,
    request: () => ({ url: '/api/v1/measurement?groupBy=theme,period' }),
  },
  {
    method: 'GET',
    path: '/api/v1/measurement/export',
    success: 200,
    request: () => ({ url: '/api/v1/measurement/export?groupBy=unit&format=xlsx' }),
  },
  {
    method: 'POST',
    path: '/api/v1/assessment-rounds',
    success: 201,
    request: async () => {
      await publishedCatalogue();
      return {
        url: '/api/v1/assessment-rounds',
        payload: { name: unique('Runde'), opensOn: today(), closesOn: today(), unitIds: [f.leaderUnitId] },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/assessment-rounds',
    success: 200,
    request: () => ({ url: '/api/v1/assessment-rounds' }),
  },
  {
    method: 'GET',
    path: '/api/v1/assessment-rounds/:id/progress',
    success: 200,
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/assessment-rounds/${await freshOrShared(allowed, 'round', freshRound)}/progress?unitId=${f.leaderUnitId}`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/assessment-rounds/:id/progress',
    label: ' (a unit not theirs)',
    success: 200,
    child: 'other',
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/assessment-rounds/${await freshOrShared(allowed, 'round', freshRound)}/progress?unitId=${f.otherUnitId}`,
    }),
  },
  ...(['own', 'other'] as const).flatMap((child): TEndpoint[] => [
    {
      method: 'GET',
      path: '/api/v1/assessment-rounds/:roundId/children/:childId/own-assessments',
      label: ` (${child} child)`,
      success: 200,
      child,
      request: async (role, _f, allowed) => ({
        url: `/api/v1/assessment-rounds/${await freshOrShared(allowed, 'round', freshRound)}/children/${child === 'own' ? f.ownChild[role] : f.otherChild[role]}/own-assessments`,
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/assessments',
      label: ` (${child} child)`,
      success: 201,
      child,
      request: async (role, _f, allowed) => ({
        url: '/api/v1/assessments',
        payload: {
          roundId: await freshOrShared(allowed, 'round', freshRound),
          childId: child === 'own' ? f.ownChild[role] : f.otherChild[role],
          mode: 'own',
          position: 'green',
          factors: [],
        },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/assessments/:id',
      label: ` (${child} child)`,
      success: 200,
      child,
      request: async (role, _f, allowed) => ({
        url: `/api/v1/assessments/${await freshOrShared(allowed, `assessment:${child}:${role}`, () => freshAssessment(child === 'own' ? f.ownChild[role] : f.otherChild[role]))}`,
      }),
    },
    {
      method: 'PATCH',
      path: '/api/v1/assessments/:id',
      label: ` (${child} child)`,
      success: 200,
      child,
      request: async (role, _f, allowed) => ({
        url: `/api/v1/assessments/${await freshOrShared(allowed, `assessment:${child}:${role}`, () => freshAssessment(child === 'own' ? f.ownChild[role] : f.otherChild[role]))}`,
        payload: { version: 1, position: 'yellow' },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/assessments/:id/lock',
      label: ` (${child} child)`,
      success: 200,
      child,
      request: async (role, _f, allowed) => ({
        url: `/api/v1/assessments/${await freshOrShared(allowed, `assessment:${child}:${role}`, () => freshAssessment(child === 'own' ? f.ownChild[role] : f.otherChild[role]))}/lock`,
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/children/:id/assessments',
      label: ` (${child} child)`,
      success: 200,
      child,
      request: (role) => ({
        url: `/api/v1/children/${child === 'own' ? f.ownChild[role] : f.otherChild[role]}/assessments`,
      }),
    },
  ]),
  {
    method: 'GET',
    path: '/api/v1/units/:id/wellbeing',
    success: 200,
    request: () => ({ url: `/api/v1/units/${f.leaderUnitId}/wellbeing` }),
  },
  {
    method: 'POST',
    path: '/api/v1/assessment-imports',
    label: ' (wait=true, a child in their unit)',
    success: 201,
    request: async (role, _f, allowed) => ({
      url: '/api/v1/assessment-imports?wait=true',
      payload: {
        roundId: await freshOrShared(allowed, 'round', freshRound),
        format: 'csv',
        fileName: 'matrix.csv',
        content: await freshOrShared(allowed, `file:${role}`, () => importFile(f.ownChild[role])),
        mode: 'joint',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/assessment-imports/:id',
    label: ' (started by the professional, in a round of the leader’s unit)',
    success: 200,
    request: async (_role, _f, allowed) => ({
      url: `/api/v1/assessment-imports/${await freshOrShared(allowed, 'import', freshImport)}`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/units/:id/wellbeing',
    label: ' (a unit not theirs)',
    success: 200,
    child: 'other',
    request: () => ({ url: `/api/v1/units/${f.otherUnitId}/wellbeing` }),
  },
  ...CONCERNS_ROWS,
  ...MEETINGS_ROWS,
  ...NOTIFICATIONS_ROWS,
  ...OFFERS_ROWS,
  ...REFERRALS_ROWS,
  ...LEISURE_PASSES_ROWS,
  ...CASES_ROWS,
  ...NOTICES_ROWS,
  ...NETWORK_ROWS,
  ...CONFERENCES_ROWS,
];

/** The route table, read before the cases are named (each name tells the status it expects). */
const ROUTES = await appRoutes();

/** Who may call the row's route: as its route is declared, or as the row says for a route outside the table. */
function accessOf(e: TEndpoint): TAccess {
  const declared = ROUTES.get(routeKey(e));
  if (declared) return declared;
  if (e.access) return e.access;
  throw new Error(`${routeKey(e)}: no such route in the route table`);
}

const isPublic = (e: TEndpoint) => accessOf(e) === 'public';

function expectedStatus(e: TEndpoint, role: TRole): number {
  const access = accessOf(e);
  if (access === 'public' || access === 'session') return e.success;
  if (!access.anyOf.some((p) => ROLE_PERMISSIONS[role].includes(p))) return 403;
  return e.child === 'other' ? 404 : e.success;
}

function caseName(e: TEndpoint, role: TRole, status: number): string {
  const verb = status < 300 ? 'allows' : status === 404 ? 'answers 404 (not found) to' : 'refuses';
  return `${verb} ${role} ${e.method} ${e.path}${e.label ?? ''} with ${status}`;
}

const CODE_FOR: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

const MATRIX = ENDPOINTS.flatMap((endpoint) =>
  ROLES.map((role) => {
    const status = expectedStatus(endpoint, role);
    return [caseName(endpoint, role, status), { endpoint, role, status }] as const;
  }),
);

const ANONYMOUS = ENDPOINTS.filter((e) => !isPublic(e)).map(
  (endpoint) =>
    [
      `refuses an anonymous caller ${endpoint.method} ${endpoint.path}${endpoint.label ?? ''} with 401`,
      endpoint,
    ] as const,
);

function send(session: TSession | null, method: string, req: TRequest): Promise<LightMyRequestResponse> {
  if (session) return t.as(session, method, req.url, req.payload);
  return t.app.inject({ method: method as 'GET', url: req.url, payload: req.payload as object });
}

async function childFor(userId: string, relation: 'own' | 'other'): Promise<string | undefined> {
  const current = 'e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)';
  const inUserUnits = `EXISTS (SELECT 1 FROM enrolments e
      JOIN role_assignments ra ON ra.municipality_id = e.municipality_id AND ra.unit_id = e.unit_id AND ra.user_id = $2
     WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id AND ${current})`;
  const enrolledSomewhere = `EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id AND ${current})`;
  // Outside every relation the user could have to the child: no case about it at all (a manager without a
  // team reaches every team's cases; a case may be assigned or granted across teams), no meeting item about it
  // (a participant sees a named child where the consent names their profession), not its coordinator.
  const noOtherRelation = `NOT EXISTS (SELECT 1 FROM cases k WHERE k.municipality_id = c.municipality_id AND k.child_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM meeting_items mi WHERE mi.municipality_id = c.municipality_id AND mi.child_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM child_coordinators cc
     WHERE cc.municipality_id = c.municipality_id AND cc.child_id = c.id AND cc.user_id = $2)`;
  const { rows } = await t.db.pool.query(
    `SELECT c.id FROM children c WHERE c.municipality_id = $1
        AND ${relation === 'own' ? inUserUnits : `NOT ${inUserUnits} AND ${enrolledSomewhere} AND ${noOtherRelation}`}
      ORDER BY c.id LIMIT 1`,
    [f.demoId, userId],
  );
  return rows[0]?.id;
}

beforeAll(async () => {
  t = await startTestApp();
  const { rows: m } = await t.db.pool.query(
    "SELECT slug, id FROM municipalities WHERE slug IN ('demo', 'nabo')",
  );
  const ids = Object.fromEntries(m.map((r) => [r.slug, r.id]));
  f = { demoId: ids.demo, naboId: ids.nabo } as TFixtures;
  f.sessions = {} as Record<TRole, TSession>;
  for (const role of ROLES) f.sessions[role] = await t.login(email(role, 'demo'));
  f.ownChild = {} as Record<TRole, string>;
  f.otherChild = {} as Record<TRole, string>;
  const professionalId = f.sessions.professional.user.id;
  for (const role of ROLES) {
    const userId = f.sessions[role].user.id;
    const own = (await childFor(userId, 'own')) ?? (await childFor(professionalId, 'own'));
    const other = await childFor(userId, 'other');
    if (!own || !other) throw new Error(`no test children for ${role}`);
    f.ownChild[role] = own;
    f.otherChild[role] = other;
  }
  const leaderUnit = f.sessions.unitLeader.user.roles?.find((r) => r.role === 'unitLeader')?.unitId;
  if (!leaderUnit) throw new Error('the demo unit leader has no unit');
  f.leaderUnitId = leaderUnit;
  f.assessorUnitIds = [
    ...new Set(
      [f.sessions.professional, f.sessions.unitLeader].flatMap((s) =>
        (s.user.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : [])),
      ),
    ),
  ];
  const other = await t.db.pool.query(
    "SELECT id FROM units WHERE municipality_id = $1 AND kind = 'school' AND id <> ALL($2::uuid[]) ORDER BY name LIMIT 1",
    [f.demoId, f.assessorUnitIds],
  );
  f.otherUnitId = other.rows[0].id;
  env.t = t;
  env.f = f;
});
afterAll(() => t.close());

describe('the permission table the matrix is derived from', () => {
  it('is exactly what the database grants each role', async () => {
    const { rows } = await t.db.pool.query(
      'SELECT role, permission FROM role_permissions ORDER BY role, permission',
    );
    const actual: Record<string, string[]> = {};
    for (const r of rows) actual[r.role] = [...(actual[r.role] ?? []), r.permission];
    const expected = Object.fromEntries(ROLES.map((role) => [role, [...ROLE_PERMISSIONS[role]].sort()]));
    expect(actual).toEqual(expected);
  });

  it('has a row for every route of the route table, and asks each one of every role and of nobody', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const routes = [...ROUTES.keys()];
    // Every documented route is in the route table, so every one is declared with its permission.
    expect(documented.toSorted(), 'the OpenAPI routes are the route table').toEqual(routes.toSorted());
    const rows = new Set(ENDPOINTS.map(routeKey));
    const covered = routes.filter((route) => rows.has(route));
    const percent = routes.length ? Math.floor((covered.length / routes.length) * 1000) / 10 : 0;
    console.log(
      `matrix: ${covered.length} routes × ${ROLES.length + 1} roles (${ROLES.length} + anonymous) = ` +
        `${MATRIX.length + ANONYMOUS.length} requests in ${ENDPOINTS.length} rows, ${percent} % of the routes`,
    );
    // A new endpoint fails here, by name, until the matrix has a row for it.
    expect(
      routes.filter((route) => !rows.has(route)),
      'routes without a matrix row',
    ).toEqual([]);
    // Who may call a route is said once, where the route is declared; a row says it only for a route
    // outside the table.
    expect(
      ENDPOINTS.filter((e) => e.access !== undefined).map(routeKey),
      'rows naming their own access',
    ).toEqual(ENDPOINTS.filter((e) => !ROUTES.has(routeKey(e))).map(routeKey));
    // Every row is asked of every role, and of nobody signed in unless it is public.
    for (const e of ENDPOINTS) {
      const asked = MATRIX.filter(([, c]) => c.endpoint === e).map(([, c]) => c.role);
      expect(asked, `${e.method} ${e.path}${e.label ?? ''}`).toEqual([...ROLES]);
      expect(
        ANONYMOUS.some(([, a]) => a === e),
        `${e.method} ${e.path}`,
      ).toBe(!isPublic(e));
    }
  });

  it('uses different test children inside and outside the units of each user who reads children', () => {
    for (const role of ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('read:child:unit'))) {
      expect(f.ownChild[role]).not.toBe(f.otherChild[role]);
    }
  });
});

describe('endpoint × role (Demo Kommune)', () => {
  it.each(MATRIX)('%s', async (_name, { endpoint, role, status }) => {
    const session = isPublic(endpoint)
      ? null
      : endpoint.freshSession
        ? await t.login(email(role, 'demo'))
        : f.sessions[role];
    const req = await endpoint.request(role, f, status < 300);
    const res = await send(session, endpoint.method, req);
    expect(res.statusCode, res.body).toBe(status);
    const code = CODE_FOR[status];
    if (code) expect(res.json().error.code).toBe(code);
  });
});

describe('without a session', () => {
  it.each(ANONYMOUS)('%s', async (_name, endpoint) => {
    const req = await endpoint.request('admin', f, false);
    const res = await send(null, endpoint.method, req);
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a made-up session cookie with 401', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: 'beskyt_session=made-up' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('CSRF', () => {
  /** Counts and versions of everything an unsafe request of the matrix could write. */
  async function fingerprint(): Promise<unknown> {
    await t.audit.drain();
    const { rows } = await t.db.pool.query(
      `SELECT (SELECT count(*) FROM units) AS units, (SELECT sum(version) FROM units) AS unit_versions,
              (SELECT count(*) FROM users) AS users, (SELECT sum(version) FROM users) AS user_versions,
              (SELECT string_agg(locale, '' ORDER BY id) FROM users) AS locales,
              (SELECT count(*) FROM children) AS children, (SELECT count(*) FROM enrolments) AS enrolments,
              (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM audit_events) AS audit_events,
              (SELECT count(*) FROM assessment_rounds) AS rounds, (SELECT count(*) FROM assessments) AS assessments,
              (SELECT sum(version) FROM assessments) AS assessment_versions,
              (SELECT count(*) FROM concerns) AS concerns, (SELECT count(*) || ':' || sum(version) FROM concern_signs) AS signs,
              (SELECT sum(version) FROM early_warning_rules) AS rule_versions,
              (SELECT count(*) FROM alerts WHERE read_at IS NOT NULL) AS alerts_read,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM child_coordinators) AS coordinators,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM consents) AS consents,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM meetings) AS meetings,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM meeting_items) AS meeting_items,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM meeting_actions) AS meeting_actions,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM notifications) AS notifications,
              (SELECT coalesce(sum(version), 0) FROM deadline_settings) AS deadline_versions,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM cases) AS cases,
              (SELECT count(*) FROM case_access_grants) AS case_grants,
              (SELECT count(*) FROM child_conversations) + (SELECT count(*) FROM case_measures) AS case_records,
              (SELECT count(*) FROM case_follow_ups WHERE held_on IS NOT NULL) AS follow_ups_held,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM caseworker_changes) AS changes,
              (SELECT count(*) FILTER (WHERE status = 'failed') FROM letters) AS letters_failed,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM offers) AS offers,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM offer_providers) AS providers,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM offer_kinds) AS offer_kinds,
              (SELECT count(*) FROM provider_members) AS provider_members,
              (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM referrals) AS referrals,
              (SELECT count(*) FROM referral_events) AS referral_events,
              (SELECT count(*) FROM referral_attendance) AS referral_attendance,
              (SELECT coalesce(sum(version), 0) FROM referral_settings) AS referral_settings`,
    );
    return rows[0];
  }

  const UNSAFE = ENDPOINTS.filter((e) => e.method !== 'GET' && !isPublic(e));
  const CSRF_CASES = UNSAFE.flatMap((endpoint) =>
    (['missing', 'wrong'] as const).map(
      (token) =>
        [
          `refuses ${endpoint.method} ${endpoint.path}${endpoint.label ?? ''} with a ${token} x-csrf-token (403 CSRF_FAILED) and writes nothing`,
          { endpoint, token },
        ] as const,
    ),
  );

  it.each(CSRF_CASES)('%s', async (_name, { endpoint, token }) => {
    // A role allowed to call the endpoint, so only the token stands between the request and a write.
    const role =
      ROLES.find((r) => expectedStatus(endpoint, r) < 300 && endpoint.child !== 'other') ?? 'unitLeader';
    const session = endpoint.freshSession ? await t.login(email(role, 'demo')) : f.sessions[role];
    const req = await endpoint.request(role, f, expectedStatus(endpoint, role) < 300);
    if (endpoint.path === '/api/v1/auth/locale') req.payload = { locale: 'en' };
    const before = await fingerprint();
    const headers: Record<string, string> = { cookie: session.cookie };
    if (token === 'wrong') headers['x-csrf-token'] = `${session.csrfToken.slice(0, -2)}xx`;
    const res = await t.app.inject({
      method: endpoint.method,
      url: req.url,
      payload: req.payload as object,
      headers,
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect(await fingerprint()).toEqual(before);
    expect((await t.as(session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('refuses another user’s valid CSRF token', async () => {
    const admin = f.sessions.admin;
    const before = await fingerprint();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name: unique('Csrf-enhed'), kind: 'school' },
      headers: { cookie: admin.cookie, 'x-csrf-token': f.sessions.professional.csrfToken },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect(await fingerprint()).toEqual(before);
  });
});

describe('tenancy: Nabo Kommune never reaches Demo Kommune', () => {
  let nabo: Record<TRole, TSession>;
  let demoChild: { id: string; first_name: string; last_name: string; birth_date: string; cpr: string };
  let demoIds: string[];

  beforeAll(async () => {
    nabo = {} as Record<TRole, TSession>;
    for (const role of ROLES) nabo[role] = await t.login(email(role, 'nabo'));
    const { rows } = await t.db.pool.query(
      'SELECT id, first_name, last_name, birth_date, cpr_encrypted FROM children WHERE municipality_id = $1 AND id = $2',
      [f.demoId, f.ownChild.professional],
    );
    const r = rows[0];
    demoChild = { ...r, cpr: formatCpr(t.cipher.decrypt(r.cpr_encrypted)) };
    // Make sure Demo has audit events of its own to leak, then collect every Demo id.
    expect((await t.as(f.sessions.professional, 'GET', `/api/v1/children/${demoChild.id}`)).statusCode).toBe(
      200,
    );
    const ids = await t.db.pool.query(
      `SELECT id::text FROM municipalities WHERE id = $1
       UNION ALL SELECT id::text FROM districts WHERE municipality_id = $1
       UNION ALL SELECT id::text FROM units WHERE municipality_id = $1
       UNION ALL SELECT id::text FROM teams WHERE municipality_id = $1
       UNION ALL SELECT id::text FROM users WHERE municipality_id = $1
       UNION ALL SELECT id::text FROM children WHERE municipality_id = $1
       UNION ALL SELECT id::text FROM guardians WHERE municipality_id = $1
       UNION ALL SELECT id::text FROM families WHERE municipality_id = $1
       UNION ALL SELECT id::text FROM households WHERE municipality_id = $1`,
      [f.demoId],
    );
    demoIds = ids.rows.map((r) => r.id);
    expect(demoIds.length).toBeGreaterThan(150);
  });

  function expectNoDemoIds(body: string): void {
    const leaked = demoIds.filter((id) => body.includes(id));
    expect(leaked).toEqual([]);
  }

  const NABO_CHILD_CASES = ROLES.flatMap((role) => {
    const status = ROLE_PERMISSIONS[role].includes('read:child:unit') ? 404 : 403;
    return [
      [
        `answers Nabo ${role} asking for a Demo child’s profile with ${status}`,
        { role, status, reveal: false },
      ] as const,
      [
        `answers Nabo ${role} asking to reveal a Demo child’s CPR with ${status}`,
        { role, status, reveal: true },
      ] as const,
    ];
  });

  it.each(NABO_CHILD_CASES)('%s', async (_name, { role, status, reveal }) => {
    const res = reveal
      ? await t.as(nabo[role], 'POST', `/api/v1/children/${demoChild.id}/cpr-reveal`, {
          reason: 'Forsøg på at se',
        })
      : await t.as(nabo[role], 'GET', `/api/v1/children/${demoChild.id}`);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
    expect(res.body).not.toContain(demoChild.last_name);
    expect(res.body).not.toContain(demoChild.cpr.slice(0, 6));
  });

  const SEARCHERS = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('read:child:unit'));
  const SEARCHES = SEARCHERS.flatMap((role) =>
    (
      [
        'the full list',
        'exact name',
        'first name',
        'CPR with dash',
        'CPR without dash',
        'birth date',
      ] as const
    ).map(
      (kind) => [`never shows Nabo ${role} a Demo child when searching by ${kind}`, { role, kind }] as const,
    ),
  );

  it.each(SEARCHES)('%s', async (_name, { role, kind }) => {
    const [y, mo, d] = demoChild.birth_date.split('-');
    const q = {
      'the full list': '',
      'exact name': `${demoChild.first_name} ${demoChild.last_name}`,
      'first name': demoChild.first_name,
      'CPR with dash': demoChild.cpr,
      'CPR without dash': demoChild.cpr.replace('-', ''),
      'birth date': `${d}-${mo}-${y}`,
    }[kind];
    for (let page = 1; ; page++) {
      const res = await t.as(
        nabo[role],
        'GET',
        `/api/v1/children?q=${encodeURIComponent(q)}&pageSize=100&page=${page}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      expectNoDemoIds(res.body);
      const body = res.json();
      if (page * body.pageSize >= body.total) break;
    }
  });

  it('lets a Nabo unit leader register a child with a CPR number Demo already uses, revealing nothing', async () => {
    const leader = nabo.unitLeader;
    const unitId = leader.user.roles?.find((r) => r.role === 'unitLeader')?.unitId;
    const res = await t.as(leader, 'POST', '/api/v1/children', {
      firstName: 'Tilflytter',
      lastName: unique('Barn'),
      cpr: demoChild.cpr,
      unitId,
      fromDate: today(),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().id).not.toBe(demoChild.id);
    expectNoDemoIds(res.body);
  });

  it('refuses a Nabo professional filtering children by a Demo unit as an unknown unit', async () => {
    const demoUnit = f.sessions.professional.user.roles?.[0]?.unitId;
    const res = await t.as(nabo.professional, 'GET', `/api/v1/children?unitId=${demoUnit}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.unitId).toBeTruthy();
  });

  it('never shows Demo ids in the Nabo admin’s audit log, pages and filters included', async () => {
    const admin = nabo.admin;
    // Some Nabo events first, so the log is not trivially empty.
    expect((await t.as(nabo.professional, 'GET', '/api/v1/children?pageSize=5')).statusCode).toBe(200);
    let seen = 0;
    for (let page = 1; ; page++) {
      const res = await t.as(admin, 'GET', `/api/v1/audit?pageSize=100&page=${page}`);
      expect(res.statusCode).toBe(200);
      expectNoDemoIds(res.body);
      const body = res.json();
      seen += body.items.length;
      if (page * body.pageSize >= body.total) break;
    }
    expect(seen).toBeGreaterThan(0);
    for (const filter of [`childId=${demoChild.id}`, `userId=${f.sessions.professional.user.id}`]) {
      const res = await t.as(admin, 'GET', `/api/v1/audit?${filter}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(0);
    }
    const csv = await t.as(admin, 'GET', '/api/v1/audit/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expectNoDemoIds(csv.body);
  });

  it('never shows Demo ids in the Nabo admin’s users, units and districts', async () => {
    for (let page = 1; ; page++) {
      const res = await t.as(nabo.admin, 'GET', `/api/v1/users?pageSize=100&page=${page}`);
      expect(res.statusCode).toBe(200);
      expectNoDemoIds(res.body);
      expect(res.body).not.toContain('@demo.beskyt.test');
      const body = res.json();
      if (page * body.pageSize >= body.total) break;
    }
    const search = await t.as(nabo.admin, 'GET', '/api/v1/users?q=demo.beskyt.test');
    expect(search.json().total).toBe(0);
    for (const url of ['/api/v1/units', '/api/v1/districts']) {
      const res = await t.as(nabo.admin, 'GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length).toBeGreaterThan(0);
      expectNoDemoIds(res.body);
    }
  });

  it('answers 404 when the Nabo admin changes a Demo unit, and the unit stays as it was', async () => {
    const unit = await freshUnit();
    const res = await t.as(nabo.admin, 'PATCH', `/api/v1/units/${unit.id}`, {
      version: unit.version,
      name: 'Overtaget',
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    const { rows } = await t.db.pool.query('SELECT municipality_id, name, version FROM units WHERE id = $1', [
      unit.id,
    ]);
    expect(rows[0].municipality_id).toBe(f.demoId);
    expect(rows[0].name).not.toBe('Overtaget');
    expect(rows[0].version).toBe(unit.version);
  });

  it('answers 404 when the Nabo admin changes or deactivates a Demo user, and the user stays as they were', async () => {
    const target = f.sessions.professional.user.id;
    const before = (await t.db.pool.query('SELECT name, active, version FROM users WHERE id = $1', [target]))
      .rows[0];
    const res = await t.as(nabo.admin, 'PATCH', `/api/v1/users/${target}`, {
      version: before.version,
      name: 'Overtaget',
      active: false,
      roles: [{ role: 'admin' }],
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    const after = (await t.db.pool.query('SELECT name, active, version FROM users WHERE id = $1', [target]))
      .rows[0];
    expect(after).toEqual(before);
    expect((await t.as(f.sessions.professional, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('refuses the Nabo admin giving a new user a role in a Demo unit', async () => {
    const demoUnit = f.leaderUnitId;
    const res = await t.as(nabo.admin, 'POST', '/api/v1/users', {
      name: 'Indtrænger',
      email: `intruder-${randomUUID()}@nabo.beskyt.test`,
      password: 'a-long-enough-password',
      roles: [{ role: 'professional', unitId: demoUnit }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields['roles.0.unitId']).toBeTruthy();
    const { rowCount } = await t.db.pool.query("SELECT 1 FROM users WHERE name = 'Indtrænger'");
    expect(rowCount).toBe(0);
  });
});
