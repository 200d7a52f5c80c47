import type { TNoticeFollowUp } from '../../../shared/schemas/notices.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectNotices } from './notice-document.ts';

/**
 * The manual follow-up list: recipients of the leader's units who could not be sent a letter (no address,
 * or no guardian with custody registered) — never skipped, listed here until someone has told them.
 */
export const findNoticeFollowUps = defineUseCase(
  'manage:notice:unit',
  async (ctx): Promise<{ items: TNoticeFollowUp[] }> => {
    const m = ctx.user.municipalityId;
    const units = unitsWith(ctx, 'manage:notice:unit');
    const items = await ctx.db.tenantRead(m, (q) =>
      selectNotices(q, m, sql`n.status = 'followUp' AND n.unit_ids && ${units}::uuid[]`),
    );
    if (items.length > 0)
      await ctx.audit.record(
        auditEvent(ctx, {
          action: 'list',
          entity: 'information-notice',
          purpose: 'notice-follow-up',
          detail: {
            notices: items.map((i) => i.id),
            childIds: [...new Set(items.flatMap((i) => i.children.map((c) => c.id)))],
          },
        }),
      );
    return { items };
  },
);
