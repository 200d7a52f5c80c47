import { suppressList } from '../../../domain/measurement/suppression.ts';
import { type TWaitFigures, WAIT_WINDOW_MONTHS } from '../../../shared/schemas/offer-capacity.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

export interface TRawWait {
  started: number;
  medianDays: number | null;
  p90Days: number | null;
}

/**
 * Per offer (all of the municipality's when `offerIds` is null): how many referrals started in the last six
 * months and the median and 90th-percentile days from the referral's `sent` event to its first `started`
 * event — read from the status history, never from a typed-in figure. Offers with none started are absent.
 */
export async function selectWaits(
  q: Queryable,
  municipalityId: string,
  offerIds: readonly string[] | null,
): Promise<Map<string, TRawWait>> {
  const { rows } = await q.query(
    sql`WITH waits AS (
          SELECT r.offer_id,
                 min(e.at) FILTER (WHERE e.status = 'started') AS started_at,
                 (min(e.at) FILTER (WHERE e.status = 'started'))::date
                   - (min(e.at) FILTER (WHERE e.status = 'sent'))::date AS days
            FROM referrals r
            JOIN referral_events e ON e.municipality_id = r.municipality_id AND e.referral_id = r.id
                 AND e.status IN ('sent', 'started')
           WHERE r.municipality_id = ${municipalityId} AND r.started_at IS NOT NULL
             ${offerIds ? sql`AND r.offer_id = ANY(${offerIds}::uuid[])` : sql.empty}
           GROUP BY r.offer_id, r.id
        )
        SELECT offer_id, count(*)::int AS started,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
          FROM waits
         WHERE days IS NOT NULL AND started_at >= now() - make_interval(months => ${WAIT_WINDOW_MONTHS}::int)
         GROUP BY offer_id`,
  );
  return new Map(
    rows.map((r) => [
      r.offer_id as string,
      { started: r.started as number, medianDays: round1(r.median), p90Days: round1(r.p90) },
    ]),
  );
}

const round1 = (v: number | null): number | null => (v === null ? null : Math.round(Number(v) * 10) / 10);

/** The figures as shown: withheld when fewer than five children started (the measurement suppression rule). */
export function shownWait(raw: TRawWait | undefined): TWaitFigures {
  const started = raw?.started ?? 0;
  const hidden = suppressList([started], { total: false }).cells[0] !== 'shown';
  return {
    started,
    medianDays: hidden ? null : (raw?.medianDays ?? null),
    p90Days: hidden ? null : (raw?.p90Days ?? null),
    hidden,
  };
}

/** Per offer, how many referrals are on its waiting list now. */
export async function selectWaitingLists(
  q: Queryable,
  municipalityId: string,
  offerIds: readonly string[] | null,
): Promise<Map<string, number>> {
  const { rows } = await q.query(
    sql`SELECT offer_id, count(*)::int AS n FROM referrals
         WHERE municipality_id = ${municipalityId} AND status = 'waitingList'
           ${offerIds ? sql`AND offer_id = ANY(${offerIds}::uuid[])` : sql.empty}
         GROUP BY offer_id`,
  );
  return new Map(rows.map((r) => [r.offer_id as string, r.n as number]));
}
