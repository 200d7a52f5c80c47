import { proposeReassignment } from '../../../domain/caseloads/index.ts';
import type { TCaseworkerChange, TProposeChangeRequest } from '../../../shared/schemas/caseworker-change.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { caseScope } from '../../access/case.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { changeChildIds, selectChange, teamCaseworkers } from './change-document.ts';

/**
 * A manager marks a caseworker of a team they manage as leaving. Beskyt proposes a new caseworker for each
 * of their open cases in those teams — same team, lightest caseload first (src/domain/caseloads) — to be
 * adjusted and confirmed. Nothing moves yet. One change under way per caseworker (409).
 */
export const proposeCaseworkerChange = defineUseCase(
  'manage:case:team',
  async (ctx, input: TProposeChangeRequest): Promise<TCaseworkerChange> => {
    const m = ctx.user.municipalityId;
    const scope = caseScope(ctx, ctx.permission);
    return ctx.db.tenant(m, async (q) => {
      const teams = await q.query(
        `SELECT DISTINCT ra.team_id FROM role_assignments ra
         JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id
        WHERE ra.municipality_id = $1 AND ra.user_id = $2 AND ra.role = 'caseworker' AND ra.team_id IS NOT NULL
          AND ($3 OR ra.team_id = ANY($4::uuid[]))`,
        [m, input.leavingUserId, scope.allTeams, scope.teams],
      );
      const teamIds = teams.rows.map((r) => r.team_id as string);
      if (teamIds.length === 0) throw fieldError('leavingUserId', 'field.unknownCaseworker');
      const open = await q.query(
        `SELECT 1 FROM caseworker_changes WHERE municipality_id = $1 AND leaving_user_id = $2 AND status <> 'done'`,
        [m, input.leavingUserId],
      );
      if (open.rows.length > 0) throw new AppError('CHANGE_OPEN_EXISTS');
      const cases = await q.query(
        `SELECT id, team_id FROM cases WHERE municipality_id = $1 AND caseworker_id = $2 AND status = 'open'
          AND team_id = ANY($3::uuid[])`,
        [m, input.leavingUserId, teamIds],
      );
      const candidates = (await teamCaseworkers(q, m, teamIds, input.leavingUserId)).flatMap((t) =>
        t.caseworkers.map((c) => ({ userId: c.id, teamId: t.id, openCases: c.openCases })),
      );
      const moves = proposeReassignment(
        cases.rows.map((r) => ({ caseId: r.id, teamId: r.team_id })),
        candidates,
        input.leavingUserId,
      );
      const created = await q.query(
        `INSERT INTO caseworker_changes (municipality_id, leaving_user_id, effective_on, created_by)
       VALUES ($1, $2, $3, $4) RETURNING id`,
        [m, input.leavingUserId, input.effectiveOn, ctx.user.userId],
      );
      const changeId = created.rows[0].id as string;
      await q.query(
        `INSERT INTO caseworker_change_items (municipality_id, change_id, case_id, proposed_user_id, target_user_id)
       SELECT $1, $2, x.case_id, x.target, x.target
         FROM unnest($3::uuid[], $4::uuid[]) AS x(case_id, target)`,
        [m, changeId, moves.map((x) => x.caseId), moves.map((x) => x.targetUserId)],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'create',
          entity: 'caseworker-change',
          entityId: changeId,
          childId: null,
          purpose: 'caseworker-change',
          detail: {
            leavingUserId: input.leavingUserId,
            cases: moves.length,
            childIds: await changeChildIds(q, m, changeId),
          },
        }),
      );
      return (await selectChange(q, m, changeId)) as TCaseworkerChange;
    });
  },
);
