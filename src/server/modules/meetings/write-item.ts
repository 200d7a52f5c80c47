import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { TActingCtx } from '../../http/use-case.ts';
import { requireItem, requireSharing, sharingPurpose } from './meetings.access.ts';

type TItem = Awaited<ReturnType<typeof requireItem>>;

/**
 * The common frame of a write to an agenda item by a participant, inside a use-case declared with
 * `write:minutes:own`: the item locked, the writer a participant allowed to see its child (403 otherwise), the
 * version current, the change, then its audit event naming the basis — all in one transaction.
 */
export async function writeItem<T>(
  ctx: TActingCtx,
  itemId: string,
  version: number | null,
  what: string,
  change: (q: Queryable, found: TItem) => Promise<T>,
): Promise<T> {
  const m = ctx.user.municipalityId;
  return ctx.db.tenant(m, async (q) => {
    const found = await requireItem(q, ctx, itemId, { lock: true });
    if (!found.role.participant) throw new AppError('FORBIDDEN');
    requireSharing(found.decision);
    if (version !== null && found.item.version !== version) throw new AppError('STALE_VERSION');
    const result = await change(q, found);
    await ctx.audit.inTransaction(
      q,
      auditEvent(ctx, {
        action: 'update',
        entity: 'meetingItem',
        entityId: itemId,
        childId: found.item.child_id,
        purpose: found.decision
          ? sharingPurpose(found.item.meeting_id, found.decision)
          : `meeting:${found.item.meeting_id}`,
        detail: { what },
      }),
    );
    return result;
  });
}
