import type { TCaseworkerChange, TConfirmChangeRequest } from '../../../shared/schemas/caseworker-change.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { managesTeam } from '../cases/cases.access.ts';
import { selectChange } from './change-document.ts';

/**
 * The manager confirms the reassignment, adjusted or not. Every case of the change needs a new caseworker
 * who is a caseworker in the case's own team (a target outside the team or the municipality is refused
 * with 400 naming the case, and nothing is written). Once confirmed the change cannot be confirmed again
 * (409); the job (run-caseworker-change.ts) moves the cases and queues the letters.
 */
export const confirmCaseworkerChange = defineUseCase(
  'manage:case:team',
  async (
    ctx,
    changeId: string,
    input: TConfirmChangeRequest,
    enqueue: (municipalityId: string, changeId: string) => Promise<void>,
  ): Promise<TCaseworkerChange> => {
    const m = ctx.user.municipalityId;
    const change = await ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        'SELECT id, status, version, leaving_user_id FROM caseworker_changes WHERE municipality_id = $1 AND id = $2 FOR UPDATE',
        [m, changeId],
      );
      const ch = rows[0];
      if (!ch) throw new AppError('NOT_FOUND');
      const items = await q.query(
        `SELECT i.case_id, c.team_id FROM caseworker_change_items i
         JOIN cases c ON c.municipality_id = i.municipality_id AND c.id = i.case_id
        WHERE i.municipality_id = $1 AND i.change_id = $2`,
        [m, changeId],
      );
      if (!items.rows.every((i) => managesTeam(ctx, i.team_id))) throw new AppError('NOT_FOUND');
      if (ch.status !== 'proposed') throw new AppError('CHANGE_NOT_PROPOSED');
      if (ch.version !== input.version) throw new AppError('STALE_VERSION');
      const teamOf = new Map(items.rows.map((i) => [i.case_id as string, i.team_id as string]));
      const wanted = new Map<string, string>();
      input.assignments.forEach((a, i) => {
        if (!teamOf.has(a.caseId)) throw fieldError(`assignments.${i}.caseId`, 'field.unknownCase');
        if (a.targetUserId === ch.leaving_user_id)
          throw fieldError(`assignments.${i}.targetUserId`, 'field.sameCaseworker');
        wanted.set(a.caseId, a.targetUserId);
      });
      const missing = [...teamOf.keys()].filter((id) => !wanted.has(id)).length;
      if (missing > 0) throw fieldError('assignments', 'field.assignmentMissing', { missing });
      // The target must hold the caseworker role in the case's team, in this municipality.
      const members = await q.query(
        `SELECT ra.user_id, ra.team_id FROM role_assignments ra
         JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id AND u.active
        WHERE ra.municipality_id = $1 AND ra.role = 'caseworker' AND ra.user_id = ANY($2::uuid[])`,
        [m, [...new Set(wanted.values())]],
      );
      const inTeam = new Set(members.rows.map((r) => `${r.user_id}:${r.team_id}`));
      input.assignments.forEach((a, i) => {
        if (!inTeam.has(`${a.targetUserId}:${teamOf.get(a.caseId)}`))
          throw fieldError(`assignments.${i}.targetUserId`, 'field.targetOutsideTeam');
      });
      await q.query(
        `UPDATE caseworker_change_items i SET target_user_id = x.target
         FROM unnest($3::uuid[], $4::uuid[]) AS x(case_id, target)
        WHERE i.municipality_id = $1 AND i.change_id = $2 AND i.case_id = x.case_id`,
        [m, changeId, [...wanted.keys()], [...wanted.values()]],
      );
      await q.query(
        `UPDATE caseworker_changes SET status = 'running', confirmed_by = $3, confirmed_at = now(), total = $4,
              version = version + 1
        WHERE municipality_id = $1 AND id = $2`,
        [m, changeId, ctx.user.userId, teamOf.size],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'confirm',
          entity: 'caseworker-change',
          entityId: changeId,
          childId: null,
          purpose: 'caseworker-change',
          detail: {
            cases: teamOf.size,
            adjusted: input.assignments.length,
          },
        }),
      );
      return changeId;
    });
    await enqueue(m, change);
    return (await ctx.db.tenantRead(m, (q) => selectChange(q, m, change))) as TCaseworkerChange;
  },
);
