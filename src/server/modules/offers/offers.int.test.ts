import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * The offers catalogue (issue 15, item 1): who maintains which offer (admin all, an owner theirs, a partner
 * user their provider's), the kinds list, providers and their partner users, and the bad input the issue
 * names — a clear 4xx naming the field, nothing written.
 */
let t: TTestApp;
let admin: TSession;
let professional: TSession;
let leader: TSession;
let partner: TSession;
let naboAdmin: TSession;
let ownProvider: string;
let otherProvider: string;

const login = (who: string, domain = 'demo') => t.login(`${who}@${domain}.beskyt.test`);

const offerBody = (providerId: string, extra: Record<string, unknown> = {}) => ({
  providerId,
  kind: 'leisureActivity',
  name: `Fodbold ${Math.random().toString(36).slice(2, 8)}`,
  description: 'Træning for børn, der har lyst til at prøve fodbold.',
  ageFrom: 7,
  ageTo: 12,
  access: 'direct',
  ...extra,
});

async function create(session: TSession, body: Record<string, unknown>) {
  return t.as(session, 'POST', '/api/v1/offers', body);
}

async function offerCount(): Promise<number> {
  return Number((await t.db.pool.query('SELECT count(*) FROM offers')).rows[0].count);
}

beforeAll(async () => {
  t = await startTestApp({ children: 20 });
  [admin, professional, leader, naboAdmin] = await Promise.all([
    login('admin'),
    login('professional'),
    login('unitLeader'),
    login('admin', 'nabo'),
  ]);
  // A partner user of its own: the demo partner logins already belong to seeded providers.
  const { rows } = await t.db.pool.query(
    `INSERT INTO users (municipality_id, email, name, password_hash, is_demo)
     SELECT municipality_id, 'testpartner@demo.beskyt.test', 'Test Partner', password_hash, true
       FROM users WHERE email = 'partner@demo.beskyt.test' RETURNING id, municipality_id`,
  );
  await t.db.pool.query(
    "INSERT INTO role_assignments (municipality_id, user_id, role) VALUES ($1, $2, 'partner')",
    [rows[0].municipality_id, rows[0].id],
  );
  partner = await login('testpartner');
  const mk = async (name: string, kind: string) => {
    const res = await t.as(admin, 'POST', '/api/v1/offer-providers', { name, kind });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  ownProvider = await mk('Testforeningen', 'association');
  otherProvider = await mk('Anden Forening', 'civilSociety');
  const member = await t.as(admin, 'POST', `/api/v1/offer-providers/${ownProvider}/members`, {
    userId: partner.user.id,
  });
  expect(member.statusCode, member.body).toBe(200);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('offer kinds', () => {
  it('gives every municipality the default list, and lets an admin add and retire kinds', async () => {
    const demo = (await t.as(admin, 'GET', '/api/v1/offer-kinds')).json().items;
    const nabo = (await t.as(naboAdmin, 'GET', '/api/v1/offer-kinds')).json().items;
    for (const items of [demo, nabo])
      expect(items.map((k: { code: string }) => k.code)).toEqual([
        'familyTreatment',
        'psychologistTalks',
        'parentCourse',
        'groupCourse',
        'leisureActivity',
        'leisureJob',
        'mentor',
        'anonymousCounselling',
        'homeworkHelp',
      ]);
    const added = await t.as(admin, 'POST', '/api/v1/offer-kinds', {
      code: 'nightRaven',
      labelDa: 'Natteravne',
      labelEn: 'Night ravens',
    });
    expect(added.statusCode, added.body).toBe(201);
    const again = await t.as(admin, 'POST', '/api/v1/offer-kinds', {
      code: 'nightRaven',
      labelDa: 'Natteravne igen',
      labelEn: 'Again',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.code).toBe('Der findes allerede en tilbudstype med denne kode.');
    // An offer of the kind, then the kind retired: the offer keeps it and can still be edited; new ones are refused.
    const offer = (await create(admin, offerBody(ownProvider, { kind: 'nightRaven' }))).json();
    const retired = await t.as(admin, 'PATCH', '/api/v1/offer-kinds/nightRaven', {
      version: 1,
      active: false,
    });
    expect(retired.statusCode, retired.body).toBe(200);
    const refused = await create(admin, offerBody(ownProvider, { kind: 'nightRaven' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.kind).toBe(
      'Tilbudstypen nightRaven bruges ikke længere til nye tilbud.',
    );
    const edited = await t.as(admin, 'PATCH', `/api/v1/offers/${offer.id}`, {
      version: offer.version,
      ageTo: 14,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ kind: 'nightRaven', ageTo: 14, version: offer.version + 1 });
  });

  it('refuses kinds for anyone but an admin', async () => {
    for (const s of [professional, leader, partner]) {
      const res = await t.as(s, 'POST', '/api/v1/offer-kinds', { code: 'x1', labelDa: 'x', labelEn: 'x' });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('who maintains which offer', () => {
  it('lets a partner user add and edit offers of their own provider only', async () => {
    const res = await create(partner, offerBody(ownProvider));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ provider: { id: ownProvider }, canEdit: true, status: 'active' });
    const before = await offerCount();
    const other = await create(partner, offerBody(otherProvider));
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields.providerId).toBe(
      'Du kan kun oprette og redigere tilbud for din egen organisation.',
    );
    const withOwner = await create(partner, offerBody(ownProvider, { ownerId: professional.user.id }));
    expect(withOwner.statusCode).toBe(400);
    expect(withOwner.json().error.fields.ownerId).toBeTruthy();
    expect(await offerCount()).toBe(before);

    const theirs = (await create(admin, offerBody(otherProvider))).json();
    const edit = await t.as(partner, 'PATCH', `/api/v1/offers/${theirs.id}`, {
      version: 1,
      name: 'Overtaget',
    });
    expect(edit.statusCode).toBe(403);
    expect((await t.as(partner, 'GET', `/api/v1/offers/${theirs.id}`)).json()).toMatchObject({
      name: theirs.name,
      canEdit: false,
    });
  });

  it('lets an owner edit their offer, not another, and never change the owner', async () => {
    const owned = (await create(admin, offerBody(otherProvider, { ownerId: professional.user.id }))).json();
    expect(owned.owner).toEqual({ id: professional.user.id, name: expect.any(String) });
    const ok = await t.as(professional, 'PATCH', `/api/v1/offers/${owned.id}`, {
      version: owned.version,
      status: 'paused',
      capacityTotal: 12,
      capacityFree: 2,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'paused', capacity: { total: 12, free: 2 } });
    expect(Date.parse(ok.json().capacity.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
    const owner = await t.as(professional, 'PATCH', `/api/v1/offers/${owned.id}`, {
      version: ok.json().version,
      ownerId: leader.user.id,
    });
    expect(owner.statusCode).toBe(400);
    expect(owner.json().error.fields.ownerId).toBe(
      'Kun en administrator kan vælge, hvem der er ansvarlig for tilbuddet.',
    );
    const notOwner = await t.as(leader, 'PATCH', `/api/v1/offers/${owned.id}`, {
      version: ok.json().version,
      name: 'Ikke din',
    });
    expect(notOwner.statusCode).toBe(403);
    const stale = await t.as(professional, 'PATCH', `/api/v1/offers/${owned.id}`, {
      version: 1,
      name: 'Gammel',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('answers 404 to another municipality’s admin and changes nothing', async () => {
    const offer = (await create(admin, offerBody(ownProvider))).json();
    for (const [method, url, body] of [
      ['GET', `/api/v1/offers/${offer.id}`, undefined],
      ['PATCH', `/api/v1/offers/${offer.id}`, { version: 1, name: 'Nabo' }],
      ['PATCH', `/api/v1/offer-providers/${ownProvider}`, { version: 1, name: 'Nabo' }],
      ['GET', `/api/v1/offer-providers/${ownProvider}`, undefined],
    ] as const) {
      const res = await t.as(naboAdmin, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const stored = await t.db.pool.query('SELECT name, version FROM offers WHERE id = $1', [offer.id]);
    expect(stored.rows[0]).toEqual({ name: offer.name, version: 1 });
    const nabo = await create(naboAdmin, offerBody(ownProvider));
    expect(nabo.statusCode).toBe(400);
    expect(nabo.json().error.fields.providerId).toBe('Udbyderen findes ikke.');
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    [
      'an age range backwards',
      { ageFrom: 12, ageTo: 6 },
      'ageTo',
      'Slutalderen skal være mindst startalderen.',
    ],
    [
      'more free places than places',
      { capacityTotal: 5, capacityFree: 6 },
      'capacityFree',
      'Der kan ikke være flere ledige pladser end pladser i alt.',
    ],
    [
      'free places without a total',
      { capacityFree: 3 },
      'capacityTotal',
      'Angiv både pladser i alt og ledige pladser, eller ingen af dem.',
    ],
    [
      'a session ending before it starts',
      { schedule: [{ day: 'TU', opensAt: '17:00', closesAt: '16:00' }] },
      'schedule.0.closesAt',
      'Sluttidspunktet skal ligge efter starttidspunktet.',
    ],
    [
      'a time that is no time',
      { schedule: [{ day: 'TU', opensAt: '25:00', closesAt: '26:00' }] },
      'schedule.0.opensAt',
      'Skal være et klokkeslæt (tt:mm).',
    ],
    ['an unknown kind', { kind: 'circus' }, 'kind', 'Ukendt tilbudstype: circus.'],
    [
      'a risk factor',
      { factorCodes: ['R-PARENT-SUBSTANCE'] },
      'factorCodes',
      'Faktoren R-PARENT-SUBSTANCE er ikke en beskyttelsesfaktor.',
    ],
    ['an unknown factor', { factorCodes: ['P-NOTHING'] }, 'factorCodes', 'Ukendt faktor: P-NOTHING.'],
    ['a bad postal code', { postalCode: '44' }, 'postalCode', 'Skal være et postnummer med fire cifre.'],
    [
      'a bad language',
      { languages: ['dansk'] },
      'languages.0',
      'Skal være en sprogkode på to bogstaver, fx da eller en.',
    ],
    ['a bad e-mail', { contactEmail: 'nej' }, 'contactEmail', 'Er ikke en gyldig e-mailadresse.'],
    ['an unknown status', { status: 'open' }, 'status', 'Skal være en af: active, paused, closed.'],
    ['an unknown field', { colour: 'blue' }, 'colour', 'Ukendt felt.'],
    [
      'an owner who cannot maintain offers',
      { ownerId: '00000000-0000-4000-8000-000000000000' },
      'ownerId',
      'Den ansvarlige skal være en aktiv medarbejder i kommunen, der kan vedligeholde tilbud.',
    ],
  ];
  it.each(cases)(
    'refuses %s, naming the field, and writes nothing',
    async (_name, change, field, message) => {
      const before = await offerCount();
      const res = await create(admin, offerBody(ownProvider, change));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields[field]).toBe(message);
      expect(await offerCount()).toBe(before);
    },
  );

  it('holds an edit against the stored offer: a lower upper age than the stored lower one is refused', async () => {
    const offer = (await create(admin, offerBody(ownProvider))).json();
    const res = await t.as(admin, 'PATCH', `/api/v1/offers/${offer.id}`, {
      version: offer.version,
      ageTo: 3,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.ageTo).toBeTruthy();
    const en = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/offers/${offer.id}`,
      payload: { version: offer.version, ageTo: 3 },
      headers: { cookie: `${admin.cookie}; beskyt_lang=en`, 'x-csrf-token': admin.csrfToken },
    });
    expect(en.json().error.fields.ageTo).toBe('The end age must be at least the start age.');
  });
});

describe('the catalogue', () => {
  it('lists offers to every role, filtered by age, kind and status, active ones first', async () => {
    const young = (
      await create(admin, offerBody(ownProvider, { ageFrom: 0, ageTo: 2, kind: 'parentCourse' }))
    ).json();
    const closed = (
      await create(
        admin,
        offerBody(ownProvider, { ageFrom: 0, ageTo: 2, kind: 'parentCourse', status: 'closed' }),
      )
    ).json();
    const res = await t.as(leader, 'GET', '/api/v1/offers?age=1&kind=parentCourse&pageSize=100');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((o: { id: string }) => o.id);
    expect(ids.indexOf(young.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(young.id)).toBeLessThan(ids.indexOf(closed.id));
    for (const o of res.json().items) expect(o.ageFrom).toBeLessThanOrEqual(1);
    const active = await t.as(partner, 'GET', '/api/v1/offers?age=1&kind=parentCourse&status=active');
    expect(active.json().items.map((o: { id: string }) => o.id)).not.toContain(closed.id);
    const nabo = await t.as(naboAdmin, 'GET', '/api/v1/offers?pageSize=100');
    expect(nabo.json().items.length).toBeGreaterThan(0);
    expect(nabo.body).not.toContain(young.id);
    expect(nabo.body).not.toContain(ownProvider);
  });
});

describe('providers and their partner users', () => {
  it('refuses a user without the partner role and one who already belongs to another provider', async () => {
    const notPartner = await t.as(admin, 'POST', `/api/v1/offer-providers/${otherProvider}/members`, {
      userId: professional.user.id,
    });
    expect(notPartner.statusCode).toBe(400);
    expect(notPartner.json().error.fields.userId).toBe('Brugeren har ikke rollen partner.');
    const twice = await t.as(admin, 'POST', `/api/v1/offer-providers/${otherProvider}/members`, {
      userId: partner.user.id,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields.userId).toContain('Testforeningen');
    const detail = await t.as(admin, 'GET', `/api/v1/offer-providers/${ownProvider}`);
    expect(detail.json().members.map((u: { userId: string }) => u.userId)).toEqual([partner.user.id]);
  });

  it('audits who gave a partner user a provider’s access', async () => {
    await t.audit.drain();
    const { rows } = await t.db.pool.query(
      `SELECT user_id, action, entity, entity_id, purpose, detail FROM audit_events
        WHERE entity = 'providerMember' ORDER BY seq`,
    );
    expect(rows[0]).toMatchObject({
      user_id: admin.user.id,
      action: 'create',
      entity_id: partner.user.id,
      purpose: 'administration',
      detail: { providerId: ownProvider },
    });
  });

  it('names a unit for a municipal provider and for no other', async () => {
    const noUnit = await t.as(admin, 'POST', '/api/v1/offer-providers', {
      name: 'Familiehuset Test',
      kind: 'municipalUnit',
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.fields.unitId).toBe('En kommunal udbyder skal knyttes til en enhed.');
    const unitId = leader.user.roles?.find((r) => r.unitId)?.unitId;
    const withUnit = await t.as(admin, 'POST', '/api/v1/offer-providers', {
      name: 'Foreningen med enhed',
      kind: 'association',
      unitId,
    });
    expect(withUnit.statusCode).toBe(400);
    const ok = await t.as(admin, 'POST', '/api/v1/offer-providers', {
      name: 'Familiehuset Test',
      kind: 'municipalUnit',
      unitId,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().unit.id).toBe(unitId);
    const dup = await t.as(admin, 'POST', '/api/v1/offer-providers', {
      name: 'Familiehuset Test',
      kind: 'business',
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields.name).toBe('Navnet er allerede i brug.');
  });
});
