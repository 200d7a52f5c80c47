import type { TCreateAssessmentRequest } from '../../../shared/schemas/assessments.ts';
import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { evaluateEarlyWarning } from '../early-warning/evaluate-child.ts';
import { replaceContribution } from '../measurement/replace-contribution.ts';
import { selectAssessment, type TAssessment } from './assessment-document.ts';
import { assessingUnit } from './assessments.access.ts';
import { checkChildVoice } from './child-voice.ts';
import { packedColumns, resolveFactors, writeFactorRows } from './factor-input.ts';

/** A unique index caught a concurrent twin after our own check passed: the same answer as the check. */
function conflictFromIndex(error: { code?: string; constraint?: string }): never {
  if (error.code === '23505' && error.constraint === 'assessments_one_joint')
    throw new AppError('JOINT_EXISTS');
  if (error.code === '23505' && error.constraint === 'assessments_one_own') throw new AppError('OWN_EXISTS');
  throw error;
}

async function refuseSecond(q: Queryable, ctx: TCtx, input: TCreateAssessmentRequest): Promise<void> {
  const { rows } = await q.query(
    `SELECT mode FROM assessments WHERE municipality_id = $1 AND round_id = $2 AND child_id = $3
        AND (mode = 'joint' OR author_id = $4) AND mode = $5`,
    [ctx.user.municipalityId, input.roundId, input.childId, ctx.user.userId, input.mode],
  );
  if (rows.length > 0) throw new AppError(input.mode === 'joint' ? 'JOINT_EXISTS' : 'OWN_EXISTS');
}

/**
 * An own or joint assessment in an open round. Every rule is checked before anything is written, and the
 * assessment, its factor rows, its audit event and — for a joint assessment — the child's contribution to
 * the measurement rollup commit together.
 */
export const createAssessment = defineUseCase(
  'write:assessment:unit',
  async (ctx, input: TCreateAssessmentRequest): Promise<TAssessment> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rows: rounds } = await q.query(
        `SELECT r.id, r.period, r.catalogue_id, fc.version AS catalogue_version, current_date::text AS today,
              r.opens_on <= current_date AND current_date <= r.closes_on AS open
         FROM assessment_rounds r JOIN factor_catalogues fc ON fc.municipality_id = r.municipality_id AND fc.id = r.catalogue_id
        WHERE r.municipality_id = $1 AND r.id = $2`,
        [m, input.roundId],
      );
      const round = rounds[0];
      // Like a child without a relation, a round of another municipality is simply not found.
      if (!round) throw new AppError('NOT_FOUND');
      if (!round.open) throw new AppError('ROUND_CLOSED');
      const unitId = await assessingUnit(q, ctx, round.id, input.childId);
      if (!unitId) throw new AppError('NOT_FOUND');
      const { rows: children } = await q.query(
        'SELECT birth_date FROM children WHERE municipality_id = $1 AND id = $2',
        [m, input.childId],
      );
      const resolved = await resolveFactors(
        q,
        m,
        { id: round.catalogue_id, version: round.catalogue_version },
        input.factors,
      );
      checkChildVoice(input.childVoice, children[0].birth_date, round.today);
      await refuseSecond(q, ctx, input);
      const { rows } = await q
        .query(
          `INSERT INTO assessments (municipality_id, round_id, child_id, unit_id, mode, author_id, catalogue_id, assessed_on,
                                  position, present_mask, known_mask, protective_present, protective_known, risk_present,
                                  risk_known, child_voice, parents_view, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, current_date, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
          [
            m,
            round.id,
            input.childId,
            unitId,
            input.mode,
            ctx.user.userId,
            round.catalogue_id,
            input.position,
            ...packedColumns(resolved),
            input.childVoice ?? null,
            input.parentsView ?? null,
            input.note || null,
          ],
        )
        .catch(conflictFromIndex);
      const id = rows[0].id as string;
      await writeFactorRows(q, m, id, resolved);
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          unitId: unitId,
          action: 'create',
          entity: 'assessment',
          entityId: id,
          childId: input.childId,
          purpose: `enrolment:${unitId}`,
          detail: { mode: input.mode, roundId: round.id },
        }),
      );
      if (input.mode === 'joint') await replaceContribution(q, m, input.childId, round.period);
      if (input.mode === 'joint') await evaluateEarlyWarning(q, m, input.childId);
      return (await selectAssessment(q, m, id, ctx.locale)) as TAssessment;
    });
  },
);
