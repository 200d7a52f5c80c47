import type {
  TNetworkConsideration,
  TNetworkConsiderationRequest,
} from '../../../shared/schemas/network-considerations.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectConsiderations } from './consideration-document.ts';
import { networkRelation } from './network.access.ts';

/**
 * Records that involving the child's network was considered and what was decided (issue 16, item 3): in the open
 * case of the recorder's team (a case relation), or in the recorder's unit (a concern taken to a meeting). "Not now"
 * needs its reason; the day is not in the future. Audited under the relation to the child, in one transaction.
 */
export const recordNetworkConsideration = defineUseCase(
  ['write:network:unit', 'write:network:team'],
  async (ctx, childId: string, input: TNetworkConsiderationRequest): Promise<TNetworkConsideration> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const staff = await networkRelation(q, ctx, childId, 'write');
      if (input.decision === 'notNow' && input.reason === '') throw fieldError('reason', 'field.required');
      // Through a case: the child's open case, the one of the relation's team first (a write needs one open).
      const { rows: facts } = await q.query(
        sql`SELECT current_date::text AS today,
                   (SELECT id FROM cases WHERE municipality_id = ${m} AND child_id = ${childId} AND status = 'open'
                     ORDER BY team_id IS NOT DISTINCT FROM ${staff.teamId}::uuid DESC, created_at DESC LIMIT 1) AS case_id`,
      );
      const f = facts[0];
      if (input.consideredOn > f.today) throw fieldError('consideredOn', 'field.agreedOnInFuture');
      const caseId: string | null = staff.unitId === null ? f.case_id : null;
      const { rows } = await q.query(
        sql`INSERT INTO network_considerations (municipality_id, child_id, case_id, unit_id, considered_on, decision,
                                                reason, recorded_by)
            VALUES (${m}, ${childId}, ${caseId}, ${caseId ? null : staff.unitId}, ${input.consideredOn},
                    ${input.decision}, ${input.reason || null}, ${ctx.user.userId})
            RETURNING id`,
      );
      const id: string = rows[0].id;
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          permission: staff.permission,
          relation: staff.relation,
          action: 'create',
          entity: 'network-consideration',
          entityId: id,
          childId,
          detail: { decision: input.decision, caseId },
        }),
      );
      const [created] = await selectConsiderations(q, m, { childId, id });
      return created as TNetworkConsideration;
    });
  },
);
