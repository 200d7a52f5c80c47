import { auditEvent } from '../../access/audit-event.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { lockDraft } from './draft.ts';
import { selectCatalogue } from './find-catalogue.ts';

/** Publishing freezes the version (database triggers refuse later changes); new assessments use it from now on. */
export const publishCatalogue = defineUseCase(
  'manage:catalogue:municipality',
  async (ctx, catalogueId: string) => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      await lockDraft(q, m, catalogueId);
      await q.query(
        `UPDATE factor_catalogues SET status = 'published', published_at = now(), published_by = $3
        WHERE municipality_id = $1 AND id = $2`,
        [m, catalogueId, ctx.user.userId],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'publish',
          entity: 'factor-catalogue',
          entityId: catalogueId,
          purpose: 'catalogue',
        }),
      );
      return selectCatalogue(q, m, catalogueId);
    });
  },
);
