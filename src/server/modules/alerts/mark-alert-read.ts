import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { readableUnits } from '../children/children.access.ts';
import { visibleAlert } from './alert-visibility.ts';

/** Marks one of the user's own visible alerts read (again is fine). Another user's alert is not found. */
export const markAlertRead = defineUseCase(
  'read:alert:own',
  async (ctx, alertId: string): Promise<{ id: string; readAt: string }> => {
    const m = ctx.user.municipalityId;
    const row = await ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        sql`UPDATE alerts al SET read_at = coalesce(al.read_at, now())
        WHERE al.municipality_id = ${m} AND al.user_id = ${ctx.user.userId} AND al.id = ${alertId}
          AND ${visibleAlert(readableUnits(ctx), ctx.user.userId)}
        RETURNING al.id, al.read_at`,
      );
      return rows[0];
    });
    if (!row) throw new AppError('NOT_FOUND');
    return { id: row.id, readAt: new Date(row.read_at).toISOString() };
  },
);
