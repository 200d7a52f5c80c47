import type { TConference } from '../../../shared/schemas/conference-views.ts';
import type { TReferConferenceRequest } from '../../../shared/schemas/conferences.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { staffRelation } from '../../access/staff.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { accessibleCases } from '../cases/cases.access.ts';
import { selectConference } from './conference-document.ts';
import { CONFERENCE_WRITE, conferenceAccess } from './conferences.access.ts';

/**
 * Refers a child's family to a family group conference (issue 16, item 4): from a case of the child the user
 * reaches (the case's caseworker then approves the plan), or preventively by one of the child's units (the
 * referrer approves). The family has agreed; the coordinator is a user who may coordinate and is neutral — not
 * the caseworker of any open case of the child. Otherwise a 4xx naming the field, and nothing is written.
 */
export const referConference = defineUseCase(
  ['write:conference:team', 'write:conference:unit'],
  async (ctx, input: TReferConferenceRequest): Promise<TConference> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const staff = await staffRelation(q, ctx, input.childId, CONFERENCE_WRITE, { openCases: true });
      if (input.caseId) {
        const reached = ctx.user.permissions.has(CONFERENCE_WRITE.team)
          ? await accessibleCases(q, ctx, [input.caseId], CONFERENCE_WRITE.team)
          : new Map();
        const { rows } = await q.query(
          sql`SELECT 1 FROM cases WHERE municipality_id = ${m} AND id = ${input.caseId}
                AND child_id = ${input.childId} AND status = 'open'`,
        );
        if (!reached.has(input.caseId) || !rows[0]) throw fieldError('caseId', 'field.caseNotReachable');
      }
      const { rows: facts } = await q.query(
        sql`SELECT current_date::text AS today,
                   EXISTS (SELECT 1 FROM users u JOIN role_assignments ra ON ra.municipality_id = u.municipality_id
                             AND ra.user_id = u.id
                           JOIN role_permissions rp ON rp.role = ra.role AND rp.permission = 'coordinate:conference:own'
                            WHERE u.municipality_id = ${m} AND u.id = ${input.coordinatorId} AND u.active) AS can_coordinate,
                   EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = ${m} AND c.child_id = ${input.childId}
                              AND c.status = 'open' AND c.caseworker_id = ${input.coordinatorId}) AS is_caseworker`,
      );
      const f = facts[0];
      if (input.familyAgreedOn > f.today) throw fieldError('familyAgreedOn', 'field.agreedOnInFuture');
      if (!f.can_coordinate) throw fieldError('coordinatorId', 'field.notACoordinator');
      if (f.is_caseworker) throw fieldError('coordinatorId', 'field.coordinatorIsCaseworker');
      const { rows } = await q.query(
        sql`INSERT INTO conferences (municipality_id, child_id, case_id, reason, family_agreed_on, referred_by,
                                     referrer_unit_id, referrer_team_id, coordinator_id)
            VALUES (${m}, ${input.childId}, ${input.caseId ?? null}, ${input.reason}, ${input.familyAgreedOn},
                    ${ctx.user.userId}, ${staff.unitId}, ${staff.teamId}, ${input.coordinatorId})
            RETURNING id`,
      );
      const id: string = rows[0].id;
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          permission: staff.permission,
          relation: staff.relation,
          action: 'create',
          entity: 'conference',
          entityId: id,
          childId: input.childId,
          detail: { caseId: input.caseId ?? null, coordinatorId: input.coordinatorId },
        }),
      );
      return selectConference(q, m, await conferenceAccess(q, ctx, id));
    });
  },
);
