import { ageOn } from '../../../domain/deadlines/index.ts';
import { ageFits } from '../../../domain/offers/offer-rules.ts';
import type { TDeclineReason, TEndReason, TReferralStatus } from '../../../domain/offers/referral-status.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { addDays, dayNumber, isoDate } from '../dates.ts';
import type { Rng } from '../rng.ts';
import { DEMO_OFFERS, DEMO_PROVIDERS, type TDemoOffer } from './demo-offer-catalogue.ts';

export interface TDemoOffersInput {
  municipalityId: string;
  rng: Rng;
  today: string;
  /** The demo professional refers the children of their units. */
  professionalId: string;
  professionalUnitIds: readonly string[];
  /** Owns the municipal offers. */
  managerId: string;
  /** Answers for providers without partner users of their own. */
  adminId: string;
  partnerId: string;
  partner2Id: string;
}

/** How a demo referral went: its status now, how long ago it was sent, and the days between its steps. */
interface TScenario {
  status: TReferralStatus;
  daysAgo: number;
  answerAfter?: number;
  position?: number;
  startAfter?: number;
  endAfter?: number;
  reason?: TDeclineReason | TEndReason;
  note?: string;
  /** The custodians later withdrew the consent: the provider no longer sees the child. */
  consentWithdrawn?: boolean;
}

const SCENARIOS: TScenario[] = [
  { status: 'sent', daysAgo: 1 },
  { status: 'attending', daysAgo: 150, answerAfter: 3, startAfter: 20 },
  { status: 'waitingList', daysAgo: 30, answerAfter: 3, position: 3 },
  { status: 'sent', daysAgo: 6 },
  { status: 'accepted', daysAgo: 10, answerAfter: 2 },
  { status: 'declined', daysAgo: 60, answerAfter: 2, reason: 'noCapacity' },
  { status: 'started', daysAgo: 28, answerAfter: 2, startAfter: 14 },
  { status: 'attending', daysAgo: 220, answerAfter: 1, startAfter: 10 },
  { status: 'ended', daysAgo: 260, answerAfter: 2, startAfter: 15, endAfter: 180, reason: 'completed' },
  { status: 'sent', daysAgo: 21 },
  { status: 'waitingList', daysAgo: 45, answerAfter: 1, position: 1 },
  { status: 'declined', daysAgo: 40, answerAfter: 4, reason: 'notEligible' },
  {
    status: 'ended',
    daysAgo: 190,
    answerAfter: 5,
    startAfter: 30,
    endAfter: 90,
    reason: 'droppedOut',
    note: 'Mødte ikke op efter sommerferien',
  },
  { status: 'attending', daysAgo: 100, answerAfter: 2, startAfter: 9 },
  { status: 'accepted', daysAgo: 14, answerAfter: 6, consentWithdrawn: true },
  {
    status: 'ended',
    daysAgo: 50,
    reason: 'withdrawn',
    note: 'Familien har valgt et andet tilbud',
    endAfter: 5,
  },
  { status: 'declined', daysAgo: 75, answerAfter: 9, reason: 'noResponse' },
  { status: 'started', daysAgo: 35, answerAfter: 3, startAfter: 21 },
];

const STREETS = [
  'Idrætsvej',
  'Skolegade',
  'Stationsvej',
  'Hallvej',
  'Biblioteksstræde',
  'Havnegade',
  'Kirkevej',
];
const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00+01:00`;
const monthsFrom = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) return out;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
};

/**
 * The offers catalogue of a demo municipality (issue 15, items 1 and 10): the providers and offers of
 * demo-offer-catalogue.ts placed in its districts and towns, the demo partner logins made members of their
 * providers, and referrals of the demo professional's children in every status — each on a consent naming the
 * provider, with the history of who set each status and when, waits of days to weeks, and attendance confirmed
 * month by month. Runs inside the seed's transaction.
 */
export async function seedDemoOffers(
  q: Queryable,
  input: TDemoOffersInput,
): Promise<{ offers: number; referrals: number }> {
  const { municipalityId: m, rng, today } = input;
  const { rows: units } = await q.query(
    sql`SELECT id, name FROM units WHERE municipality_id = ${m} ORDER BY name`,
  );
  const { rows: districts } = await q.query(
    sql`SELECT id FROM districts WHERE municipality_id = ${m} ORDER BY name`,
  );
  const { rows: towns } = await q.query(
    sql`SELECT DISTINCT postal_code, city FROM households WHERE municipality_id = ${m} ORDER BY postal_code LIMIT 6`,
  );
  const { rows: factorRows } = await q.query(
    sql`SELECT f.code FROM factors f JOIN factor_catalogues c ON c.municipality_id = f.municipality_id AND c.id = f.catalogue_id
         WHERE f.municipality_id = ${m} AND c.status = 'published' AND f.kind = 'protective'`,
  );
  const protective = new Set(factorRows.map((r) => r.code as string));

  const providerIds = new Map<string, string>();
  const answerer = new Map<string, string>();
  for (const p of DEMO_PROVIDERS) {
    const unitId = p.unit
      ? (units.find((u) => (u.name as string).startsWith(p.unit as string))?.id ?? null)
      : null;
    if (p.kind === 'municipalUnit' && !unitId) continue;
    const { rows } = await q.query(
      sql`INSERT INTO offer_providers (municipality_id, name, kind, unit_id, description, website, email, phone)
          VALUES (${m}, ${p.name}, ${p.kind}, ${unitId}, ${p.description}, ${p.website ?? null}, ${p.email ?? null},
                  ${p.phone ?? null}) RETURNING id`,
    );
    providerIds.set(p.key, rows[0].id);
    const member =
      p.member === 'partner' ? input.partnerId : p.member === 'partner2' ? input.partner2Id : null;
    if (member)
      await q.query(
        sql`INSERT INTO provider_members (municipality_id, user_id, provider_id, added_by, added_at)
            VALUES (${m}, ${member}, ${rows[0].id}, ${input.adminId}, ${at(addDays(today, -300))})`,
      );
    answerer.set(p.key, member ?? (p.kind === 'municipalUnit' ? input.managerId : input.adminId));
  }

  const offers: (TDemoOffer & { id: string })[] = [];
  for (const [i, o] of DEMO_OFFERS.entries()) {
    const providerId = providerIds.get(o.provider);
    if (!providerId) continue;
    const town = towns.length > 0 ? towns[i % towns.length] : null;
    const district = districts.length > 0 ? districts[i % districts.length].id : null;
    const places = o.places ?? null;
    const free =
      places === null ? null : rng.chance(0.2) ? 0 : rng.int(1, Math.max(1, Math.ceil(places / 4)));
    const municipal = DEMO_PROVIDERS.find((p) => p.key === o.provider)?.kind === 'municipalUnit';
    const { rows } = await q.query(
      sql`INSERT INTO offers (municipality_id, provider_id, kind, name, description, age_from, age_to, eligibility, cost_dkk,
                              leisure_pass, district_id, place_name, address, postal_code, city, schedule, schedule_note,
                              languages, contact_phone, contact_email, access, status, capacity_total, capacity_free,
                              capacity_updated_at, factor_codes, owner_id, created_by, created_at, updated_at)
          VALUES (${m}, ${providerId}, ${o.kind}, ${o.name}, ${o.description}, ${o.ages[0]}, ${o.ages[1]},
                  ${o.eligibility ?? ''}, ${o.costDkk ?? 0}, ${o.leisurePass ?? false}, ${district},
                  ${town ? DEMO_PROVIDERS.find((p) => p.key === o.provider)?.name : ''},
                  ${town ? `${rng.pick(STREETS)} ${rng.int(1, 60)}` : ''}, ${town?.postal_code ?? ''}, ${town?.city ?? ''},
                  ${JSON.stringify(o.schedule ?? [])}::jsonb, ${o.scheduleNote ?? ''}, ${o.languages ?? ['da']},
                  ${`70 ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`}, '', ${o.access},
                  ${o.status ?? 'active'}, ${places}, ${free},
                  ${places === null ? null : at(addDays(today, -rng.int(0, 20)))},
                  ${o.factors.filter((f) => protective.has(f))}, ${municipal ? input.managerId : null},
                  ${input.adminId}, ${at(addDays(today, -320))}, ${at(addDays(today, -rng.int(0, 60)))})
          RETURNING id`,
    );
    offers.push({ ...o, id: rows[0].id });
  }

  const { rows: kids } = await q.query(
    sql`SELECT DISTINCT ON (e.child_id) e.child_id, e.unit_id, c.birth_date::text, cg.guardian_id
          FROM enrolments e
          JOIN children c ON c.municipality_id = e.municipality_id AND c.id = e.child_id
          JOIN child_guardians cg ON cg.municipality_id = e.municipality_id AND cg.child_id = e.child_id AND cg.has_custody
         WHERE e.municipality_id = ${m} AND e.unit_id = ANY(${input.professionalUnitIds}::uuid[])
           AND e.from_date <= ${today}::date AND (e.to_date IS NULL OR e.to_date >= ${today}::date)
         ORDER BY e.child_id, cg.guardian_id`,
  );
  const children = rng.shuffle(kids).slice(0, 36);
  const open = offers.filter((o) => (o.status ?? 'active') === 'active');
  const preferred = ['bridge', 'football'];
  let referrals = 0;
  for (const [i, kid] of children.entries()) {
    const scenario = SCENARIOS[i % SCENARIOS.length] as TScenario;
    const sentOn = addDays(today, -scenario.daysAgo);
    const age = ageOn(kid.birth_date, sentOn);
    const fits = open.filter((o) => ageFits(age, { ageFrom: o.ages[0], ageTo: o.ages[1] }));
    const want = preferred[i % 3];
    const offer =
      fits.find((o) => o.provider === want && o.access === 'referral') ??
      fits.find((o) => o.provider === want) ??
      (fits.length > 0 ? rng.pick(fits) : undefined);
    if (!offer) continue;
    const providerId = providerIds.get(offer.provider) as string;
    const provider = answerer.get(offer.provider) as string;
    const { rows: consent } = await q.query(
      sql`INSERT INTO consents (municipality_id, child_id, guardian_ids, info_kinds, recipient_provider_ids, purpose,
                                signed_on, valid_from, valid_to, created_by, created_at, withdrawn_at, withdrawn_by)
          VALUES (${m}, ${kid.child_id}, ${[kid.guardian_id]}, ${i % 5 === 4 ? ['identity'] : ['identity', 'contact']},
                  ${[providerId]}, ${`Henvisning til ${offer.name}`}, ${addDays(sentOn, -1)}, ${addDays(sentOn, -1)},
                  ${addDays(sentOn, 365)}, ${input.professionalId}, ${at(addDays(sentOn, -1))},
                  ${scenario.consentWithdrawn ? at(addDays(today, -2)) : null},
                  ${scenario.consentWithdrawn ? input.professionalId : null})
          RETURNING id`,
    );

    type TEvent = { status: TReferralStatus; day: string; by: string; actor: 'provider' | 'referrer' } & {
      reason?: string;
      note?: string;
      position?: number;
      period?: string;
    };
    const events: TEvent[] = [{ status: 'sent', day: sentOn, by: input.professionalId, actor: 'referrer' }];
    const answeredOn = addDays(sentOn, scenario.answerAfter ?? 0);
    const startedOn = addDays(answeredOn, scenario.startAfter ?? 0);
    const endedOn = addDays(scenario.startAfter ? startedOn : sentOn, scenario.endAfter ?? 0);
    const byProvider = (status: TReferralStatus, day: string, extra: Partial<TEvent> = {}) =>
      events.push({ status, day, by: provider, actor: 'provider', ...extra });
    if (scenario.status === 'waitingList')
      byProvider('waitingList', answeredOn, { position: scenario.position });
    if (scenario.status === 'declined')
      byProvider('declined', answeredOn, { reason: scenario.reason, note: scenario.note });
    if (scenario.answerAfter !== undefined && !['waitingList', 'declined'].includes(scenario.status))
      byProvider('accepted', answeredOn);
    if (scenario.startAfter !== undefined) {
      byProvider('started', startedOn);
      const last = scenario.status === 'ended' ? endedOn : today;
      // Attendance confirmed near the end of each month since the start (the current month so far).
      if (scenario.status !== 'started')
        for (const month of monthsFrom(startedOn, last).slice(-6)) {
          const endOfMonth = dayNumber(addDays(`${month}-01`, 27));
          const day = Math.max(dayNumber(startedOn), Math.min(endOfMonth, dayNumber(last)));
          byProvider('attending', isoDate(day), { period: month });
        }
    }
    if (scenario.status === 'ended')
      events.push({
        status: 'ended',
        day: endedOn,
        by: scenario.reason === 'withdrawn' ? input.professionalId : provider,
        actor: scenario.reason === 'withdrawn' ? 'referrer' : 'provider',
        reason: scenario.reason,
        note: scenario.note,
      });
    const final = events[events.length - 1] as TEvent;
    const started = events.find((e) => e.status === 'started');
    const { rows: referral } = await q.query(
      sql`INSERT INTO referrals (municipality_id, child_id, offer_id, basis, consent_id, shared_kinds, age_reason, status,
                                 waiting_position, decline_reason, end_reason, status_note, referred_by, referrer_unit_id,
                                 referred_at, status_at, status_by, started_at, version)
          VALUES (${m}, ${kid.child_id}, ${offer.id}, 'consent', ${consent[0].id},
                  ${i % 5 === 4 ? ['identity'] : ['identity', 'contact']}, NULL, ${final.status},
                  ${final.status === 'waitingList' ? (final.position ?? 1) : null},
                  ${final.status === 'declined' ? final.reason : null}, ${final.status === 'ended' ? final.reason : null},
                  ${final.note ?? null}, ${input.professionalId}, ${kid.unit_id}, ${at(sentOn, 9)}, ${at(final.day, 14)},
                  ${final.by}, ${started ? at(started.day, 14) : null}, ${events.length})
          RETURNING id`,
    );
    for (const e of events) {
      await q.query(
        sql`INSERT INTO referral_events (municipality_id, referral_id, status, at, by_user, actor, reason, note, position, period)
            VALUES (${m}, ${referral[0].id}, ${e.status}, ${at(e.day, e.status === 'sent' ? 9 : 14)}, ${e.by}, ${e.actor},
                    ${e.reason ?? null}, ${e.note ?? null}, ${e.position ?? null}, ${e.period ? `${e.period}-01` : null}::date)`,
      );
      if (e.period)
        await q.query(
          sql`INSERT INTO referral_attendance (municipality_id, referral_id, period, confirmed_by, confirmed_at)
              VALUES (${m}, ${referral[0].id}, ${`${e.period}-01`}::date, ${e.by}, ${at(e.day, 14)})`,
        );
    }
    referrals += 1;
  }
  return { offers: offers.length, referrals };
}
