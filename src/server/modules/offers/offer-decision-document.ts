import type { TOfferDecision } from '../../../shared/schemas/offer-learning.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

/** The decisions recorded on the offers named (all of the municipality's when null), newest first. */
export async function selectOfferDecisions(
  q: Queryable,
  m: string,
  offerIds: readonly string[] | null,
): Promise<TOfferDecision[]> {
  const { rows } = await q.query(
    sql`SELECT d.id, d.offer_id, d.decision, d.reason, d.decided_at, u.id AS user_id, u.name AS user_name
          FROM offer_decisions d JOIN users u ON u.municipality_id = d.municipality_id AND u.id = d.decided_by
         WHERE d.municipality_id = ${m} ${offerIds ? sql`AND d.offer_id = ANY(${offerIds}::uuid[])` : sql.empty}
         ORDER BY d.decided_at DESC, d.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    offerId: r.offer_id,
    decision: r.decision,
    reason: r.reason,
    decidedBy: { id: r.user_id, name: r.user_name },
    decidedAt: new Date(r.decided_at).toISOString(),
  }));
}
