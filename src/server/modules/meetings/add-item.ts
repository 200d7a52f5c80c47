import { checkAnonymous } from '../../../domain/sharing/anonymous-text.ts';
import { schedulingProblem, type TInfoKind } from '../../../domain/sharing/sharing-rule.ts';
import type { TAddItemRequest } from '../../../shared/schemas/meetings.ts';
import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { accessibleChildren } from '../children/children.access.ts';
import { markNoticesDue, type TNoticeScope } from '../notices/mark-notices-due.ts';
import { noticesRecorded } from '../notices/notices-recorded.ts';
import { basisPurpose, requireMeetingRole } from './meetings.access.ts';

export interface TAddItemResult {
  id: string;
  /** Name-like words in an anonymous item's text: saved, but the organiser is told. */
  warnings: { nameLike: string[] };
}

async function checkConcern(
  q: Queryable,
  ctx: TCtx,
  concernId: string,
  childId: string | null,
): Promise<void> {
  const { rows } = await q.query(
    'SELECT child_id, unit_id, created_by FROM concerns WHERE municipality_id = $1 AND id = $2',
    [ctx.user.municipalityId, concernId],
  );
  const c = rows[0];
  const led = unitsWith(ctx, 'manage:meeting:unit');
  const visible = c && (led.includes(c.unit_id) || c.created_by === ctx.user.userId);
  if (!visible || (c.child_id ?? null) !== childId) throw fieldError('concernId', 'field.concernUnknown');
}

/**
 * Puts an item on the agenda (the organiser). A named child needs a relation of the organiser's own to the
 * child and a basis for sharing that holds (src/domain/sharing); an anonymous consultation must not hold a
 * CPR number. Nothing is written when a check fails.
 */
export const addItem = defineUseCase(
  'manage:meeting:unit',
  async (ctx, meetingId: string, input: TAddItemRequest): Promise<TAddItemResult> => {
    const m = ctx.user.municipalityId;
    const scopes: TNoticeScope[] = [];
    const result = await ctx.db.tenant(m, async (q) => {
      const role = await requireMeetingRole(q, ctx, meetingId, { lock: true });
      if (!role.isOrganiser) throw new AppError('FORBIDDEN');
      const childId = input.kind === 'named' ? input.childId : null;
      let warnings: string[] = [];
      let purpose = `meeting:${meetingId}`;
      let detail: Record<string, unknown> = { kind: input.kind };
      let relationUnit: string | null = null;
      if (input.kind === 'named') {
        const relation = (await accessibleChildren(q, ctx, [input.childId])).get(input.childId);
        if (!relation) throw new AppError('NOT_FOUND');
        let consent: Parameters<typeof schedulingProblem>[0]['consent'];
        if (input.basis === 'consent') {
          if (!input.consentId) throw fieldError('consentId', 'field.required');
          const { rows } = await q.query(
            `SELECT id, valid_from::text AS valid_from, valid_to::text AS valid_to, withdrawn_at IS NOT NULL AS withdrawn,
                  info_kinds, recipient_unit_ids, recipient_professions
             FROM consents WHERE municipality_id = $1 AND id = $2 AND child_id = $3`,
            [m, input.consentId, input.childId],
          );
          const r = rows[0];
          if (!r) throw fieldError('consentId', 'field.consentUnknown');
          consent = {
            id: r.id,
            validFrom: r.valid_from,
            validTo: r.valid_to,
            withdrawn: r.withdrawn,
            infoKinds: r.info_kinds as TInfoKind[],
            recipientUnitIds: r.recipient_unit_ids,
            recipientProfessions: r.recipient_professions,
          };
        }
        const { rows: earlier } = await q.query(
          `SELECT count(DISTINCT meeting_id)::int AS n FROM meeting_items
          WHERE municipality_id = $1 AND child_id = $2 AND basis = 'legalBasis' AND meeting_id <> $3`,
          [m, input.childId, meetingId],
        );
        const problem = schedulingProblem({
          basis: input.basis,
          consent,
          meetingOn: role.meeting.meeting_on,
          today: role.today,
          earlierLegalBasisMeetings: earlier[0].n,
          followUpReason: input.followUpReason ?? null,
        });
        if (problem) throw fieldError(problem.field, `field.${problem.key}`);
        purpose = basisPurpose(meetingId, input.basis === 'consent' ? (input.consentId ?? null) : null);
        relationUnit = relation.unitId;
        detail = {
          kind: input.kind,
          basis: input.basis,
          consentId: input.consentId ?? null,
          relation: relation.unitId,
        };
      } else {
        const check = checkAnonymous(input.topic);
        if (check.cpr) throw fieldError('topic', 'field.cprInAnonymous');
        warnings = check.nameLike;
      }
      if (input.concernId) await checkConcern(q, ctx, input.concernId, childId);
      const { rows } = await q.query(
        `INSERT INTO meeting_items (municipality_id, meeting_id, position, kind, child_id, basis, consent_id, follow_up_reason,
                                  concern_id, topic, created_by)
       SELECT $1, $2, coalesce(max(position), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10
         FROM meeting_items WHERE municipality_id = $1 AND meeting_id = $2
       RETURNING id`,
        [
          m,
          meetingId,
          input.kind,
          childId,
          input.kind === 'named' ? input.basis : null,
          input.kind === 'named' && input.basis === 'consent' ? input.consentId : null,
          input.kind === 'named' && input.followUpReason ? input.followUpReason : null,
          input.concernId ?? null,
          input.topic,
          ctx.user.userId,
        ],
      );
      const id = rows[0].id as string;
      await q.query('UPDATE meetings SET version = version + 1 WHERE municipality_id = $1 AND id = $2', [
        m,
        meetingId,
      ]);
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'create',
          entity: 'meetingItem',
          entityId: id,
          childId,
          purpose,
          detail,
        }),
      );
      // A named child's guardians are told the child is discussed, and on which basis (issue 23).
      if (childId)
        scopes.push(
          await markNoticesDue(q, m, {
            kind: 'meetingItem',
            childIds: [childId],
            unitId: relationUnit,
            sourceId: id,
          }),
        );
      return { id, warnings: { nameLike: warnings } };
    });
    await noticesRecorded(ctx, m, scopes);
    return result;
  },
);
