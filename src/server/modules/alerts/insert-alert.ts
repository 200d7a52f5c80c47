import type { TAlertReason } from '../../../shared/schemas/alert-views.ts';
import type { Queryable } from '../../db/client.ts';

export type TAlertKind = 'earlyWarning' | 'reminder' | 'consentExpired' | 'overdue' | (string & {});

export interface TInsertAlertInput {
  municipalityId: string;
  userId: string;
  childId?: string | null;
  kind: TAlertKind;
  ruleCode?: string | null;
  reason: TAlertReason;
  /** An SPA path, e.g. `/boern/<id>`. */
  link?: string | null;
  /** Raising an alert with a key the user already has is a no-op (a rule firing again, a retried job). */
  dedupeKey?: string | null;
}

/**
 * Raises one in-app alert for one user, in the caller's transaction (the tenant's, or the system's in a
 * job). Idempotent on (municipality, user, dedupe key). Answers the new alert's id, or null when the key
 * already existed.
 */
export async function insertAlert(q: Queryable, input: TInsertAlertInput): Promise<string | null> {
  const { rows } = await q.query(
    `INSERT INTO alerts (municipality_id, user_id, child_id, kind, rule_code, reason, link, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (municipality_id, user_id, dedupe_key) DO NOTHING RETURNING id`,
    [
      input.municipalityId,
      input.userId,
      input.childId ?? null,
      input.kind,
      input.ruleCode ?? null,
      JSON.stringify(input.reason),
      input.link ?? null,
      input.dedupeKey ?? null,
    ],
  );
  return rows[0]?.id ?? null;
}

/** The same alert for several users (e.g. a child's unit leaders and coordinator); answers the ids created. */
export async function insertAlerts(
  q: Queryable,
  userIds: readonly string[],
  input: Omit<TInsertAlertInput, 'userId'>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const userId of new Set(userIds)) {
    const id = await insertAlert(q, { ...input, userId });
    if (id) ids.push(id);
  }
  return ids;
}
