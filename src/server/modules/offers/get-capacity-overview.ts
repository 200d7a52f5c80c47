import { suppressList } from '../../../domain/measurement/suppression.ts';
import {
  type TCapacityOffer,
  type TCapacityOverview,
  type TCapacityOverviewQuery,
  WAIT_WINDOW_MONTHS,
} from '../../../shared/schemas/offer-capacity.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectWaitingLists, selectWaits, shownWait } from './waiting-figures.ts';

/**
 * The capacity overview for leaders (issue 15, item 8): active offers that are full, active offers with long
 * waits, and referrals declined for lack of capacity per kind of offer and district over the last six months.
 * Counts of children under five are hidden by the measurement suppression rule (a row and its total).
 */
export const getCapacityOverview = defineUseCase(
  'read:capacity:municipality',
  async (ctx, query: TCapacityOverviewQuery): Promise<TCapacityOverview> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenantRead(m, async (q) => {
      const offers = await activeOffers(q, m);
      const waits = await selectWaits(q, m, null);
      const lists = await selectWaitingLists(q, m, null);
      const rows: TCapacityOffer[] = offers.map((o) => ({
        ...o,
        waitingList: lists.get(o.offerId) ?? 0,
        wait: shownWait(waits.get(o.offerId)),
      }));
      return {
        windowMonths: WAIT_WINDOW_MONTHS,
        longWaitDays: query.longWaitDays,
        full: rows.filter((o) => o.capacityTotal !== null && o.capacityFree === 0),
        longWaits: rows
          .filter((o) => o.wait.medianDays !== null && o.wait.medianDays >= query.longWaitDays)
          .sort((a, b) => (b.wait.medianDays ?? 0) - (a.wait.medianDays ?? 0)),
        declinedNoCapacity: await declinedNoCapacity(q, m),
      };
    });
  },
);

async function activeOffers(
  q: Queryable,
  m: string,
): Promise<Omit<TCapacityOffer, 'waitingList' | 'wait'>[]> {
  const { rows } = await q.query(
    sql`SELECT id, name, kind, district_id, capacity_total, capacity_free FROM offers
         WHERE municipality_id = ${m} AND status = 'active' ORDER BY name, id`,
  );
  return rows.map((r) => ({
    offerId: r.id,
    name: r.name,
    kind: r.kind,
    districtId: r.district_id,
    capacityTotal: r.capacity_total,
    capacityFree: r.capacity_free,
  }));
}

/** Declined for no capacity in the window (the decline event's reason and time), kind × the offer's district. */
async function declinedNoCapacity(q: Queryable, m: string): Promise<TCapacityOverview['declinedNoCapacity']> {
  const { rows } = await q.query(
    sql`SELECT o.kind, o.district_id, count(*)::int AS n
          FROM referral_events e
          JOIN referrals r ON r.municipality_id = e.municipality_id AND r.id = e.referral_id
          JOIN offers o ON o.municipality_id = r.municipality_id AND o.id = r.offer_id
         WHERE e.municipality_id = ${m} AND e.status = 'declined' AND e.reason = 'noCapacity'
           AND e.at >= now() - make_interval(months => ${WAIT_WINDOW_MONTHS}::int)
         GROUP BY o.kind, o.district_id`,
  );
  const { rows: named } = await q.query(
    sql`SELECT id, name FROM districts WHERE municipality_id = ${m} ORDER BY name`,
  );
  const districtIds = [...new Set(rows.map((r) => r.district_id as string | null))];
  const districts = [
    ...named
      .filter((d) => districtIds.includes(d.id))
      .map((d) => ({ id: d.id as string, name: d.name as string })),
    ...(districtIds.includes(null) ? [{ id: null, name: null }] : []),
  ];
  const kinds = [...new Set(rows.map((r) => r.kind as string))].sort();
  const count = (kind: string, district: string | null) =>
    rows.find((r) => r.kind === kind && r.district_id === district)?.n ?? 0;
  return {
    districts,
    rows: kinds.map((kind) => {
      const counts = districts.map((d) => count(kind, d.id));
      const v = suppressList(counts);
      const total = counts.reduce((s, n) => s + n, 0);
      return {
        kind,
        cells: districts.map((d, i) => {
          const hidden = v.cells[i] !== 'shown';
          return { districtId: d.id, count: hidden ? null : (counts[i] ?? 0), hidden };
        }),
        total: { count: v.total === 'shown' ? total : null, hidden: v.total !== 'shown' },
      };
    }),
  };
}
