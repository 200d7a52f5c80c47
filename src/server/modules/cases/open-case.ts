import { randomInt } from 'node:crypto';
import { childAssessmentDue, danishDate } from '../../../domain/deadlines/index.ts';
import type { TCase, TOpenCaseRequest } from '../../../shared/schemas/cases.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { caseScope } from '../../access/case.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';
import { selectCase } from './case-document.ts';
import { managesTeam } from './cases.access.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function reference(): string {
  let s = 'S-';
  for (let i = 0; i < 6; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/**
 * Opens a case in one of the user's teams, for a caseworker of that team: from a notification (its matched
 * child; aware from the day it was received unless told) or directly for a child. The § 20 deadline is
 * fixed now from the municipality's setting. A notification opens at most one case (409).
 */
export const openCase = defineUseCase(
  'write:case:team',
  async (ctx, input: TOpenCaseRequest): Promise<TCase> => {
    const m = ctx.user.municipalityId;
    const scope = caseScope(ctx, ctx.permission);
    if (!scope.allTeams && !scope.teams.includes(input.teamId))
      throw fieldError('teamId', 'field.unknownTeam');
    return ctx.db.tenant(m, async (q) => {
      const team = await q.query('SELECT 1 FROM teams WHERE municipality_id = $1 AND id = $2', [
        m,
        input.teamId,
      ]);
      if (team.rows.length === 0) throw fieldError('teamId', 'field.unknownTeam');
      const worker = await q.query(
        `SELECT 1 FROM role_assignments ra JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id
        WHERE ra.municipality_id = $1 AND ra.user_id = $2 AND ra.team_id = $3 AND ra.role = 'caseworker' AND u.active`,
        [m, input.caseworkerId, input.teamId],
      );
      if (worker.rows.length === 0) throw fieldError('caseworkerId', 'field.targetOutsideTeam');
      let childId = input.childId;
      let awareOn = input.awareOn;
      if (input.notificationId) {
        const n = await q.query(
          'SELECT child_id, received_at FROM notifications WHERE municipality_id = $1 AND id = $2 FOR UPDATE',
          [m, input.notificationId],
        );
        const notification = n.rows[0];
        if (!notification) throw fieldError('notificationId', 'field.unknownNotification');
        if (!notification.child_id) throw fieldError('notificationId', 'field.unknownChild');
        if (childId && childId !== notification.child_id) throw fieldError('childId', 'field.unknownChild');
        childId = notification.child_id as string;
        awareOn ??= danishDate(notification.received_at);
        const taken = await q.query(
          'SELECT id, reference FROM cases WHERE municipality_id = $1 AND notification_id = $2',
          [m, input.notificationId],
        );
        const existing = taken.rows[0];
        if (existing)
          throw new AppError('CASE_EXISTS', {
            params: { reference: existing.reference },
            link: `/sager/${existing.id}`,
          });
      } else {
        const child = await q.query('SELECT 1 FROM children WHERE municipality_id = $1 AND id = $2', [
          m,
          childId,
        ]);
        if (child.rows.length === 0) throw fieldError('childId', 'field.unknownChild');
      }
      const config = await caseDeadlineConfig(q, m);
      const due = childAssessmentDue(awareOn as string, config);
      const { rows } = await q.query(
        `INSERT INTO cases (municipality_id, reference, child_id, notification_id, team_id, caseworker_id, aware_on,
                          assessment_due_on, opened_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          m,
          reference(),
          childId,
          input.notificationId ?? null,
          input.teamId,
          input.caseworkerId,
          awareOn,
          due,
          ctx.user.userId,
        ],
      );
      const caseId = rows[0].id as string;
      await q.query(
        `INSERT INTO case_events (municipality_id, case_id, kind, actor_id, detail) VALUES ($1, $2, 'opened', $3, $4)`,
        [
          m,
          caseId,
          ctx.user.userId,
          JSON.stringify({ notificationId: input.notificationId ?? null, awareOn }),
        ],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'create',
          entity: 'case',
          entityId: caseId,
          childId: childId as string,
          purpose: `team:${input.teamId}`,
          detail: { notificationId: input.notificationId ?? null, caseworkerId: input.caseworkerId },
        }),
      );
      const canManage = managesTeam(ctx, input.teamId);
      return (await selectCase(q, m, caseId, ctx.locale, config, canManage)) as TCase;
    });
  },
);
