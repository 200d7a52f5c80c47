import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { remindUnansweredReferrals } from './remind-unanswered-referrals.ts';

/**
 * Referrals with the closed loop (issue 15, items 3–4): a referral needs a basis (the custodians' consent naming
 * the provider, or a § 32 decision), a partner user sees only referrals to their provider's offers and only what
 * the basis lets through, every status change follows the state machine and says who set it, withdrawn consent
 * or an ended referral ends the partner's access at once, and unanswered referrals raise alerts. Every refusal is
 * a clear 4xx with nothing written.
 */
let t: TTestApp;
let admin: TSession;
let professional: TSession;
let leader: TSession;
let caseworker: TSession;
let manager: TSession;
/** Belongs to the association (Klubben). */
let clubPartner: TSession;
/** Belongs to the civil-society organisation. */
let orgPartner: TSession;
let naboProfessional: TSession;
let club: string;
let org: string;
const offers: Record<'club' | 'org' | 'paused' | 'closed' | 'toddlers', string> = {} as never;
let naboOffer: string;
let demoId: string;
/** Children of the professional's units with a custodian, not yet used by a test. */
let pool: { id: string; guardianId: string; age: number; cpr: string; birthDate: string }[] = [];

const login = (who: string, domain = 'demo') => t.login(`${who}@${domain}.beskyt.test`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000));
const thisMonth = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }).slice(0, 7);

function nextChild() {
  const child = pool.shift();
  if (!child) throw new Error('no test child left');
  return child;
}

async function writes(): Promise<string> {
  const { rows } = await t.db.pool.query(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM referrals) AS referrals,
            (SELECT count(*) FROM referral_events) AS events, (SELECT count(*) FROM referral_attendance) AS attendance`,
  );
  return JSON.stringify(rows[0]);
}

async function consent(
  childId: string,
  guardianId: string,
  providers: string[],
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.as(professional, 'POST', `/api/v1/children/${childId}/consents`, {
    guardianIds: [guardianId],
    infoKinds: ['identity', 'contact'],
    recipientProviderIds: providers,
    purpose: 'Henvisning til en fritidsaktivitet',
    signedOn: addDays(0),
    validFrom: addDays(0),
    validTo: addDays(180),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function refer(session: TSession, body: Record<string, unknown>) {
  return t.as(session, 'POST', '/api/v1/referrals', { sharedKinds: ['identity', 'contact'], ...body });
}

/** A child referred to the club's offer on a fresh consent: the referral, its child and the consent. */
async function referred(offer = offers.club, child = nextChild()) {
  const consentId = await consent(child.id, child.guardianId, [club, org]);
  const res = await refer(professional, {
    childId: child.id,
    offerId: offer,
    basis: 'consent',
    consentId,
    ageReason: 'Passer til barnet',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { referral: res.json(), child, consentId };
}

async function answer(session: TSession, id: string, body: Record<string, unknown>) {
  return t.as(session, 'POST', `/api/v1/partner/referrals/${id}/answer`, body);
}

async function partnerList(session: TSession): Promise<({ id: string } & Record<string, unknown>)[]> {
  const res = await t.as(session, 'GET', '/api/v1/partner/referrals');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function extraPartner(local: string): Promise<TSession> {
  const { rows } = await t.db.pool.query(
    `INSERT INTO users (municipality_id, email, name, password_hash, is_demo)
     SELECT municipality_id, $1, $2, password_hash, true FROM users WHERE email = 'partner@demo.beskyt.test'
     RETURNING id`,
    [`${local}@demo.beskyt.test`, `${local} (test)`],
  );
  await t.db.pool.query(
    "INSERT INTO role_assignments (municipality_id, user_id, role) VALUES ($1, $2, 'partner')",
    [demoId, rows[0].id],
  );
  return login(local);
}

beforeAll(async () => {
  t = await startTestApp({ children: 400 });
  [admin, professional, leader, caseworker, manager, naboProfessional] = await Promise.all([
    login('admin'),
    login('professional'),
    login('unitLeader'),
    login('caseworker'),
    login('caseworkManager'),
    login('professional', 'nabo'),
  ]);
  demoId = admin.user.municipality.id;
  // Partner users of their own: the demo partner logins already belong to seeded providers.
  clubPartner = await extraPartner(`klubpartner-${randomUUID().slice(0, 6)}`);
  orgPartner = await extraPartner(`orgpartner-${randomUUID().slice(0, 6)}`);
  const provider = async (name: string, kind: string, member: TSession) => {
    const id = (await t.as(admin, 'POST', '/api/v1/offer-providers', { name, kind })).json().id;
    const res = await t.as(admin, 'POST', `/api/v1/offer-providers/${id}/members`, {
      userId: member.user.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    return id as string;
  };
  club = await provider('Klubben', 'association', clubPartner);
  org = await provider('Foreningen for Børn', 'civilSociety', orgPartner);
  const offer = async (providerId: string, extra: Record<string, unknown>) => {
    const res = await t.as(admin, 'POST', '/api/v1/offers', {
      providerId,
      kind: 'leisureActivity',
      name: `Tilbud ${randomUUID().slice(0, 6)}`,
      description: 'Et tilbud.',
      ageFrom: 0,
      ageTo: 25,
      access: 'referral',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  offers.club = await offer(club, {});
  offers.org = await offer(org, {});
  offers.paused = await offer(club, { status: 'paused' });
  offers.closed = await offer(club, { status: 'closed' });
  offers.toddlers = await offer(club, { ageFrom: 0, ageTo: 1 });
  const nabo = await t.login('admin@nabo.beskyt.test');
  const naboProvider = (
    await t.as(nabo, 'POST', '/api/v1/offer-providers', { name: 'Naboklub', kind: 'association' })
  ).json().id;
  naboOffer = (
    await t.as(nabo, 'POST', '/api/v1/offers', {
      providerId: naboProvider,
      kind: 'leisureActivity',
      name: 'Nabotilbud',
      description: 'Et tilbud i Nabo.',
      ageFrom: 0,
      ageTo: 25,
      access: 'direct',
    })
  ).json().id;
  const units = (professional.user.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : []));
  const { rows } = await t.db.pool.query(
    `SELECT DISTINCT ON (c.id) c.id, cg.guardian_id, age_on(c.birth_date, current_date) AS age, c.cpr_encrypted,
            c.birth_date::text AS birth_date
       FROM children c
       JOIN enrolments e ON e.municipality_id = c.municipality_id AND e.child_id = c.id AND e.unit_id = ANY($2::uuid[])
        AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)
       JOIN child_guardians cg ON cg.municipality_id = c.municipality_id AND cg.child_id = c.id AND cg.has_custody
      WHERE c.municipality_id = $1 AND age_on(c.birth_date, current_date) >= 2
        AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.municipality_id = c.municipality_id AND k.child_id = c.id)
      ORDER BY c.id, cg.guardian_id`,
    [demoId, units],
  );
  pool = rows.map((r) => ({
    id: r.id,
    guardianId: r.guardian_id,
    age: r.age,
    birthDate: r.birth_date,
    cpr: t.cipher.decrypt(r.cpr_encrypted),
  }));
  expect(pool.length).toBeGreaterThan(45);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('referring a child', () => {
  it('refers on a consent naming the provider, records who and when, and audits it under the referrer’s relation', async () => {
    const { referral, child, consentId } = await referred();
    expect(referral).toMatchObject({
      childId: child.id,
      offer: { id: offers.club },
      provider: { id: club, name: 'Klubben' },
      status: 'sent',
      basis: { kind: 'consent', consentId, state: 'valid' },
      sharedKinds: ['identity', 'contact'],
      referredBy: { id: professional.user.id },
      version: 1,
    });
    expect(referral.history).toEqual([
      expect.objectContaining({ status: 'sent', actor: 'referrer', by: expect.any(String) }),
    ]);
    await t.audit.drain();
    const { rows } = await t.db.pool.query(
      "SELECT user_id, role, purpose, child_id FROM audit_events WHERE entity = 'referral' AND entity_id = $1",
      [referral.id],
    );
    expect(rows).toEqual([
      {
        user_id: professional.user.id,
        role: 'professional',
        purpose: expect.stringMatching(/^(enrolment|coordinator):/),
        child_id: child.id,
      },
    ]);
    const list = await t.as(leader, 'GET', `/api/v1/children/${child.id}/referrals`);
    if (list.statusCode === 200)
      expect(list.json().items.map((r: { id: string }) => r.id)).toContain(referral.id);
    // The demo has referred some children already: the new referral is among the child's.
    const own = await t.as(professional, 'GET', `/api/v1/children/${child.id}/referrals`);
    expect(own.json().items.map((r: { id: string }) => r.id)).toContain(referral.id);
  });

  it('tells the guardians with custody that the child is referred, once per half-year (the duty to inform)', async () => {
    const { child, consentId } = await referred();
    const noticesOf = async () =>
      (
        await t.db.pool.query(
          `SELECT n.guardian_id, n.status, l.template FROM notices n
             LEFT JOIN letters l ON l.municipality_id = n.municipality_id AND l.id = n.letter_id
            WHERE n.kind = 'referral' AND $1 = ANY(n.child_ids) AND n.audience = 'guardian'`,
          [child.id],
        )
      ).rows;
    const first = await noticesOf();
    expect(first.map((n) => n.guardian_id)).toContain(child.guardianId);
    expect(first.filter((n) => n.status === 'letter').map((n) => n.template)).toEqual(
      first.filter((n) => n.status === 'letter').map(() => 'informationNotice'),
    );
    // A second referral of the child in the same half-year tells the family nothing new.
    const again = await refer(professional, {
      childId: child.id,
      offerId: offers.org,
      basis: 'consent',
      consentId,
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(await noticesOf()).toHaveLength(first.length);
    const shown = await t.as(professional, 'GET', `/api/v1/children/${child.id}/notices`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(JSON.stringify(shown.json())).toContain('referral');
  });

  const refusals: [
    string,
    () => Promise<{ body: Record<string, unknown>; session?: TSession }>,
    number,
    string,
    string?,
  ][] = [
    [
      'a consent that does not name the provider',
      async () => {
        const c = nextChild();
        return {
          body: {
            childId: c.id,
            offerId: offers.club,
            basis: 'consent',
            consentId: await consent(c.id, c.guardianId, [org]),
          },
        };
      },
      400,
      'consentId',
      'Samtykket nævner ikke Klubben som modtager.',
    ],
    [
      'no consent at all',
      async () => ({ body: { childId: nextChild().id, offerId: offers.club, basis: 'consent' } }),
      400,
      'consentId',
      'Skal udfyldes.',
    ],
    [
      'another child’s consent',
      async () => {
        const [a, b] = [nextChild(), nextChild()];
        return {
          body: {
            childId: a.id,
            offerId: offers.club,
            basis: 'consent',
            consentId: await consent(b.id, b.guardianId, [club]),
          },
        };
      },
      400,
      'consentId',
      'Der er intet sådant samtykke for barnet.',
    ],
    [
      'a withdrawn consent',
      async () => {
        const c = nextChild();
        const id = await consent(c.id, c.guardianId, [club]);
        await t.as(professional, 'POST', `/api/v1/consents/${id}/withdraw`, { version: 1 });
        return { body: { childId: c.id, offerId: offers.club, basis: 'consent', consentId: id } };
      },
      400,
      'consentId',
      'Samtykket er trukket tilbage.',
    ],
    [
      'contact details the consent does not name',
      async () => {
        const c = nextChild();
        const id = await consent(c.id, c.guardianId, [club], { infoKinds: ['identity'] });
        return { body: { childId: c.id, offerId: offers.club, basis: 'consent', consentId: id } };
      },
      400,
      'sharedKinds',
      'Samtykket omfatter ikke forældrenes kontaktoplysninger.',
    ],
    [
      'a § 32 decision the referrer cannot cite (a professional)',
      async () => ({
        body: { childId: nextChild().id, offerId: offers.club, basis: 'legalBasis', measureId: randomUUID() },
      }),
      400,
      'measureId',
      'Vælg en støtteforanstaltning efter § 32 i en åben sag om barnet, som du har adgang til.',
    ],
    [
      'an age outside the offer without a reason',
      async () => {
        const c = nextChild();
        return {
          body: {
            childId: c.id,
            offerId: offers.toddlers,
            basis: 'consent',
            consentId: await consent(c.id, c.guardianId, [club]),
          },
        };
      },
      400,
      'ageReason',
    ],
    [
      'another municipality’s offer',
      async () => {
        const c = nextChild();
        return {
          body: {
            childId: c.id,
            offerId: naboOffer,
            basis: 'consent',
            consentId: await consent(c.id, c.guardianId, [club]),
          },
        };
      },
      400,
      'offerId',
      'Tilbuddet findes ikke.',
    ],
  ];
  it.each(refusals)(
    'refuses %s (%i, naming the field) and writes nothing',
    async (_name, make, status, field, message) => {
      const { body } = await make();
      const before = await writes();
      const res = await refer(professional, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.fields[field]).toBeTruthy();
      if (message) expect(res.json().error.fields[field]).toBe(message);
      expect(await writes()).toBe(before);
    },
  );

  it('names the age and range when the child is outside it, and refers with a reason', async () => {
    const c = nextChild();
    const consentId = await consent(c.id, c.guardianId, [club]);
    const body = { childId: c.id, offerId: offers.toddlers, basis: 'consent', consentId };
    const res = await refer(professional, body);
    expect(res.json().error.fields.ageReason).toBe(
      `Barnet er ${c.age} år, og tilbuddet er for 0–1-årige. Skriv en begrundelse, hvis du vil henvise alligevel.`,
    );
    const ok = await refer(professional, { ...body, ageReason: 'Lillesøster kommer med' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().ageReason).toBe('Lillesøster kommer med');
  });

  it('refuses a paused or closed offer (409) and a second live referral to the same offer', async () => {
    const c = nextChild();
    const consentId = await consent(c.id, c.guardianId, [club]);
    const before = await writes();
    for (const [offerId, code] of [
      [offers.paused, 'OFFER_PAUSED'],
      [offers.closed, 'OFFER_CLOSED'],
    ] as const) {
      const res = await refer(professional, { childId: c.id, offerId, basis: 'consent', consentId });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe(code);
    }
    expect(await writes()).toBe(before);
    const body = { childId: c.id, offerId: offers.club, basis: 'consent', consentId, ageReason: 'x' };
    expect((await refer(professional, body)).statusCode).toBe(201);
    const twice = await refer(professional, body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('REFERRAL_OPEN_EXISTS');
  });

  it('answers 404 for a child outside the referrer’s relations and for another municipality, writing nothing', async () => {
    const c = nextChild();
    const consentId = await consent(c.id, c.guardianId, [club]);
    const body = { childId: c.id, offerId: offers.club, basis: 'consent', consentId, ageReason: 'x' };
    const before = await writes();
    for (const session of [naboProfessional, caseworker]) {
      const res = await refer(session, body);
      expect(res.statusCode, res.body).toBe(404);
    }
    for (const session of [admin, clubPartner]) expect((await refer(session, body)).statusCode).toBe(403);
    expect(await writes()).toBe(before);
    expect((await t.as(naboProfessional, 'GET', `/api/v1/children/${c.id}/referrals`)).statusCode).toBe(404);
  });
});

describe('what a partner user sees', () => {
  it('lists referrals to their provider only, with the consent’s kinds: name, age and the giver’s contact — no CPR', async () => {
    const { referral, child, consentId } = await referred();
    const mine = await t.as(clubPartner, 'GET', '/api/v1/partner/referrals');
    const seen = mine.json().items.find((r: { id: string }) => r.id === referral.id);
    expect(Object.keys(seen).sort()).toEqual(
      [
        'attendance',
        'basis',
        'child',
        'contacts',
        'history',
        'id',
        'offer',
        'purpose',
        'referredAt',
        'referredBy',
        'status',
        'version',
        'waitingPosition',
      ].sort(),
    );
    expect(Object.keys(seen.child).sort()).toEqual(['age', 'firstName', 'lastName']);
    expect(seen.child.age).toBe(child.age);
    expect(seen.purpose).toBe('Henvisning til en fritidsaktivitet');
    const { rows } = await t.db.pool.query(
      "SELECT first_name || ' ' || last_name AS name FROM guardians WHERE id = $1",
      [child.guardianId],
    );
    expect(seen.contacts.map((c: { name: string }) => c.name)).toEqual([rows[0].name]);
    expect(mine.body).not.toContain(child.cpr.slice(0, 6));
    expect(mine.body).not.toContain(child.birthDate);
    expect((await partnerList(orgPartner)).map((r) => r.id)).not.toContain(referral.id);
    await t.audit.drain();
    const { rows: events } = await t.db.pool.query(
      "SELECT role, purpose, child_id FROM audit_events WHERE user_id = $1 AND entity = 'referral' AND entity_id = $2",
      [clubPartner.user.id, referral.id],
    );
    expect(events).toEqual([
      {
        role: 'partner',
        purpose: `referral:${referral.id}:offer:${offers.club}:consent:${consentId}`,
        child_id: child.id,
      },
    ]);
  });

  it('shows no contact details where the referral does not send them', async () => {
    const c = nextChild();
    const consentId = await consent(c.id, c.guardianId, [club]);
    const res = await refer(professional, {
      childId: c.id,
      offerId: offers.club,
      basis: 'consent',
      consentId,
      sharedKinds: ['identity'],
      ageReason: 'x',
    });
    const seen = (await partnerList(clubPartner)).find((r) => r.id === res.json().id);
    expect(seen?.contacts).toBeNull();
  });

  it('answers 404 to a partner user touching another provider’s referral, and writes nothing', async () => {
    const { referral } = await referred();
    const before = await writes();
    const res = await answer(orgPartner, referral.id, { version: 1, status: 'accepted' });
    expect(res.statusCode).toBe(404);
    const bulk = await t.as(orgPartner, 'POST', '/api/v1/partner/referrals/attendance', {
      period: thisMonth(),
      referralIds: [referral.id],
    });
    expect(bulk.statusCode).toBe(404);
    expect(await writes()).toBe(before);
  });
});

describe('the closed loop', () => {
  it('runs sent → accepted → started → attending → ended, each step with who and when, out of order refused', async () => {
    const { referral, child } = await referred();
    const before = await writes();
    const early = await answer(clubPartner, referral.id, { version: 1, status: 'started' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'REFERRAL_TRANSITION',
      message: 'Henvisningen er sendt og kan ikke ændres til startet. Genindlæs og prøv igen.',
    });
    expect(await writes()).toBe(before);
    const accepted = await answer(clubPartner, referral.id, { version: 1, status: 'accepted' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      version: 2,
      referral: { status: 'accepted' },
    });
    const stale = await answer(clubPartner, referral.id, { version: 1, status: 'started' });
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await answer(clubPartner, referral.id, { version: 2, status: 'started' })).statusCode).toBe(200);
    const month = thisMonth();
    const confirm = await t.as(clubPartner, 'POST', '/api/v1/partner/referrals/attendance', {
      period: month,
      referralIds: [referral.id],
    });
    expect(confirm.json()).toEqual({ period: month, confirmed: 1, alreadyConfirmed: 0 });
    const again = await t.as(clubPartner, 'POST', '/api/v1/partner/referrals/attendance', {
      period: month,
      referralIds: [referral.id],
    });
    expect(again.json()).toEqual({ period: month, confirmed: 0, alreadyConfirmed: 1 });
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const future = await t.as(clubPartner, 'POST', '/api/v1/partner/referrals/attendance', {
      period: next,
      referralIds: [referral.id],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.period).toBe(
      'Fremmøde kan ikke bekræftes for en måned, der ikke er begyndt.',
    );
    const noReason = await answer(clubPartner, referral.id, {
      version: 4,
      status: 'ended',
      reason: 'droppedOut',
    });
    expect(noReason.json().error.fields.note).toBe('Skriv en begrundelse.');
    const ended = await answer(clubPartner, referral.id, {
      version: 4,
      status: 'ended',
      reason: 'completed',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().referral).toBeNull();

    const view = (await t.as(professional, 'GET', `/api/v1/children/${child.id}/referrals`)).json().items[0];
    expect(view).toMatchObject({ status: 'ended', endReason: 'completed', attendance: [month] });
    expect(
      view.history.map((e: { status: string; actor: string; by: string }) => [e.status, e.actor, e.by]),
    ).toEqual([
      ['sent', 'referrer', expect.any(String)],
      ['accepted', 'provider', 'Klubben'],
      ['started', 'provider', 'Klubben'],
      ['attending', 'provider', 'Klubben'],
      ['ended', 'provider', 'Klubben'],
    ]);
    expect(view.history[3].period).toBe(month);
  });

  it('keeps a waiting list with positions and declines with a reason', async () => {
    const { referral } = await referred();
    const waiting = await answer(clubPartner, referral.id, {
      version: 1,
      status: 'waitingList',
      position: 4,
    });
    expect(waiting.json().referral).toMatchObject({ status: 'waitingList', waitingPosition: 4 });
    const moved = await answer(clubPartner, referral.id, { version: 2, status: 'waitingList', position: 2 });
    expect(moved.json().referral.waitingPosition).toBe(2);
    const noPosition = await answer(clubPartner, referral.id, { version: 3, status: 'waitingList' });
    expect(noPosition.statusCode).toBe(400);
    expect(noPosition.json().error.fields.position).toBe('Skal udfyldes.');
    const declined = await answer(clubPartner, referral.id, {
      version: 3,
      status: 'declined',
      reason: 'noCapacity',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', referral: null });
    expect((await partnerList(clubPartner)).map((r) => r.id)).not.toContain(referral.id);
  });

  it('confirms a month for many children in one go, and none at all if one is not started', async () => {
    const started: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { referral } = await referred();
      await answer(clubPartner, referral.id, { version: 1, status: 'accepted' });
      await answer(clubPartner, referral.id, { version: 2, status: 'started' });
      started.push(referral.id);
    }
    const { referral: notStarted } = await referred();
    const before = await writes();
    const refused = await t.as(clubPartner, 'POST', '/api/v1/partner/referrals/attendance', {
      period: thisMonth(),
      referralIds: [...started, notStarted.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields['referralIds.3']).toBe(
      'Forløbet er ikke startet endnu. Registrér starten først.',
    );
    expect(await writes()).toBe(before);
    const ok = await t.as(clubPartner, 'POST', '/api/v1/partner/referrals/attendance', {
      period: thisMonth(),
      referralIds: started,
    });
    expect(ok.json()).toMatchObject({ confirmed: 3 });
    const list = await partnerList(clubPartner);
    for (const id of started) expect(list.find((r) => r.id === id)).toMatchObject({ status: 'attending' });
  });
});

describe('access ends at once', () => {
  it('when the consent is withdrawn', async () => {
    const { referral, consentId, child } = await referred();
    expect((await partnerList(clubPartner)).map((r) => r.id)).toContain(referral.id);
    const withdrawn = await t.as(professional, 'POST', `/api/v1/consents/${consentId}/withdraw`, {
      version: 1,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const list = await t.as(clubPartner, 'GET', '/api/v1/partner/referrals');
    expect(list.json().items.map((r: { id: string }) => r.id)).not.toContain(referral.id);
    expect(list.body).not.toContain(child.id);
    expect((await answer(clubPartner, referral.id, { version: 1, status: 'accepted' })).statusCode).toBe(404);
    const view = (await t.as(professional, 'GET', `/api/v1/children/${child.id}/referrals`)).json().items[0];
    expect(view.basis).toMatchObject({ kind: 'consent', state: 'consentWithdrawn' });
  });

  it('when the referral ends, also by the referrer withdrawing it (not once started)', async () => {
    const { referral } = await referred();
    const res = await t.as(professional, 'POST', `/api/v1/referrals/${referral.id}/withdraw`, {
      version: 1,
      reason: 'withdrawn',
      note: 'Familien har fundet et andet tilbud',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ended',
      endReason: 'withdrawn',
      note: 'Familien har fundet et andet tilbud',
    });
    expect((await partnerList(clubPartner)).map((r) => r.id)).not.toContain(referral.id);
    expect((await answer(clubPartner, referral.id, { version: 2, status: 'accepted' })).statusCode).toBe(404);

    const { referral: running } = await referred();
    await answer(clubPartner, running.id, { version: 1, status: 'accepted' });
    await answer(clubPartner, running.id, { version: 2, status: 'started' });
    const late = await t.as(professional, 'POST', `/api/v1/referrals/${running.id}/withdraw`, {
      version: 3,
      reason: 'withdrawn',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REFERRAL_TRANSITION');
    const movedAway = await t.as(professional, 'POST', `/api/v1/referrals/${running.id}/withdraw`, {
      version: 3,
      reason: 'moved',
    });
    expect(movedAway.statusCode).toBe(200);
    const stranger = await t.as(naboProfessional, 'POST', `/api/v1/referrals/${running.id}/withdraw`, {
      version: 4,
      reason: 'moved',
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('when a partner user leaves the provider', async () => {
    const member = await extraPartner(`afgang-${randomUUID().slice(0, 6)}`);
    await t.as(admin, 'POST', `/api/v1/offer-providers/${club}/members`, { userId: member.user.id });
    const { referral } = await referred();
    expect((await partnerList(member)).map((r) => r.id)).toContain(referral.id);
    await t.as(admin, 'DELETE', `/api/v1/offer-providers/${club}/members/${member.user.id}`);
    expect(await partnerList(member)).toEqual([]);
  });
});

describe('on a § 32 decision', () => {
  it('lets the caseworker refer on a measure of the child’s case; the provider sees no purpose, and access ends with the measure', async () => {
    const child = nextChild();
    const { rows: team } = await t.db.pool.query(
      "SELECT team_id FROM role_assignments WHERE user_id = $1 AND role = 'caseworker'",
      [caseworker.user.id],
    );
    const opened = await t.as(caseworker, 'POST', '/api/v1/cases', {
      childId: child.id,
      teamId: team[0].team_id,
      caseworkerId: caseworker.user.id,
      awareOn: addDays(-10),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().id;
    await t.db.pool.query(
      `INSERT INTO child_conversations (municipality_id, case_id, outcome, on_date, recorded_by) VALUES ($1, $2, 'held', current_date - 5, $3)`,
      [demoId, caseId, caseworker.user.id],
    );
    const { rows: m } = await t.db.pool.query(
      `INSERT INTO case_measures (municipality_id, case_id, section, title, starts_on, created_by)
       VALUES ($1, $2, 's32', 'Fast kontaktperson og fritidsaktivitet', current_date - 1, $3) RETURNING id`,
      [demoId, caseId, caseworker.user.id],
    );
    const res = await refer(caseworker, {
      childId: child.id,
      offerId: offers.org,
      basis: 'legalBasis',
      measureId: m[0].id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().basis).toEqual({ kind: 'legalBasis', measureId: m[0].id, caseId, state: 'valid' });
    expect(
      (
        await refer(professional, {
          childId: child.id,
          offerId: offers.club,
          basis: 'legalBasis',
          measureId: m[0].id,
        })
      ).statusCode,
    ).toBe(400);
    const seen = (await partnerList(orgPartner)).find((r) => r.id === res.json().id) as Record<
      string,
      unknown
    >;
    expect(seen).toMatchObject({ basis: 'legalBasis', purpose: null });
    expect((seen.contacts as unknown[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toContain('Fast kontaktperson');
    await t.audit.drain();
    const { rows: audit } = await t.db.pool.query(
      "SELECT role, purpose FROM audit_events WHERE entity = 'referral' AND entity_id = $1 ORDER BY seq",
      [res.json().id],
    );
    expect(audit).toEqual([
      { role: 'caseworker', purpose: expect.stringMatching(/^(team:|caseworker)/) },
      { role: 'partner', purpose: `referral:${res.json().id}:offer:${offers.org}:legalBasis:${m[0].id}` },
    ]);
    const list = await t.as(manager, 'GET', `/api/v1/children/${child.id}/referrals`);
    expect(list.statusCode).toBe(200);
    await t.db.pool.query('UPDATE case_measures SET ends_on = current_date - 1 WHERE id = $1', [m[0].id]);
    expect((await partnerList(orgPartner)).map((r) => r.id)).not.toContain(res.json().id);
  });
});

describe('unanswered referrals', () => {
  it('alert the referrer after two weekdays and the referrer’s leaders after ten, once each', async () => {
    // A child whose units (of the referrer's) all have a leader: the pool is in the order of random ids.
    const { rows: led } = await t.db.pool.query<{ child_id: string }>(
      `SELECT c.id AS child_id FROM unnest($1::uuid[]) AS c(id)
        WHERE NOT EXISTS (SELECT 1 FROM enrolments e
                           WHERE e.child_id = c.id AND e.unit_id = ANY($2::uuid[])
                             AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)
                             AND NOT EXISTS (SELECT 1 FROM role_assignments ra
                                              WHERE ra.role = 'unitLeader' AND ra.unit_id = e.unit_id))
        LIMIT 1`,
      [pool.map((c) => c.id), (professional.user.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : []))],
    );
    const at = pool.findIndex((c) => c.id === led[0]?.child_id);
    expect(at).toBeGreaterThanOrEqual(0);
    const [child] = pool.splice(at, 1);
    const { referral } = await referred(offers.club, child);
    // Sent on Monday 2 March 2026 (no holidays in the weeks after).
    await t.db.pool.query("UPDATE referrals SET referred_at = '2026-03-02T09:00:00+01:00' WHERE id = $1", [
      referral.id,
    ]);
    const alerts = async () =>
      (
        await t.db.pool.query(
          "SELECT user_id, kind, reason->>'code' AS code FROM alerts WHERE dedupe_key LIKE $1 ORDER BY kind, user_id",
          [`%:${referral.id}`],
        )
      ).rows;
    await remindUnansweredReferrals(t.db, new Date('2026-03-03T12:00:00+01:00'));
    expect(await alerts()).toEqual([]);
    await remindUnansweredReferrals(t.db, new Date('2026-03-04T12:00:00+01:00'));
    expect(await alerts()).toEqual([
      { user_id: professional.user.id, kind: 'reminder', code: 'referralUnanswered' },
    ]);
    await remindUnansweredReferrals(t.db, new Date('2026-03-13T12:00:00+01:00'));
    expect(await alerts()).toHaveLength(1);
    await remindUnansweredReferrals(t.db, new Date('2026-03-16T12:00:00+01:00'));
    await remindUnansweredReferrals(t.db, new Date('2026-03-17T12:00:00+01:00'));
    const { rows: unit } = await t.db.pool.query('SELECT referrer_unit_id FROM referrals WHERE id = $1', [
      referral.id,
    ]);
    const { rows: leaders } = await t.db.pool.query(
      "SELECT DISTINCT user_id FROM role_assignments WHERE role = 'unitLeader' AND unit_id = $1 ORDER BY user_id",
      [unit[0].referrer_unit_id],
    );
    expect(leaders.length).toBeGreaterThan(0);
    expect(await alerts()).toEqual([
      ...leaders.map((l) => ({ user_id: l.user_id, kind: 'overdue', code: 'referralUnansweredEscalated' })),
      { user_id: professional.user.id, kind: 'reminder', code: 'referralUnanswered' },
    ]);
  });

  it('follow the municipality’s own number of weekdays, and an answered referral raises none', async () => {
    const get = (await t.as(admin, 'GET', '/api/v1/referral-settings')).json();
    expect(get).toMatchObject({ alertWeekdays: 2, escalateWeekdays: 10 });
    const bad = await t.as(admin, 'PUT', '/api/v1/referral-settings', {
      version: get.version,
      alertWeekdays: 5,
      escalateWeekdays: 5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.escalateWeekdays).toBe('Eskaleringen skal komme efter påmindelsen.');
    const set = await t.as(admin, 'PUT', '/api/v1/referral-settings', {
      version: get.version,
      alertWeekdays: 4,
      escalateWeekdays: 8,
    });
    expect(set.statusCode, set.body).toBe(200);
    const { referral } = await referred();
    const { referral: answered } = await referred();
    await answer(clubPartner, answered.id, { version: 1, status: 'accepted' });
    await t.db.pool.query(
      "UPDATE referrals SET referred_at = '2026-03-02T09:00:00+01:00' WHERE id = ANY($1::uuid[])",
      [[referral.id, answered.id]],
    );
    const count = async (id: string) =>
      Number(
        (await t.db.pool.query('SELECT count(*) FROM alerts WHERE dedupe_key LIKE $1', [`%:${id}`])).rows[0]
          .count,
      );
    await remindUnansweredReferrals(t.db, new Date('2026-03-05T12:00:00+01:00'));
    expect(await count(referral.id)).toBe(0);
    await remindUnansweredReferrals(t.db, new Date('2026-03-06T12:00:00+01:00'));
    expect(await count(referral.id)).toBe(1);
    await remindUnansweredReferrals(t.db, new Date('2026-03-20T12:00:00+01:00'));
    expect(await count(answered.id)).toBe(0);
    await t.as(admin, 'PUT', '/api/v1/referral-settings', {
      version: set.json().version,
      alertWeekdays: 2,
      escalateWeekdays: 10,
    });
  });
});

describe('who may ask at all', () => {
  it('refuses roles without the permission with 403, and a bad answer with 400 naming the field', async () => {
    for (const session of [admin, caseworker]) {
      expect((await t.as(session, 'GET', '/api/v1/partner/referrals')).statusCode).toBe(403);
    }
    for (const session of [admin, clubPartner]) {
      expect((await t.as(session, 'GET', `/api/v1/children/${pool[0]?.id}/referrals`)).statusCode).toBe(403);
    }
    const { referral } = await referred();
    const bad = await answer(clubPartner, referral.id, { version: 1, status: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.status).toBeTruthy();
    const withdrawnByProvider = await answer(clubPartner, referral.id, {
      version: 1,
      status: 'ended',
      reason: 'withdrawn',
    });
    expect(withdrawnByProvider.statusCode).toBe(400);
    const badMonth = await t.as(clubPartner, 'POST', '/api/v1/partner/referrals/attendance', {
      period: '2026-13',
      referralIds: [referral.id],
    });
    expect(badMonth.json().error.fields.period).toBe('Skal være en måned (åååå-mm).');
  });
});
