import type { TCaseworkerChangeSummary } from '../../../shared/schemas/caseworker-change.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** The municipality's caseworker changes made by managers, newest first (no child data). */
export const findCaseworkerChanges = defineUseCase(
  'manage:case:team',
  async (ctx): Promise<{ items: TCaseworkerChangeSummary[] }> => {
    const m = ctx.user.municipalityId;
    const rows = await ctx.db.tenantRead(m, async (q) => {
      const { rows } = await q.query(
        `SELECT ch.id, ch.leaving_user_id, u.name, ch.effective_on, ch.status, ch.total, ch.processed, ch.letters_queued,
              ch.created_at,
              (SELECT count(*) FROM caseworker_change_items i WHERE i.municipality_id = ch.municipality_id AND i.change_id = ch.id)::int AS items
         FROM caseworker_changes ch JOIN users u ON u.municipality_id = ch.municipality_id AND u.id = ch.leaving_user_id
        WHERE ch.municipality_id = $1 ORDER BY ch.created_at DESC LIMIT 100`,
        [m],
      );
      return rows;
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        leaving: { id: r.leaving_user_id, name: r.name },
        effectiveOn: r.effective_on,
        status: r.status,
        total: r.status === 'proposed' ? r.items : r.total,
        processed: r.processed,
        lettersQueued: r.letters_queued,
        createdAt: r.created_at.toISOString(),
      })),
    };
  },
);
