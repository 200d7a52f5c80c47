import type { TUpdateAssessmentRequest } from '../../../shared/schemas/assessments.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { evaluateEarlyWarning } from '../early-warning/evaluate-child.ts';
import { replaceContribution } from '../measurement/replace-contribution.ts';
import { selectAssessment, type TAssessment } from './assessment-document.ts';
import { assessmentRelation, assessorUnits } from './assessments.access.ts';
import { checkChildVoice } from './child-voice.ts';
import { packedColumns, resolveFactors, writeFactorRows } from './factor-input.ts';

/**
 * Changes an assessment until it is locked. Optimistic locking: the caller sends the version it read; a
 * stale one is refused and nothing changes. An own assessment is its author's alone. A changed joint
 * assessment replaces the child's contribution to the rollup in the same transaction.
 */
export const updateAssessment = defineUseCase(
  'write:assessment:unit',
  async (ctx, assessmentId: string, input: TUpdateAssessmentRequest): Promise<TAssessment> => {
    const m = ctx.user.municipalityId;
    const units = assessorUnits(ctx, ctx.permission);
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        sql`SELECT a.id, a.child_id, a.mode, a.author_id, a.locked_at, a.version, a.assessed_on, a.catalogue_id,
              fc.version AS catalogue_version, r.period, c.birth_date, rel.rel_unit_id
         FROM assessments a JOIN LATERAL (${assessmentRelation(units, ctx.user.userId)}) rel ON true
         JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
         JOIN factor_catalogues fc ON fc.municipality_id = a.municipality_id AND fc.id = a.catalogue_id
         JOIN children c ON c.municipality_id = a.municipality_id AND c.id = a.child_id
        WHERE a.municipality_id = ${m} AND a.id = ${assessmentId}
          FOR UPDATE OF a`,
      );
      const current = rows[0];
      if (!current) throw new AppError('NOT_FOUND');
      if (current.mode === 'own' && current.author_id !== ctx.user.userId) throw new AppError('FORBIDDEN');
      if (current.locked_at) throw new AppError('ASSESSMENT_LOCKED');
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      const resolved = input.factors
        ? await resolveFactors(
            q,
            m,
            { id: current.catalogue_id, version: current.catalogue_version },
            input.factors,
          )
        : null;
      checkChildVoice(input.childVoice, current.birth_date, current.assessed_on);
      // Absent fields keep their value; null clears the child's voice, the parents' view or the note.
      const keep = (key: keyof TUpdateAssessmentRequest) => input[key] === undefined;
      await q.query(
        `UPDATE assessments SET
         position = coalesce($3, position),
         present_mask = CASE WHEN $4 THEN $5::bigint ELSE present_mask END,
         known_mask = CASE WHEN $4 THEN $6::bigint ELSE known_mask END,
         protective_present = CASE WHEN $4 THEN $7::smallint ELSE protective_present END,
         protective_known = CASE WHEN $4 THEN $8::smallint ELSE protective_known END,
         risk_present = CASE WHEN $4 THEN $9::smallint ELSE risk_present END,
         risk_known = CASE WHEN $4 THEN $10::smallint ELSE risk_known END,
         child_voice = CASE WHEN $11 THEN child_voice ELSE $12::jsonb END,
         parents_view = CASE WHEN $13 THEN parents_view ELSE $14::jsonb END,
         note = CASE WHEN $15 THEN note ELSE $16 END,
         version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2`,
        [
          m,
          assessmentId,
          input.position ?? null,
          resolved !== null,
          ...(resolved ? packedColumns(resolved) : [0, 0, 0, 0, 0, 0]),
          keep('childVoice'),
          input.childVoice ?? null,
          keep('parentsView'),
          input.parentsView ?? null,
          keep('note'),
          input.note || null,
        ],
      );
      if (resolved) await writeFactorRows(q, m, assessmentId, resolved);
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          unitId: current.rel_unit_id,
          action: 'update',
          entity: 'assessment',
          entityId: assessmentId,
          childId: current.child_id,
          purpose: `enrolment:${current.rel_unit_id}`,
          detail: { mode: current.mode, fields: Object.keys(input).filter((k) => k !== 'version') },
        }),
      );
      if (current.mode === 'joint') await replaceContribution(q, m, current.child_id, current.period);
      if (current.mode === 'joint') await evaluateEarlyWarning(q, m, current.child_id);
      return (await selectAssessment(q, m, assessmentId, ctx.locale)) as TAssessment;
    });
  },
);
