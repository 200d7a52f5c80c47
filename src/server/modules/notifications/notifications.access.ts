import type { TNotificationSource, TNotificationStatus } from '../../../shared/schemas/notifications.ts';
import type { TIntakeRelation } from '../../access/relations.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Who may touch which notification. The authority's intake (caseworkers and their managers, holding
 * `read:notification:municipality`) works the whole municipality's queue: a notification belongs to the
 * municipality, not to a team, until a case is opened: the `intake` relation. A notifier (`read:notification:own`) sees only the
 * notifications they made, and of those only receipt and outcome. The audit purpose names which.
 */
export const INTAKE: TIntakeRelation = { kind: 'intake' };

export interface TNotificationRow {
  id: string;
  child_id: string | null;
  source: TNotificationSource;
  assessed_at: Date | null;
  decision: string | null;
  version: number;
  received_at: Date;
  notifier_user_id: string | null;
  reference: string;
}

/** The notification locked for a change, or 404; 409 when the caller's version is stale. */
export async function lockNotification(
  q: Queryable,
  municipalityId: string,
  id: string,
  version: number,
): Promise<TNotificationRow> {
  const { rows } = await q.query(
    `SELECT id, child_id, source, assessed_at, decision, version, received_at, notifier_user_id, reference
       FROM notifications WHERE municipality_id = $1 AND id = $2 FOR UPDATE`,
    [municipalityId, id],
  );
  const row = rows[0] as TNotificationRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== version) throw new AppError('STALE_VERSION');
  return row;
}

/** SQL (alias `n`): how many other notifications concern the same child, matched or by the CPR number given. */
export const REPEAT_COUNT_SQL = `(SELECT count(*)::int FROM notifications o
   WHERE o.municipality_id = n.municipality_id AND o.id <> n.id
     AND ((n.child_id IS NOT NULL AND o.child_id = n.child_id)
       OR (n.child_cpr_hash IS NOT NULL AND o.child_cpr_hash = n.child_cpr_hash)))`;

export function statusOf(row: { assessed_at: Date | null; decision: string | null }): TNotificationStatus {
  if (row.decision) return 'decided';
  return row.assessed_at ? 'assessed' : 'new';
}
