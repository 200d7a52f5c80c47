import type { TUnitKind } from '../../../shared/permissions.ts';
import type { TCreateConcernRequest } from '../../../shared/schemas/concerns.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { auditPurpose } from '../../access/relations.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childAccess } from '../children/children.access.ts';
import { evaluateEarlyWarning } from '../early-warning/evaluate-child.ts';
import { markNoticesDue, type TNoticeScope } from '../notices/mark-notices-due.ts';
import { noticeChildAccess } from '../notices/notices.access.ts';
import { noticesRecorded } from '../notices/notices-recorded.ts';
import { insertNoticeException } from '../notices/record-notice-exception.ts';
import { checkConcernInput } from './check-concern-input.ts';
import { selectConcern, type TConcern } from './concern-document.ts';
import { concernWriteUnits, defaultProfession } from './concerns.access.ts';

interface TAuthorUnit {
  unitId: string;
  kind: TUnitKind;
  purpose: string;
}

/**
 * The unit a concern is recorded from. About a named child: the child's unit among the author's (or, for
 * the child's coordinator, the author's own first unit). Anonymous: the unit asked for, or the first.
 */
async function authorUnit(q: Queryable, ctx: TCtx, input: TCreateConcernRequest): Promise<TAuthorUnit> {
  const m = ctx.user.municipalityId;
  const units = concernWriteUnits(ctx);
  if (input.unitId && !units.includes(input.unitId)) throw fieldError('unitId', 'field.concernUnitNotYours');
  let unitId = input.unitId ?? units[0];
  let purpose = 'anonymous';
  if (input.childId) {
    const relation = await childAccess(q, ctx, input.childId, 'write:concern:unit');
    if (!relation) throw new AppError('NOT_FOUND');
    purpose = auditPurpose(relation);
    if (!input.unitId && relation.kind === 'enrolment') unitId = relation.unitId;
  }
  if (!unitId) throw new AppError('FORBIDDEN');
  const { rows } = await q.query('SELECT kind FROM units WHERE municipality_id = $1 AND id = $2', [
    m,
    unitId,
  ]);
  return { unitId, kind: rows[0].kind, purpose };
}

/**
 * Records a concern: signs, description, factors it touches, and the handleguide action chosen. Written
 * with its audit event in one transaction; a named concern then runs the early-warning rules for the child
 * in the same transaction, so an alert never points at a concern that was not saved.
 */
export const createConcern = defineUseCase(
  'write:concern:unit',
  async (ctx, input: TCreateConcernRequest): Promise<TConcern> => {
    const m = ctx.user.municipalityId;
    if (input.noticeException && !input.childId)
      throw fieldError('noticeException', 'field.exceptionNeedsChild');
    const scopes: TNoticeScope[] = [];
    const concern = await ctx.db.tenant(m, async (q) => {
      const unit = await authorUnit(q, ctx, input);
      const checked = await checkConcernInput(q, m, input, ctx.locale);
      const profession = input.profession ?? defaultProfession(ctx, unit.unitId, unit.kind);
      const { rows } = await q.query(
        `INSERT INTO concerns (municipality_id, child_id, created_by, unit_id, profession, signs, description,
                             factor_codes, catalogue_id, level, action_code, action_text, acute)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          m,
          input.childId ?? null,
          ctx.user.userId,
          unit.unitId,
          profession,
          input.signs,
          input.description,
          input.factorCodes,
          checked.catalogueId,
          input.level,
          input.actionCode ?? null,
          checked.actionText,
          checked.acute,
        ],
      );
      const id = rows[0].id as string;
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          unitId: unit.unitId,
          action: 'create',
          entity: 'concern',
          entityId: id,
          childId: input.childId ?? null,
          purpose: unit.purpose,
          detail: { level: input.level, signs: input.signs, anonymous: !input.childId },
        }),
      );
      if (input.childId) {
        await evaluateEarlyWarning(q, m, input.childId);
        if (input.noticeException) {
          const exceptionCtx = { ...ctx, permission: 'write:notice-exception:unit' as const };
          if (!ctx.user.permissions.has(exceptionCtx.permission)) throw new AppError('FORBIDDEN');
          const access = await noticeChildAccess(q, ctx, input.childId, exceptionCtx.permission);
          if (!access) throw new AppError('NOT_FOUND');
          await insertNoticeException(
            q,
            exceptionCtx,
            input.childId,
            { ...access, unitId: unit.unitId },
            { ...input.noticeException, concernId: id },
            'noticeException.',
          );
        }
        // The guardians are told a concern is recorded (issue 23), unless the exception above holds it.
        scopes.push(
          await markNoticesDue(q, m, {
            kind: 'concern',
            childIds: [input.childId],
            unitId: unit.unitId,
            sourceId: id,
          }),
        );
      }
      return selectConcern(q, m, id);
    });
    await noticesRecorded(ctx, m, scopes);
    return concern;
  },
);
