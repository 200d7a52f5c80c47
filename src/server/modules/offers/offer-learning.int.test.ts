import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { ageBand } from '../../../domain/measurement/age-band.ts';
import {
  protectiveShare,
  protectiveShareByTheme,
  type TFactorState,
} from '../../../domain/measurement/factor-states.ts';
import { MIN_CELL } from '../../../domain/measurement/suppression.ts';
import type { TLearning, TLearningCell, TLearningGroup } from '../../../shared/schemas/offer-learning.ts';

/**
 * Intervention learning (issue 15, item 9): the figures held against a plain recomputation from the assessments'
 * factor rows (not the packed masks the server reads), the disclosure line of a kind and its offers, the leaders'
 * decisions (closing stops new referrals) and who may ask.
 */
let t: TTestApp;
let admin: TSession;
let leader: TSession;
let manager: TSession;
let analyst: TSession;
let professional: TSession;
let partner: TSession;
let naboLeader: TSession;
let demoId: string;
const kind = `learn${randomUUID().slice(0, 6).replace(/-/g, '')}`;
const offers: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
const FOLLOW_UP = 3;

interface TAssessment {
  id: string;
  childId: string;
  on: string;
  position: string;
  birthDate: string;
  all: number | null;
  themes: Map<string, number>;
}
interface TPair {
  childId: string;
  stratum: string;
  before: TAssessment;
  after: TAssessment;
}
/** Joint assessments per child in order (assessed on, then updated), shares from the factor rows. */
let byChild: Map<string, TAssessment[]>;
const starts: { offer: 'a' | 'b' | 'c'; childId: string; startedOn: string }[] = [];

const login = (who: string, domain = 'demo') => t.login(`${who}@${domain}.beskyt.test`);
const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** PostgreSQL's date + n months: the same day of month, or the month's last day. */
const addMonths = (iso: string, n: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
};

async function loadAssessments(): Promise<Map<string, TAssessment[]>> {
  const { rows } = await t.db.pool.query(
    `SELECT a.id, a.child_id, a.assessed_on::text AS on, a.position::text, c.birth_date::text AS birth,
            f.code, f.kind::text, af.state::text,
            coalesce((SELECT array_agg(pt.code) FROM factor_themes ft
                        JOIN policy_themes pt ON pt.municipality_id = ft.municipality_id AND pt.id = ft.theme_id
                       WHERE ft.municipality_id = f.municipality_id AND ft.factor_id = f.id), '{}') AS themes
       FROM assessments a
       JOIN children c ON c.municipality_id = a.municipality_id AND c.id = a.child_id
       JOIN assessment_factors af ON af.municipality_id = a.municipality_id AND af.assessment_id = a.id
       JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id
      WHERE a.municipality_id = $1 AND a.mode = 'joint'
      ORDER BY a.child_id, a.assessed_on, a.updated_at, a.id`,
    [demoId],
  );
  const states = new Map<string, { row: (typeof rows)[number]; factors: TFactorState[] }>();
  for (const r of rows) {
    const entry = states.get(r.id) ?? { row: r, factors: [] };
    entry.factors.push({ factorCode: r.code, kind: r.kind, themeCodes: r.themes, state: r.state });
    states.set(r.id, entry);
  }
  const out = new Map<string, TAssessment[]>();
  for (const [id, { row, factors }] of states) {
    const themes = new Map<string, number>();
    for (const [code, s] of protectiveShareByTheme(factors)) if (s.share !== null) themes.set(code, s.share);
    const list = out.get(row.child_id) ?? [];
    list.push({
      id,
      childId: row.child_id,
      on: row.on,
      position: row.position,
      birthDate: row.birth,
      all: protectiveShare(factors).share,
      themes,
    });
    out.set(row.child_id, list);
  }
  return out;
}

const stratum = (a: TAssessment) => `${ageBand(a.birthDate, a.on) ?? '-'}|${a.position}`;

/** The starter's pair: the last assessment before the start and the first at least FOLLOW_UP months after. */
function starterPair(childId: string, startedOn: string): TPair | null {
  const list = byChild.get(childId) ?? [];
  const before = list.filter((a) => a.on < startedOn).at(-1);
  const after = list.find((a) => a.on >= addMonths(startedOn, FOLLOW_UP));
  return before && after ? { childId, stratum: stratum(before), before, after } : null;
}

/** A non-starter's pair: its latest assessment with another FOLLOW_UP months later, and the first such. */
function ownPair(childId: string): TPair | null {
  const list = byChild.get(childId) ?? [];
  for (let i = list.length - 1; i >= 0; i--) {
    const before = list[i] as TAssessment;
    const after = list.find((a) => a.on >= addMonths(before.on, FOLLOW_UP));
    if (after) return { childId, stratum: stratum(before), before, after };
  }
  return null;
}

function expectCell(
  cell: TLearningCell,
  values: { before: number; after: number }[],
  started: number | null,
) {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  expect(cell.hidden).toBe(false);
  expect(cell.n).toBe(values.length);
  expect(cell.n).toBeGreaterThanOrEqual(MIN_CELL);
  expect(cell.meanBefore).toBeCloseTo(mean(values.map((v) => v.before)), 12);
  expect(cell.meanAfter).toBeCloseTo(mean(values.map((v) => v.after)), 12);
  expect(cell.meanChange).toBeCloseTo(mean(values.map((v) => v.after - v.before)), 12);
  if (started === null) expect(cell.coverage).toBeNull();
  else expect(cell.coverage).toBeCloseTo(values.length / started, 12);
  const [lo, hi] = cell.ci95 ?? [Number.NaN, Number.NaN];
  expect(lo).toBeLessThanOrEqual(cell.meanChange as number);
  expect(hi).toBeGreaterThanOrEqual(cell.meanChange as number);
  expect(lo).toBeGreaterThanOrEqual(-1);
  expect(hi).toBeLessThanOrEqual(1);
  expect(hi).toBeGreaterThan(lo);
}

const expectHidden = (cell: TLearningCell) =>
  expect(cell).toEqual({
    n: null,
    meanBefore: null,
    meanAfter: null,
    meanChange: null,
    ci95: null,
    coverage: null,
    hidden: true,
  });

/** The group's figures against the recomputation: starters and reference, overall and per shown theme. */
function expectGroup(
  group: TLearningGroup,
  startedIds: Set<string>,
  pairs: TPair[],
  themes: string[],
  excluded = startedIds,
) {
  expect(group.started).toBe(startedIds.size);
  const strata = new Set(pairs.map((p) => p.stratum));
  const reference = [...byChild.keys()]
    .filter((id) => !excluded.has(id))
    .flatMap((id) => ownPair(id) ?? [])
    .filter((p) => strata.has(p.stratum));
  for (const [figures, list, started] of [
    [group.starters, pairs, startedIds.size],
    [group.reference, reference, null],
  ] as const) {
    const overall = list.flatMap((p) =>
      p.before.all === null || p.after.all === null ? [] : [{ before: p.before.all, after: p.after.all }],
    );
    expectCell(figures.overall, overall, started);
    for (const code of themes) {
      const shown = figures.themes.find((x) => x.themeCode === code)?.cell;
      if (!shown || shown.hidden) continue;
      const values = list.flatMap((p) => {
        const before = p.before.themes.get(code);
        const after = p.after.themes.get(code);
        return before === undefined || after === undefined ? [] : [{ before, after }];
      });
      expectCell(shown, values, started);
    }
  }
}

async function learning(session: TSession): Promise<TLearning> {
  const res = await t.as(session, 'GET', '/api/v1/offers/learning');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await startTestApp({ children: 150 });
  [admin, leader, manager, analyst, professional, partner, naboLeader] = await Promise.all([
    login('admin'),
    login('unitLeader'),
    login('caseworkManager'),
    login('analyst'),
    login('professional'),
    login('partner'),
    login('unitLeader', 'nabo'),
  ]);
  demoId = admin.user.municipality.id;
  const settings = await t.as(admin, 'PUT', '/api/v1/offers/learning-settings', {
    version: 1,
    followUpMonths: FOLLOW_UP,
  });
  expect(settings.statusCode, settings.body).toBe(200);
  expect(
    (await t.as(admin, 'POST', '/api/v1/offer-kinds', { code: kind, labelDa: 'Læring', labelEn: 'Learning' }))
      .statusCode,
  ).toBe(201);
  const provider = await t.as(admin, 'POST', '/api/v1/offer-providers', {
    name: 'Læringsforeningen',
    kind: 'association',
  });
  expect(provider.statusCode, provider.body).toBe(201);
  const providerId = provider.json().id as string;
  for (const key of ['a', 'b', 'c'] as const) {
    const res = await t.as(admin, 'POST', '/api/v1/offers', {
      providerId,
      kind,
      name: `Læringstilbud ${key.toUpperCase()}`,
      description: 'Et tilbud, læringstesten måler.',
      ageFrom: 0,
      ageTo: 25,
      access: 'referral',
    });
    expect(res.statusCode, res.body).toBe(201);
    offers[key] = res.json().id;
  }

  byChild = await loadAssessments();
  // Children whose first two joint assessments lie far enough apart for a start the day after the first.
  const paired = [...byChild.values()].filter(
    (list) =>
      list.length >= 2 &&
      (list[1] as TAssessment).on >= addMonths(addDays((list[0] as TAssessment).on, 1), FOLLOW_UP),
  );
  const single = [...byChild.values()].filter((list) => list.length === 1);
  expect(paired.length).toBeGreaterThanOrEqual(16);
  const plan: ['a' | 'b' | 'c', TAssessment[]][] = [
    ...paired.slice(0, 7).map((l) => ['a', l] as ['a', TAssessment[]]),
    ...paired.slice(7, 13).map((l) => ['b', l] as ['b', TAssessment[]]),
    ...paired.slice(13, 15).map((l) => ['c', l] as ['c', TAssessment[]]),
    // Started with no follow-up yet: counts as started, not in n.
    ...single.slice(0, 1).map((l) => ['a', l] as ['a', TAssessment[]]),
    // Started a second offer of the kind later: once in the kind, from the first start.
    ['c', paired[0] as TAssessment[]],
  ];
  for (const [offer, list] of plan) {
    const first = list[0] as TAssessment;
    const startedOn = addDays(
      first.on,
      offer === 'c' && starts.some((s) => s.childId === first.childId) ? 2 : 1,
    );
    starts.push({ offer, childId: first.childId, startedOn });
    const { rows } = await t.db.pool.query(
      `INSERT INTO consents (municipality_id, child_id, young_person, info_kinds, recipient_provider_ids, purpose,
                             signed_on, valid_from, valid_to, created_by)
       VALUES ($1, $2, true, '{identity}', ARRAY[$3::uuid], 'Henvisning', $4::date - 5, $4::date - 5, $4::date + 365, $5)
       RETURNING id`,
      [demoId, first.childId, providerId, startedOn, admin.user.id],
    );
    await t.db.pool.query(
      `INSERT INTO referrals (municipality_id, child_id, offer_id, basis, consent_id, shared_kinds, status, end_reason,
                              referred_by, status_by, referred_at, started_at)
       VALUES ($1, $2, $3, 'consent', $4, '{identity}', 'ended', 'completed', $5, $5,
               ($6::date - 3 + time '12:00') AT TIME ZONE 'Europe/Copenhagen',
               ($6::date + time '12:00') AT TIME ZONE 'Europe/Copenhagen')`,
      [demoId, first.childId, offers[offer], rows[0].id, admin.user.id, startedOn],
    );
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('the learning figures', () => {
  it('agree with a plain recomputation from the assessments, per offer and per kind', async () => {
    const body = await learning(leader);
    expect(body.followUpMonths).toBe(FOLLOW_UP);
    const themes = body.themes.map((x) => x.code);
    expect(themes.length).toBeGreaterThan(0);
    const a = body.offers.find((o) => o.offerId === offers.a);
    if (!a) throw new Error('offer A missing');
    const aStarts = starts.filter((s) => s.offer === 'a');
    // The offer is compared with children who started no offer of its kind.
    expectGroup(
      a,
      new Set(aStarts.map((s) => s.childId)),
      aStarts.flatMap((s) => starterPair(s.childId, s.startedOn) ?? []),
      themes,
      new Set(starts.map((s) => s.childId)),
    );
    expect(a.starters.overall.coverage).toBeCloseTo(7 / 8, 12);
    expect(a.starters.themes.filter((x) => !x.cell.hidden).length).toBeGreaterThan(0);
    expect(a.reference.overall.n).toBeGreaterThan(a.starters.overall.n as number);

    // The kind: each child once, from its first start.
    const first = new Map<string, string>();
    for (const s of [...starts].sort((x, y) => x.startedOn.localeCompare(y.startedOn)))
      if (!first.has(s.childId)) first.set(s.childId, s.startedOn);
    const k = body.kinds.find((x) => x.kind === kind);
    if (!k) throw new Error('kind missing');
    expectGroup(
      k,
      new Set(first.keys()),
      [...first].flatMap(([childId, on]) => starterPair(childId, on) ?? []),
      themes,
    );
  });

  it('hides a small offer and, on the kind’s line, the smallest other offer beside it', async () => {
    const body = await learning(analyst);
    const get = (id: string) => body.offers.find((o) => o.offerId === id) as TLearningGroup;
    // A: 7 with both assessments, B: 6, C: 2 (hidden), the kind: 15. One hidden cell on the line would be
    // recovered as the kind less A and B, so B (the smallest shown) goes too.
    expect(get(offers.a).starters.overall.hidden).toBe(false);
    for (const id of [offers.b, offers.c]) {
      const g = get(id);
      expectHidden(g.starters.overall);
      for (const x of g.starters.themes) expectHidden(x.cell);
      expectHidden(g.reference.overall);
    }
    expect(get(offers.c).started).toBe(3);
    for (const o of body.offers)
      for (const c of [o.starters.overall, o.reference.overall, ...o.starters.themes.map((x) => x.cell)])
        if (!c.hidden) expect(c.n).toBeGreaterThanOrEqual(MIN_CELL);
  });

  it('refuses roles without the permission (403) and shows another municipality nothing of Demo', async () => {
    for (const s of [professional, partner, admin]) {
      const res = await t.as(s, 'GET', '/api/v1/offers/learning');
      expect(res.statusCode).toBe(403);
    }
    await learning(manager);
    const nabo = await learning(naboLeader);
    expect(nabo.offers.some((o) => Object.values(offers).includes(o.offerId))).toBe(false);
    expect(nabo.kinds.some((x) => x.kind === kind)).toBe(false);
  });
});

describe('the leaders’ decisions', () => {
  it('records continue and adjust with the reason, newest first', async () => {
    for (const decision of ['continue', 'adjust'] as const) {
      const res = await t.as(leader, 'POST', `/api/v1/offers/${offers.a}/decisions`, {
        decision,
        reason: `Vi ${decision === 'continue' ? 'fortsætter' : 'justerer'} på baggrund af tallene.`,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ offerId: offers.a, decision, decidedBy: { id: leader.user.id } });
    }
    const a = (await learning(leader)).offers.find((o) => o.offerId === offers.a);
    expect(a?.decisions.map((d) => d.decision)).toEqual(['adjust', 'continue']);
    expect(a?.status).toBe('active');
  });

  it('closes the offer on a close decision, and a closed offer takes no new referral', async () => {
    const res = await t.as(manager, 'POST', `/api/v1/offers/${offers.b}/decisions`, {
      decision: 'close',
      reason: 'Ingen målbar effekt efter et år.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const offer = await t.as(professional, 'GET', `/api/v1/offers/${offers.b}`);
    expect(offer.json().status).toBe('closed');
    const { rows } = await t.db.pool.query(
      `SELECT e.child_id FROM enrolments e JOIN role_assignments ra ON ra.municipality_id = e.municipality_id
          AND ra.unit_id = e.unit_id AND ra.user_id = $1
        WHERE e.to_date IS NULL OR e.to_date >= current_date LIMIT 1`,
      [professional.user.id],
    );
    const refer = await t.as(professional, 'POST', '/api/v1/referrals', {
      childId: rows[0].child_id,
      offerId: offers.b,
      basis: 'consent',
      consentId: randomUUID(),
      sharedKinds: ['identity'],
    });
    expect(refer.statusCode, refer.body).toBe(409);
    expect(refer.json().error.code).toBe('OFFER_CLOSED');
  });

  it('refuses bad input naming the field, other roles (403) and another municipality’s offer (404), writing nothing', async () => {
    const count = async () =>
      Number((await t.db.pool.query('SELECT count(*) FROM offer_decisions')).rows[0].count);
    const before = await count();
    const badKind = await t.as(leader, 'POST', `/api/v1/offers/${offers.a}/decisions`, {
      decision: 'stop',
      reason: 'x',
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.fields.decision).toBeTruthy();
    const noReason = await t.as(leader, 'POST', `/api/v1/offers/${offers.a}/decisions`, {
      decision: 'close',
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason).toBeTruthy();
    for (const s of [professional, analyst, admin, partner]) {
      const res = await t.as(s, 'POST', `/api/v1/offers/${offers.a}/decisions`, {
        decision: 'close',
        reason: 'Lukkes.',
      });
      expect(res.statusCode).toBe(403);
    }
    const other = await t.as(naboLeader, 'POST', `/api/v1/offers/${offers.a}/decisions`, {
      decision: 'close',
      reason: 'Lukkes.',
    });
    expect(other.statusCode).toBe(404);
    expect(await count()).toBe(before);
    const a = await t.as(professional, 'GET', `/api/v1/offers/${offers.a}`);
    expect(a.json().status).toBe('active');
  });
});

describe('the follow-up months', () => {
  it('are set by an admin only, with the version, and checked', async () => {
    const stale = await t.as(admin, 'PUT', '/api/v1/offers/learning-settings', {
      version: 1,
      followUpMonths: 6,
    });
    expect(stale.statusCode).toBe(409);
    const bad = await t.as(admin, 'PUT', '/api/v1/offers/learning-settings', {
      version: 2,
      followUpMonths: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.followUpMonths).toBeTruthy();
    const leaderTry = await t.as(leader, 'PUT', '/api/v1/offers/learning-settings', {
      version: 2,
      followUpMonths: 6,
    });
    expect(leaderTry.statusCode).toBe(403);
    expect((await learning(leader)).followUpMonths).toBe(FOLLOW_UP);
    const read = await t.as(admin, 'GET', '/api/v1/offers/learning-settings');
    expect(read.json()).toEqual({ followUpMonths: FOLLOW_UP, version: 2 });
    expect((await t.as(leader, 'GET', '/api/v1/offers/learning-settings')).statusCode).toBe(403);
  });
});
