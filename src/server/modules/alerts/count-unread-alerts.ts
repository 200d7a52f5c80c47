import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { readableUnits } from '../children/children.access.ts';
import { visibleAlert } from './alert-visibility.ts';

/** How many unread alerts the user has (for the menu badge); names nobody, so no audit event. */
export const countUnreadAlerts = defineUseCase('read:alert:own', async (ctx): Promise<{ unread: number }> => {
  const m = ctx.user.municipalityId;
  return ctx.db.tenantRead(m, async (q) => {
    const { rows } = await q.query(
      sql`SELECT count(*)::int AS unread FROM alerts al
        WHERE al.municipality_id = ${m} AND al.user_id = ${ctx.user.userId} AND al.read_at IS NULL
          AND ${visibleAlert(readableUnits(ctx), ctx.user.userId)}`,
    );
    return { unread: rows[0].unread as number };
  });
});
