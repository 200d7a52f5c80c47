import type { TNoticeException } from '../../../shared/schemas/notices.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectExceptions } from './exception-document.ts';
import { reviewScope } from './review-scope.ts';

/**
 * The leader's review list: the exceptions recorded in their units or teams, active (what is held back now,
 * unreviewed first in the page's eyes) or ended. The children are named, so the list is an audited read.
 */
export const findNoticeExceptions = defineUseCase(
  ['manage:notice:unit', 'manage:notice:team'],
  async (ctx, state: 'active' | 'ended'): Promise<{ items: TNoticeException[] }> => {
    const m = ctx.user.municipalityId;
    const items = await ctx.db.tenantRead(m, (q) =>
      selectExceptions(
        q,
        m,
        sql`(${reviewScope(ctx)}) AND ${state === 'active' ? sql`x.ended_at IS NULL` : sql`x.ended_at IS NOT NULL`}`,
      ),
    );
    if (items.length > 0)
      await ctx.audit.record(
        auditEvent(ctx, {
          action: 'list',
          entity: 'notice-exception',
          purpose: 'notice-review',
          detail: {
            state,
            exceptions: items.map((i) => i.id),
            childIds: [...new Set(items.map((i) => i.childId))],
          },
        }),
      );
    return { items };
  },
);
