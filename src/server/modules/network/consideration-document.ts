import type { TNetworkConsideration } from '../../../shared/schemas/network-considerations.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

/** A child's records of network involvement considered, newest first (or the one `id`). */
export async function selectConsiderations(
  q: Queryable,
  m: string,
  where: { childId: string; id?: string },
): Promise<TNetworkConsideration[]> {
  const { rows } = await q.query(
    sql`SELECT n.id, n.considered_on::text AS considered_on, n.decision, n.reason, n.case_id, n.recorded_at,
               u.name AS recorded_by
          FROM network_considerations n
          JOIN users u ON u.municipality_id = n.municipality_id AND u.id = n.recorded_by
         WHERE n.municipality_id = ${m} AND n.child_id = ${where.childId}
           ${where.id ? sql`AND n.id = ${where.id}` : sql.empty}
         ORDER BY n.considered_on DESC, n.recorded_at DESC, n.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    consideredOn: r.considered_on,
    decision: r.decision,
    reason: r.reason ?? '',
    context: r.case_id ? 'case' : 'unit',
    recordedBy: r.recorded_by,
    recordedAt: new Date(r.recorded_at).toISOString(),
  }));
}
