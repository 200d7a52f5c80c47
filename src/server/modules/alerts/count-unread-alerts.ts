import type { TCtx } from '../../http/context.ts';
import { requirePermission } from '../../http/permissions.ts';
import { readableUnits } from '../children/children.access.ts';
import { visibleAlertSql } from './alert-visibility.ts';

/** How many unread alerts the user has (for the menu badge); names nobody, so no audit event. */
export async function countUnreadAlerts(ctx: TCtx): Promise<{ unread: number }> {
  requirePermission(ctx, 'read:alert:own');
  const m = ctx.user.municipalityId;
  return ctx.db.tenantRead(m, async (q) => {
    const { rows } = await q.query(
      `SELECT count(*)::int AS unread FROM alerts al
        WHERE al.municipality_id = $1 AND al.user_id = $2 AND al.read_at IS NULL AND ${visibleAlertSql('$3', '$2')}`,
      [m, ctx.user.userId, readableUnits(ctx)],
    );
    return { unread: rows[0].unread as number };
  });
}
