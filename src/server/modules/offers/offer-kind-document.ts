import type { TOfferKind } from '../../../shared/schemas/offer-views.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

/** The municipality's offer kinds (or one), in their order. */
export async function selectOfferKinds(q: Queryable, m: string, code?: string): Promise<TOfferKind[]> {
  const { rows } = await q.query(
    sql`SELECT code, label_da AS "labelDa", label_en AS "labelEn", leisure, active, position, version
          FROM offer_kinds WHERE municipality_id = ${m} AND (${code ?? null}::text IS NULL OR code = ${code ?? null})
         ORDER BY position, code`,
  );
  return rows;
}
