import { auditEvent } from '../../access/audit-event.ts';
import type { TCaseRelation } from '../../access/relations.ts';
import type { Queryable } from '../../db/client.ts';
import type { TActingCtx } from '../../http/use-case.ts';

/**
 * A write to a case: the timeline row and the audit event (under the permission the use-case acts under),
 * in the caller's transaction, and the case's version bumped so a concurrent editor's stale version is
 * refused.
 */
export async function recordCaseWrite(
  q: Queryable,
  ctx: TActingCtx,
  c: { id: string; child_id: string; relation: TCaseRelation },
  kind: string,
  detail: Record<string, unknown> | null,
  options: { entity?: string; entityId?: string; action?: string } = {},
): Promise<void> {
  const m = ctx.user.municipalityId;
  await q.query(
    `INSERT INTO case_events (municipality_id, case_id, kind, actor_id, detail) VALUES ($1, $2, $3, $4, $5)`,
    [m, c.id, kind, ctx.user.userId, detail === null ? null : JSON.stringify(detail)],
  );
  await q.query(
    'UPDATE cases SET version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2',
    [m, c.id],
  );
  await ctx.audit.inTransaction(
    q,
    auditEvent(ctx, {
      relation: c.relation,
      action: options.action ?? 'update',
      entity: options.entity ?? 'case',
      entityId: options.entityId ?? c.id,
      childId: c.child_id,
      detail: { caseId: c.id, kind, ...(detail ?? {}) },
    }),
  );
}
