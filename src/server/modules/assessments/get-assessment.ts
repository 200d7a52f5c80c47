import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectAssessment, type TAssessment } from './assessment-document.ts';
import { assessmentRelation, assessorUnits } from './assessments.access.ts';

/** One assessment, if the user has a relation to it (see assessments.access.ts); the read is audited. */
export const getAssessment = defineUseCase(
  'read:assessment:unit',
  async (ctx, assessmentId: string): Promise<TAssessment> => {
    const m = ctx.user.municipalityId;
    const units = assessorUnits(ctx, ctx.permission);
    const found = await ctx.db.tenantRead(m, async (q) => {
      const { rows } = await q.query(
        sql`SELECT rel.rel_unit_id FROM assessments a JOIN LATERAL (${assessmentRelation(units, ctx.user.userId)}) rel ON true
        WHERE a.municipality_id = ${m} AND a.id = ${assessmentId}`,
      );
      const relUnit = rows[0]?.rel_unit_id as string | undefined;
      if (!relUnit) return undefined;
      return { relUnit, assessment: await selectAssessment(q, m, assessmentId, ctx.locale) };
    });
    if (!found?.assessment) throw new AppError('NOT_FOUND');
    const { relUnit, assessment } = found;
    await ctx.audit.record(
      auditEvent(ctx, {
        unitId: relUnit,
        action: 'read',
        entity: 'assessment',
        entityId: assessment.id,
        childId: assessment.child.id,
        purpose: `enrolment:${relUnit}`,
        detail: { mode: assessment.mode },
      }),
    );
    return assessment;
  },
);
