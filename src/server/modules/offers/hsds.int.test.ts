import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * The HSDS 3.0 export (issue 15, item 2), validated with a real JSON-schema validator against the published
 * schemas (copied into tests/fixtures/hsds-3.0). The schemas allow fields they do not name; the test is
 * stricter and refuses any field HSDS does not define, so nothing of Beskyt's own slips in unannounced.
 */
const SCHEMAS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../tests/fixtures/hsds-3.0',
);

/** Every object schema that names its properties allows no others (recursively, through arrays and refs). */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, closed(v)]));
  if ('properties' in out && out.type === 'object') out.additionalProperties = false;
  return out;
}

function validators(): Record<
  'organization' | 'service' | 'location' | 'service_at_location',
  ValidateFunction
> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8'));
    ajv.addSchema({ ...(closed(schema) as object), $id: file });
  }
  const get = (name: string) => {
    const v = ajv.getSchema(`${name}.json`);
    if (!v) throw new Error(`no HSDS schema ${name}`);
    return v;
  };
  return {
    organization: get('organization'),
    service: get('service'),
    location: get('location'),
    service_at_location: get('service_at_location'),
  };
}

let t: TTestApp;
let admin: TSession;
let active: string;
let inactive: string;
const ids: Record<string, string> = {};

const SECRET_CONTACT = 'Hanne Hemmelighed';

async function offer(name: string, providerId: string, extra: Record<string, unknown> = {}) {
  const res = await t.as(admin, 'POST', '/api/v1/offers', {
    providerId,
    kind: 'leisureActivity',
    name,
    description: `${name}: en aktivitet for børn.`,
    ageFrom: 7,
    ageTo: 13,
    access: 'direct',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[name] = res.json().id;
  return res.json();
}

beforeAll(async () => {
  t = await startTestApp({ children: 20 });
  admin = await t.login('admin@demo.beskyt.test');
  const professional = await t.login('professional@demo.beskyt.test');
  const provider = async (body: Record<string, unknown>) =>
    (await t.as(admin, 'POST', '/api/v1/offer-providers', body)).json().id as string;
  active = await provider({
    name: 'Idrætsforeningen Øst',
    kind: 'association',
    description: 'Fodbold, håndbold og gymnastik.',
    website: 'https://if-oest.example',
    email: 'kontakt@if-oest.example',
    phone: '+45 11 22 33 44',
  });
  inactive = await provider({ name: 'Lukket Forening', kind: 'association', active: false });
  const place = { placeName: 'Østhallen', address: 'Hallvej 1', postalCode: '4400', city: 'Kalundborg' };
  await offer('Fodbold U10', active, {
    ...place,
    schedule: [
      { day: 'TU', opensAt: '16:00', closesAt: '17:30' },
      { day: 'TH', opensAt: '16:00', closesAt: '17:30' },
    ],
    scheduleNote: 'Ikke i skoleferierne',
    capacityTotal: 24,
    capacityFree: 3,
    factorCodes: ['P-ORGANISED-LEISURE'],
    leisurePass: true,
    costDkk: 600,
    languages: ['da', 'en'],
    contactName: SECRET_CONTACT,
    contactEmail: 'fodbold@if-oest.example',
    contactPhone: '22 33 44 55',
    eligibility: 'Alle kan være med.',
    ownerId: professional.user.id,
  });
  await offer('Håndbold U12', active, { ...place });
  await offer('Lektiecafé', active, { kind: 'homeworkHelp', access: 'referral' });
  await offer('Sat på pause', active, { status: 'paused' });
  await offer('Lukket tilbud', active, { status: 'closed' });
  await offer('Hos en lukket forening', inactive);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/offers/hsds', () => {
  it('is valid HSDS 3.0: every organization, service, location and service_at_location', async () => {
    const res = await t.as(admin, 'GET', '/api/v1/offers/hsds');
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json();
    const v = validators();
    const tables = [
      ['organization', doc.organizations],
      ['service', doc.services],
      ['location', doc.locations],
      ['service_at_location', doc.service_at_locations],
    ] as const;
    for (const [name, items] of tables) {
      expect(items.length, name).toBeGreaterThan(0);
      for (const item of items) {
        const ok = v[name](item);
        expect(v[name].errors ?? [], `${name} ${JSON.stringify(item).slice(0, 200)}`).toEqual([]);
        expect(ok).toBe(true);
      }
    }
    // The validator does refuse: a missing required field, a field HSDS lacks, a bad nested (referenced) object.
    const service = doc.services[0];
    const { status: _status, ...withoutStatus } = service;
    expect(v.service(withoutStatus)).toBe(false);
    expect(v.service({ ...service, capacity: 3 })).toBe(false);
    expect(v.service({ ...service, languages: [{ id: 'not-a-uuid', code: 'da' }] })).toBe(false);
    expect(v.service({ ...service, status: 'open' })).toBe(false);
  });

  it('holds the published offers only: active, of active providers, with the providers they use', async () => {
    const doc = (await t.as(admin, 'GET', '/api/v1/offers/hsds')).json();
    // The demo's own catalogue is there too; these two providers are this test's.
    const ours = (s: { organization_id: string }) =>
      s.organization_id === active || s.organization_id === inactive;
    expect(
      doc.services
        .filter(ours)
        .map((s: { name: string }) => s.name)
        .sort(),
    ).toEqual(['Fodbold U10', 'Håndbold U12', 'Lektiecafé']);
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM offers o JOIN offer_providers p ON p.municipality_id = o.municipality_id AND p.id = o.provider_id
        WHERE o.municipality_id = $1 AND o.status = 'active' AND p.active`,
      [admin.user.municipality.id],
    );
    expect(doc.services).toHaveLength(rows[0].n);
    const organizations = doc.organizations.map((o: { id: string }) => o.id);
    expect(organizations).toContain(active);
    expect(organizations).not.toContain(inactive);
    expect(new Set(organizations)).toEqual(
      new Set(doc.services.map((s: { organization_id: string }) => s.organization_id)),
    );
    expect(doc.organizations.find((o: { id: string }) => o.id === active)).toMatchObject({
      name: 'Idrætsforeningen Øst',
      website: 'https://if-oest.example',
      phones: [{ number: '+45 11 22 33 44' }],
    });
  });

  it('puts ages, cost, languages, schedules and capacity where the standard has a field for them', async () => {
    const doc = (await t.as(admin, 'GET', '/api/v1/offers/hsds')).json();
    const football = doc.services.find((s: { id: string }) => s.id === ids['Fodbold U10']);
    expect(football).toMatchObject({
      organization_id: active,
      status: 'active',
      minimum_age: 7,
      maximum_age: 13,
      eligibility_description: 'Alle kan være med.',
      email: 'fodbold@if-oest.example',
      cost_options: [{ currency: 'DKK', amount: 600 }],
      contacts: [{ email: 'fodbold@if-oest.example', phones: [{ number: '22 33 44 55' }] }],
    });
    expect(football.languages.map((l: { code: string }) => l.code)).toEqual(['da', 'en']);
    expect(football.fees_description).toContain('fritidspas');
    const attrs = Object.fromEntries(
      football.attributes.map((a: { link_type: string; value: string }) => [a.link_type, a.value]),
    );
    expect(attrs).toMatchObject({
      offer_kind: 'leisureActivity',
      access: 'direct',
      leisure_pass: 'true',
      places_total: '24',
      places_free: '3',
      protective_factor: 'P-ORGANISED-LEISURE',
    });
    // Two offers at the same hall share one location; each has its own service_at_location with its sessions.
    const hall = doc.locations.filter((l: { organization_id: string }) => l.organization_id === active);
    expect(hall).toHaveLength(1);
    expect(hall[0].addresses[0]).toMatchObject({
      address_1: 'Hallvej 1',
      postal_code: '4400',
      country: 'DK',
    });
    const sal = doc.service_at_locations.find(
      (s: { service_id: string }) => s.service_id === ids['Fodbold U10'],
    );
    expect(sal.location_id).toBe(hall[0].id);
    const handball = doc.service_at_locations.find(
      (s: { service_id: string }) => s.service_id === ids['Håndbold U12'],
    );
    expect(handball.location_id).toBe(hall[0].id);
    expect(sal.schedules.map((s: { byday: string; opens_at: string }) => `${s.byday} ${s.opens_at}`)).toEqual(
      ['TU 16:00', 'TH 16:00'],
    );
    // Without an address, the sessions stay on the service.
    const homework = doc.services.find((s: { id: string }) => s.id === ids.Lektiecafé);
    expect(homework.application_process).toContain('henvisning');
  });

  it('gives the same ids on every export, so a consumer updates rather than duplicates', async () => {
    const strip = (d: Record<string, unknown>) => ({ ...d, generated_at: null });
    const a = (await t.as(admin, 'GET', '/api/v1/offers/hsds')).json();
    const b = (await t.as(admin, 'GET', '/api/v1/offers/hsds')).json();
    expect(strip(b)).toEqual(strip(a));
  });

  it('holds no personal data: no child, no guardian, no contact person or owner by name', async () => {
    const body = (await t.as(admin, 'GET', '/api/v1/offers/hsds')).body;
    expect(body).not.toContain(SECRET_CONTACT);
    const { rows: people } = await t.db.pool.query(
      `SELECT first_name || ' ' || last_name AS name FROM children
        UNION SELECT first_name || ' ' || last_name FROM guardians
        UNION SELECT name FROM users`,
    );
    expect(people.length).toBeGreaterThan(20);
    expect(people.map((p) => p.name).filter((name) => body.includes(name))).toEqual([]);
    expect(body).not.toMatch(/\b\d{6}-?\d{4}\b/);
  });

  it('downloads as a file when asked, and shows another municipality none of these offers', async () => {
    const file = await t.as(admin, 'GET', '/api/v1/offers/hsds?download=true');
    expect(file.headers['content-disposition']).toBe('attachment; filename="tilbud-hsds-3.0.json"');
    const nabo = await t.login('admin@nabo.beskyt.test');
    const res = await t.as(nabo, 'GET', '/api/v1/offers/hsds');
    expect(res.json().publisher).toEqual({ name: 'Nabo Kommune' });
    const { rows } = await t.db.pool.query(
      'SELECT id::text FROM offers WHERE municipality_id = $1 UNION ALL SELECT id::text FROM offer_providers WHERE municipality_id = $1',
      [admin.user.municipality.id],
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((r) => r.id).filter((id) => res.body.includes(id))).toEqual([]);
  });

  it('refuses roles without the export permission (403) and a bad query (400)', async () => {
    for (const role of ['professional', 'caseworker', 'reviewer', 'partner']) {
      const s = await t.login(`${role}@demo.beskyt.test`);
      const res = await t.as(s, 'GET', '/api/v1/offers/hsds');
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const bad = await t.as(admin, 'GET', '/api/v1/offers/hsds?download=ja');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.download).toBeTruthy();
  });
});
