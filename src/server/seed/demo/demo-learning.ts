import { ageOn } from '../../../domain/deadlines/index.ts';
import { ageFits } from '../../../domain/offers/offer-rules.ts';
import { DEFAULT_FOLLOW_UP_MONTHS } from '../../../shared/schemas/offer-learning.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { addDays, dayNumber } from '../dates.ts';
import type { Rng } from '../rng.ts';

export interface TDemoLearningInput {
  municipalityId: string;
  rng: Rng;
  /** The demo professional refers, children of their own units first. */
  referrerId: string;
  referrerUnitIds: readonly string[];
  /** Answers for the civil-society providers. */
  answererId: string;
}

/**
 * Offers with history enough for the learning view (issue 15, items 9 and 10): children who started them between
 * their joint assessment of one round and one at least six months later, each with a completed referral, its
 * consent and its status history. Two offers (of two kinds) get enough children to be shown, a third too few.
 */
const PLAN: { name: string; children: number }[] = [
  { name: 'Familieven', children: 8 },
  { name: 'Fællesspisning for familier', children: 7 },
  // Alone with its kind's total, so hiding it hides nothing else.
  { name: 'Forældretelefonen', children: 3 },
];

const at = (day: string, hour = 14) => `${day}T${String(hour).padStart(2, '0')}:00:00+01:00`;

export async function seedDemoLearning(q: Queryable, input: TDemoLearningInput): Promise<number> {
  const { municipalityId: m, rng } = input;
  // Children whose joint assessments leave room for a start the day after one and the follow-up after the other.
  const { rows: candidates } = await q.query(
    sql`SELECT DISTINCT ON (a1.child_id) EXISTS (
                 SELECT 1 FROM enrolments e
                  WHERE e.municipality_id = a1.municipality_id AND e.child_id = a1.child_id
                    AND e.unit_id = ANY(${input.referrerUnitIds}::uuid[]) AND e.to_date IS NULL) AS own,
               a1.child_id, a1.unit_id, a1.assessed_on::text AS first_on,
               ((a2.assessed_on - make_interval(months => ${DEFAULT_FOLLOW_UP_MONTHS}::int))::date - 1)::text AS last_start,
               cg.guardian_id, c.birth_date::text
          FROM assessments a1
          JOIN children c ON c.municipality_id = a1.municipality_id AND c.id = a1.child_id
          JOIN assessments a2 ON a2.municipality_id = a1.municipality_id AND a2.child_id = a1.child_id
               AND a2.mode = 'joint' AND a2.assessed_on > a1.assessed_on AND a2.protective_known > 0
          JOIN child_guardians cg ON cg.municipality_id = a1.municipality_id AND cg.child_id = a1.child_id
               AND cg.has_custody
         WHERE a1.municipality_id = ${m} AND a1.mode = 'joint' AND a1.protective_known > 0
           AND (a2.assessed_on - make_interval(months => ${DEFAULT_FOLLOW_UP_MONTHS}::int))::date - 1 > a1.assessed_on
         ORDER BY a1.child_id, a1.assessed_on, cg.guardian_id`,
  );
  // The referrer's own children first: they see them, and their referrals, on the children's profiles.
  const pool = [
    ...rng.shuffle(candidates.filter((c) => c.own)),
    ...rng.shuffle(candidates.filter((c) => !c.own)),
  ];
  let made = 0;
  for (const plan of PLAN) {
    const { rows: offers } = await q.query(
      sql`SELECT id, provider_id, age_from, age_to FROM offers WHERE municipality_id = ${m} AND name = ${plan.name}`,
    );
    const offer = offers[0];
    if (!offer) continue;
    const range = { ageFrom: offer.age_from as number, ageTo: offer.age_to as number };
    const chosen = pool
      .map((kid) => {
        const span = dayNumber(kid.last_start) - dayNumber(kid.first_on);
        return { kid, startedOn: addDays(kid.first_on, rng.int(1, span)) };
      })
      .filter(({ kid, startedOn }) => ageFits(ageOn(kid.birth_date, startedOn), range))
      .slice(0, plan.children);
    for (const { kid, startedOn } of chosen) {
      pool.splice(pool.indexOf(kid), 1);
      const sentOn = addDays(startedOn, -rng.int(5, 40));
      const acceptedOn = addDays(sentOn, rng.int(1, 4));
      const endedOn = addDays(startedOn, rng.int(90, 170));
      // Attendance confirmed on the 25th of each of the three months after the start.
      const months = [1, 2, 3].map((i) => {
        const d = new Date(`${startedOn.slice(0, 7)}-01T00:00:00Z`);
        d.setUTCMonth(d.getUTCMonth() + i);
        return `${d.toISOString().slice(0, 7)}-25`;
      });
      const { rows: consent } = await q.query(
        sql`INSERT INTO consents (municipality_id, child_id, guardian_ids, info_kinds, recipient_provider_ids, purpose,
                                  signed_on, valid_from, valid_to, created_by, created_at)
            VALUES (${m}, ${kid.child_id}, ${[kid.guardian_id]}, ${['identity', 'contact']}, ${[offer.provider_id]},
                    ${`Henvisning til ${plan.name}`}, ${addDays(sentOn, -1)}, ${addDays(sentOn, -1)},
                    ${addDays(sentOn, 365)}, ${input.referrerId}, ${at(addDays(sentOn, -1), 9)})
            RETURNING id`,
      );
      const events: {
        status: string;
        day: string;
        by: string;
        actor: string;
        period?: string;
        reason?: string;
      }[] = [
        { status: 'sent', day: sentOn, by: input.referrerId, actor: 'referrer' },
        { status: 'accepted', day: acceptedOn, by: input.answererId, actor: 'provider' },
        { status: 'started', day: startedOn, by: input.answererId, actor: 'provider' },
        ...months.map((day) => ({
          status: 'attending',
          day,
          by: input.answererId,
          actor: 'provider',
          period: `${day.slice(0, 7)}-01`,
        })),
        { status: 'ended', day: endedOn, by: input.answererId, actor: 'provider', reason: 'completed' },
      ];
      const { rows: referral } = await q.query(
        sql`INSERT INTO referrals (municipality_id, child_id, offer_id, basis, consent_id, shared_kinds, status, end_reason,
                                   referred_by, referrer_unit_id, referred_at, status_at, status_by, started_at, version)
            VALUES (${m}, ${kid.child_id}, ${offer.id}, 'consent', ${consent[0].id}, ${['identity', 'contact']}, 'ended',
                    'completed', ${input.referrerId}, ${kid.unit_id}, ${at(sentOn, 9)}, ${at(endedOn)},
                    ${input.answererId}, ${at(startedOn)}, ${events.length})
            RETURNING id`,
      );
      for (const e of events) {
        await q.query(
          sql`INSERT INTO referral_events (municipality_id, referral_id, status, at, by_user, actor, reason, period)
              VALUES (${m}, ${referral[0].id}, ${e.status}, ${at(e.day, e.status === 'sent' ? 9 : 14)}, ${e.by},
                      ${e.actor}, ${e.reason ?? null}, ${e.period ?? null}::date)`,
        );
        if (e.period)
          await q.query(
            sql`INSERT INTO referral_attendance (municipality_id, referral_id, period, confirmed_by, confirmed_at)
                VALUES (${m}, ${referral[0].id}, ${e.period}::date, ${e.by}, ${at(e.day)})`,
          );
      }
      made += 1;
    }
  }
  return made;
}
