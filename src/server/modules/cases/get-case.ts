import type { TCase } from '../../../shared/schemas/cases.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';
import { selectCase } from './case-document.ts';
import { accessibleCase, managesTeam } from './cases.access.ts';

/** One case, if the user has a relation to it (cases.access.ts); the read is audited. */
export const getCase = defineUseCase('read:case:team', async (ctx, caseId: string): Promise<TCase> => {
  const m = ctx.user.municipalityId;
  const found = await ctx.db.tenantRead(m, async (q) => {
    const row = await accessibleCase(q, ctx, caseId, ctx.permission);
    const config = await caseDeadlineConfig(q, m);
    const canManage = managesTeam(ctx, row.team_id);
    return { row, doc: await selectCase(q, m, caseId, ctx.locale, config, canManage) };
  });
  if (!found.doc) throw new AppError('NOT_FOUND');
  await ctx.audit.record(
    auditEvent(ctx, {
      action: 'read',
      entity: 'case',
      entityId: caseId,
      childId: found.row.child_id,
      relation: found.row.relation,
      detail: null,
    }),
  );
  return found.doc;
});
