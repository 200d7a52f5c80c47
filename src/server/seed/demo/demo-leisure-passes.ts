import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { addDays } from '../dates.ts';

export interface TDemoLeisurePassesInput {
  municipalityId: string;
  today: string;
  /** Grants the passes, to children of their units that they referred. */
  professionalId: string;
}

/** How a demo pass went: granted how many days ago, of how much, and what became of it. */
const PASSES: {
  daysAgo: number;
  amount: number;
  status: 'granted' | 'redeemed' | 'cancelled';
  note?: string;
}[] = [
  { daysAgo: 12, amount: 600, status: 'granted' },
  { daysAgo: 70, amount: 800, status: 'granted' },
  { daysAgo: 95, amount: 500, status: 'granted' },
  { daysAgo: 40, amount: 1000, status: 'redeemed' },
  { daysAgo: 120, amount: 750, status: 'redeemed' },
  { daysAgo: 80, amount: 400, status: 'cancelled', note: 'Familien valgte en anden forening' },
];

/**
 * The leisure pass of a demo municipality (issue 15, items 6 and 10): 1,500 kr. per child per year, granted by the
 * referring roles, unused after 8 weeks; and passes the demo professional granted to children they referred — some
 * used, one cancelled, two still unused after more than 8 weeks (they show in the professional's Mit arbejde).
 * Passes are granted within the current year, so the budgets shown are this year's.
 */
export async function seedDemoLeisurePasses(q: Queryable, input: TDemoLeisurePassesInput): Promise<number> {
  const { municipalityId: m, today, professionalId } = input;
  await q.query(
    sql`INSERT INTO leisure_pass_settings (municipality_id, enabled, amount_per_year_dkk, unused_weeks, updated_by)
        VALUES (${m}, true, 1500, 8, ${professionalId})`,
  );
  const { rows: offers } = await q.query(
    sql`SELECT id FROM offers WHERE municipality_id = ${m} AND leisure_pass AND status = 'active' ORDER BY name`,
  );
  const { rows: kids } = await q.query(
    sql`SELECT DISTINCT r.child_id, r.referrer_unit_id FROM referrals r
         WHERE r.municipality_id = ${m} AND r.referred_by = ${professionalId} ORDER BY r.child_id`,
  );
  if (offers.length === 0) return 0;
  const yearStart = `${today.slice(0, 4)}-01-01`;
  let made = 0;
  for (const [i, pass] of PASSES.entries()) {
    const kid = kids[i];
    if (!kid) break;
    // ISO days sort as text: the later of the pass's day and the year's start, the earlier of two weeks on and today.
    const grantedOn = [addDays(today, -pass.daysAgo), yearStart].sort()[1] as string;
    const settledOn = [addDays(grantedOn, 14), today].sort()[0] as string;
    await q.query(
      sql`INSERT INTO leisure_passes (municipality_id, child_id, offer_id, amount_dkk, granted_on, granted_by, granted_at,
                                      granter_unit_id, status, status_note, status_at, status_by)
          VALUES (${m}, ${kid.child_id}, ${offers[i % offers.length].id}, ${pass.amount}, ${grantedOn}, ${professionalId},
                  ${`${grantedOn}T10:00:00+01:00`}, ${kid.referrer_unit_id}, ${pass.status}, ${pass.note ?? null},
                  ${`${pass.status === 'granted' ? grantedOn : settledOn}T11:00:00+01:00`}, ${professionalId})`,
    );
    made += 1;
  }
  return made;
}
