import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** A letter's PDF exactly as queued; the download is an audited read of the child's letter. */
export const getLetterPdf = defineUseCase(
  'read:letter:municipality',
  async (ctx, letterId: string): Promise<{ filename: string; body: Buffer }> => {
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
        action: 'read',
        entity: 'letter',
        entityId: row.id,
        childId: row.child_id,
        purpose: 'outbox',
        detail: { kind: row.kind, pdf: true },
      }),
    );
    return { filename: `brev-${row.id}.pdf`, body: row.pdf };
  },
);
