import { auditEvent } from '../../access/audit-event.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission } from '../../http/permissions.ts';

/** A letter's PDF exactly as queued; the download is an audited read of the child's letter. */
export async function getLetterPdf(ctx: TCtx, letterId: string): Promise<{ filename: string; body: Buffer }> {
  requirePermission(ctx, 'read:letter:municipality');
  const m = ctx.user.municipalityId;
  const row = await ctx.db.tenantRead(m, async (q) => {
    const { rows } = await q.query(
      'SELECT id, kind, child_id, pdf FROM letters WHERE municipality_id = $1 AND id = $2',
      [m, letterId],
    );
    return rows[0];
  });
  if (!row) throw new AppError('NOT_FOUND');
  await ctx.audit.record(
    auditEvent(ctx, {
      permission: 'read:letter:municipality',
      action: 'read',
      entity: 'letter',
      entityId: row.id,
      childId: row.child_id,
      purpose: 'outbox',
      detail: { kind: row.kind, pdf: true },
    }),
  );
  return { filename: `brev-${row.id}.pdf`, body: row.pdf };
}
