import type { TTodayItem } from '../../../shared/schemas/today.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** The intake queue's notifications still waiting for their 24-hour assessment, and those past it. */
export const todayIntake = defineUseCase(
  'read:notification:municipality',
  async (ctx): Promise<TTodayItem[]> => {
    const m = ctx.user.municipalityId;
    const { rows } = await ctx.db.tenantRead(m, (q) =>
      q.query(
        sql`SELECT count(*)::int AS waiting, count(*) FILTER (WHERE assessment_due_at < now())::int AS overdue
            FROM notifications WHERE municipality_id = ${m} AND assessed_at IS NULL AND decided_at IS NULL`,
      ),
    );
    const items: TTodayItem[] = [];
    if (rows[0].overdue > 0)
      items.push({ key: 'intakeOverdue', count: rows[0].overdue, to: '/underretninger', urgent: true });
    if (rows[0].waiting - rows[0].overdue > 0)
      items.push({
        key: 'intakeWaiting',
        count: rows[0].waiting - rows[0].overdue,
        to: '/underretninger',
        urgent: false,
      });
    return items;
  },
);

/** Letters the outbox gave up on: someone must send them another way. */
export const todayLetters = defineUseCase('read:letter:municipality', async (ctx): Promise<TTodayItem[]> => {
  const m = ctx.user.municipalityId;
  const { rows } = await ctx.db.tenantRead(m, (q) =>
    q.query(sql`SELECT count(*)::int AS n FROM letters WHERE municipality_id = ${m} AND status = 'failed'`),
  );
  const n = rows[0].n as number;
  return n > 0
    ? [{ key: 'lettersFailed', count: n, to: '/breve', search: { status: 'failed' }, urgent: true }]
    : [];
});
