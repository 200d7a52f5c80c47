import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission } from '../../http/permissions.ts';
import { readableUnits } from '../children/children.access.ts';
import { visibleAlertSql } from './alert-visibility.ts';

/** Marks one of the user's own visible alerts read (again is fine). Another user's alert is not found. */
export async function markAlertRead(ctx: TCtx, alertId: string): Promise<{ id: string; readAt: string }> {
  requirePermission(ctx, 'read:alert:own');
  const m = ctx.user.municipalityId;
  const row = await ctx.db.tenant(m, async (q) => {
    const { rows } = await q.query(
      `UPDATE alerts al SET read_at = coalesce(al.read_at, now())
        WHERE al.municipality_id = $1 AND al.user_id = $2 AND al.id = $4 AND ${visibleAlertSql('$3', '$2')}
        RETURNING al.id, al.read_at`,
      [m, ctx.user.userId, readableUnits(ctx), alertId],
    );
    return rows[0];
  });
  if (!row) throw new AppError('NOT_FOUND');
  return { id: row.id, readAt: new Date(row.read_at).toISOString() };
}
