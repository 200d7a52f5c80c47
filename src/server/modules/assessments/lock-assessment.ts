import type { TLockedAssessment } from '../../../shared/schemas/assessment-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { replaceContribution } from '../measurement/replace-contribution.ts';

export type { TLockedAssessment };

/**
 * The leader of the unit an assessment was made in locks it; after that it never changes. The answer names
 * no child data, so locking needs no relation beyond leading the unit.
 */
export const lockAssessment = defineUseCase(
  'lock:assessment:unit',
  async (ctx, assessmentId: string): Promise<TLockedAssessment> => {
    const m = ctx.user.municipalityId;
    const led = unitsWith(ctx, ctx.permission);
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        `SELECT a.child_id, a.unit_id, a.mode, a.locked_at, r.period FROM assessments a
         JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
        WHERE a.municipality_id = $1 AND a.id = $2 AND a.unit_id = ANY($3::uuid[]) FOR UPDATE OF a`,
        [m, assessmentId, led],
      );
      const current = rows[0];
      if (!current) throw new AppError('NOT_FOUND');
      if (current.locked_at) throw new AppError('ASSESSMENT_LOCKED');
      const { rows: locked } = await q.query(
        `UPDATE assessments SET locked_at = now(), locked_by = $3, version = version + 1
        WHERE municipality_id = $1 AND id = $2
        RETURNING id, version, locked_at AS "lockedAt", locked_by AS "lockedBy"`,
        [m, assessmentId, ctx.user.userId],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          unitId: current.unit_id,
          action: 'lock',
          entity: 'assessment',
          entityId: assessmentId,
          childId: current.child_id,
          purpose: `enrolment:${current.unit_id}`,
          detail: { mode: current.mode },
        }),
      );
      // Locking changes no state, but every write of a joint assessment keeps the rollup in step with it.
      if (current.mode === 'joint') await replaceContribution(q, m, current.child_id, current.period);
      return locked[0] as TLockedAssessment;
    });
  },
);
