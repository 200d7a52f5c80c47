import type { TCaseworkerChange } from '../../../shared/schemas/caseworker-change.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { managesTeam } from '../cases/cases.access.ts';
import { changeChildIds, selectChange } from './change-document.ts';

/**
 * A caseworker change with its cases, proposal and progress (the UI polls it while the job runs). Only for a
 * manager of the teams involved; lists children's names, so it is an audited read.
 */
export const getCaseworkerChange = defineUseCase(
  'manage:case:team',
  async (ctx, changeId: string): Promise<TCaseworkerChange> => {
    const m = ctx.user.municipalityId;
    const found = await ctx.db.tenantRead(m, async (q) => {
      const change = await selectChange(q, m, changeId);
      return change && { change, childIds: await changeChildIds(q, m, changeId) };
    });
    const change = found?.change;
    if (!change?.items.every((i) => managesTeam(ctx, i.teamId))) throw new AppError('NOT_FOUND');
    if (change.items.length > 0)
      await ctx.audit.record(
        auditEvent(ctx, {
          action: 'read',
          entity: 'caseworker-change',
          entityId: change.id,
          childId: null,
          purpose: 'caseworker-change',
          detail: {
            caseIds: change.items.map((i) => i.caseId),
            childIds: found?.childIds ?? [],
            status: change.status,
          },
        }),
      );
    return change;
  },
);
