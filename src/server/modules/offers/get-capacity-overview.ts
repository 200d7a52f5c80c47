import { suppressList } from '../../../domain/measurement/suppression.ts';
import {
  type TCapacityOffer,
  type TCapacityOverview,
  type TCapacityOverviewQuery,
  WAIT_WINDOW_MONTHS,
} from '../../../shared/schemas/offer-capacity.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { rawWaitFromRow, shownWait, WAIT_COLUMNS } from './waiting-figures.ts';

/**
 * The capacity overview for leaders (issue 15, item 8): active offers that are full, active offers with long
 * waits, and referrals declined for lack of capacity per kind of offer and district over the last six months.
 * Counts of children under five are hidden by the measurement suppression rule (a row and its total). The figures
 * come from the per-offer rows the database keeps (`offer_waits`, migration 0036), so the answer reads the listed
 * offers and the offers with declines instead of the whole status history.
 */
export const getCapacityOverview = defineUseCase(
  'read:capacity:municipality',
  async (ctx, query: TCapacityOverviewQuery): Promise<TCapacityOverview> => {
    const m = ctx.user.municipalityId;
    // One statement, one round trip (decision 011): the listed offers, then the declines by kind × district.
    const { rows } = await ctx.db.tenantQuery(m, overviewStatement(m, query.longWaitDays).query());
    const listed = rows.filter((r) => r.what === 'offer').map(capacityOffer);
    return {
      windowMonths: WAIT_WINDOW_MONTHS,
      longWaitDays: query.longWaitDays,
      full: listed.filter((o) => o.capacityTotal !== null && o.capacityFree === 0),
      longWaits: listed
        .filter((o) => o.wait.medianDays !== null && o.wait.medianDays >= query.longWaitDays)
        .sort((a, b) => (b.wait.medianDays ?? 0) - (a.wait.medianDays ?? 0)),
      declinedNoCapacity: declinedTable(rows.filter((r) => r.what === 'declined')),
    };
  },
);

/**
 * Active offers that are full or whose median (before rounding to a tenth) may reach the long wait — a superset
 * of both lists, which the caller narrows on the figures as shown — and the declines for no capacity in the window
 * per kind × the offer's district, in the database's order of district names.
 */
const overviewStatement = (m: string, longWaitDays: number) => sql`
  SELECT 'offer' AS what, o.id, o.name, o.kind, o.district_id, NULL::text AS district_name, o.capacity_total,
         o.capacity_free, ${sql.raw(WAIT_COLUMNS)}, NULL::int AS n
    FROM offers o LEFT JOIN offer_waits w ON w.municipality_id = o.municipality_id AND w.offer_id = o.id
   WHERE o.municipality_id = ${m} AND o.status = 'active'
     AND ((o.capacity_total IS NOT NULL AND o.capacity_free = 0) OR w.median_days >= ${longWaitDays}::int - 0.05)
  UNION ALL
  (SELECT 'declined', NULL, NULL, o.kind, o.district_id, d.name, NULL, NULL, NULL, NULL, NULL, NULL,
          sum(w.declined_no_capacity)::int
     FROM offer_waits w
     JOIN offers o ON o.municipality_id = w.municipality_id AND o.id = w.offer_id
     LEFT JOIN districts d ON d.municipality_id = o.municipality_id AND d.id = o.district_id
    WHERE w.municipality_id = ${m} AND w.declined_no_capacity > 0
    GROUP BY o.kind, o.district_id, d.name
    ORDER BY d.name NULLS LAST, o.kind)`;

function capacityOffer(r: Record<string, unknown>): TCapacityOffer {
  const raw = rawWaitFromRow(r);
  return {
    offerId: r.id as string,
    name: r.name as string,
    kind: r.kind as string,
    districtId: r.district_id as string | null,
    capacityTotal: r.capacity_total as number | null,
    capacityFree: r.capacity_free as number | null,
    waitingList: raw.waitingList,
    wait: shownWait(raw),
  };
}

/** The declines as a table, kind × district, each kind's row and its total through the suppression rule. */
function declinedTable(rows: Record<string, unknown>[]): TCapacityOverview['declinedNoCapacity'] {
  const named = new Map<string, string>();
  for (const r of rows) if (r.district_id) named.set(r.district_id as string, r.district_name as string);
  // In the database's order of names (the rows come sorted by them).
  const districts: { id: string | null; name: string | null }[] = [...named].map(([id, name]) => ({
    id,
    name,
  }));
  if (rows.some((r) => r.district_id === null)) districts.push({ id: null, name: null });
  const kinds = [...new Set(rows.map((r) => r.kind as string))].sort();
  const count = (kind: string, district: string | null) =>
    (rows.find((r) => r.kind === kind && r.district_id === district)?.n as number | undefined) ?? 0;
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
