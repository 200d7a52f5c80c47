import { budgetYear, passBudget, passUnused } from '../../../domain/offers/leisure-pass.ts';
import type { TLeisurePass, TLeisurePassSettings } from '../../../shared/schemas/leisure-passes.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

/** A child's passes, or one pass, newest first, each saying whether it has gone unused too long. */
export async function selectLeisurePasses(
  q: Queryable,
  m: string,
  where: { childId?: string; id?: string },
  today: string,
  unusedWeeks: number,
): Promise<TLeisurePass[]> {
  const { rows } = await q.query(
    sql`SELECT lp.*, lp.granted_on::text AS granted_day, o.name AS offer_name, p.name AS provider_name,
               u.name AS granted_by_name
          FROM leisure_passes lp
          JOIN offers o ON o.municipality_id = lp.municipality_id AND o.id = lp.offer_id
          JOIN offer_providers p ON p.municipality_id = o.municipality_id AND p.id = o.provider_id
          JOIN users u ON u.municipality_id = lp.municipality_id AND u.id = lp.granted_by
         WHERE lp.municipality_id = ${m}
           ${where.childId ? sql`AND lp.child_id = ${where.childId}` : sql.empty}
           ${where.id ? sql`AND lp.id = ${where.id}` : sql.empty}
         ORDER BY lp.granted_on DESC, lp.granted_at DESC`,
  );
  return rows.map(
    (r): TLeisurePass => ({
      id: r.id,
      childId: r.child_id,
      offer: { id: r.offer_id, name: r.offer_name, providerName: r.provider_name },
      amountDkk: r.amount_dkk,
      grantedOn: r.granted_day,
      grantedBy: { id: r.granted_by, name: r.granted_by_name },
      status: r.status,
      statusAt: new Date(r.status_at).toISOString(),
      note: r.status_note,
      unused: passUnused({ status: r.status, grantedOn: r.granted_day }, unusedWeeks, today),
      version: r.version,
    }),
  );
}

/** The child's budget for the year of `today`: the amount, what granted and not cancelled passes use, what is left. */
export async function childBudget(
  q: Queryable,
  m: string,
  childId: string,
  today: string,
  settings: Pick<TLeisurePassSettings, 'amountPerYearDkk'>,
): Promise<{ year: number; used: number; left: number }> {
  const year = budgetYear(today);
  const { rows } = await q.query(
    sql`SELECT amount_dkk FROM leisure_passes
         WHERE municipality_id = ${m} AND child_id = ${childId} AND status <> 'cancelled'
           AND granted_on >= make_date(${year}, 1, 1) AND granted_on < make_date(${year + 1}, 1, 1)`,
  );
  return {
    year,
    ...passBudget(
      settings.amountPerYearDkk,
      rows.map((r) => r.amount_dkk as number),
    ),
  };
}
