import type { TCtx } from '../../http/context.ts';
import { requirePermission } from '../../http/permissions.ts';
import { lockDraft } from './draft.ts';
import { selectCatalogue } from './find-catalogue.ts';

/** Publishing freezes the version (database triggers refuse later changes); new assessments use it from now on. */
export async function publishCatalogue(ctx: TCtx, catalogueId: string) {
  requirePermission(ctx, 'manage:catalogue:municipality');
  const m = ctx.user.municipalityId;
  return ctx.db.tenant(m, async (q) => {
    await lockDraft(q, m, catalogueId);
    await q.query(
      `UPDATE factor_catalogues SET status = 'published', published_at = now(), published_by = $3
        WHERE municipality_id = $1 AND id = $2`,
      [m, catalogueId, ctx.user.userId],
    );
    await ctx.audit.inTransaction(q, {
      municipalityId: m,
      userId: ctx.user.userId,
      role: 'admin',
      action: 'publish',
      entity: 'factor-catalogue',
      entityId: catalogueId,
      childId: null,
      purpose: 'catalogue',
      ip: ctx.ip,
      detail: null,
    });
    return selectCatalogue(q, m, catalogueId);
  });
}
