import { planKind } from '../../../domain/deadlines/index.ts';
import type { TCase, TSavePlanRequest } from '../../../shared/schemas/cases.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';
import { protectiveFactors } from './case-document.ts';
import { recordCaseWrite } from './case-events.ts';
import { writeCase } from './case-writes.ts';

/**
 * Barnets plan (§ 91–92) — ungeplanen from 16 (§ 108): concrete goals, each tied to the protective factors
 * (codes of the published catalogue) it aims to strengthen, and the child's own wishes. A plan without
 * goals, a goal without a factor or with an unknown or risk factor is refused, naming the field; nothing is
 * written. Editing needs the version read (409 when stale).
 */
export const savePlan = defineUseCase(
  'write:case:team',
  async (ctx, caseId: string, input: TSavePlanRequest): Promise<TCase> => {
    if (input.goals.length === 0) throw fieldError('goals', 'field.planNeedsGoals');
    input.goals.forEach((g, i) => {
      if (g.factorCodes.length === 0) throw fieldError(`goals.${i}.factorCodes`, 'field.goalNeedsFactor');
    });
    const m = ctx.user.municipalityId;
    return writeCase(ctx, caseId, async (q, c) => {
      const factors = await protectiveFactors(q, m, ctx.locale);
      const known = await q.query(
        `SELECT DISTINCT f.code FROM factors f WHERE f.municipality_id = $1 AND f.code = ANY($2::text[])`,
        [m, input.goals.flatMap((g) => g.factorCodes)],
      );
      const exists = new Set(known.rows.map((r) => r.code as string));
      input.goals.forEach((g, i) => {
        for (const code of g.factorCodes) {
          if (factors.has(code)) continue;
          throw fieldError(
            `goals.${i}.factorCodes`,
            exists.has(code) ? 'field.notProtective' : 'field.unknownFactor',
            { code },
          );
        }
      });
      const child = await q.query('SELECT birth_date FROM children WHERE municipality_id = $1 AND id = $2', [
        m,
        c.child_id,
      ]);
      const kind = planKind(child.rows[0].birth_date, input.madeOn, await caseDeadlineConfig(q, m));
      const current = await q.query(
        'SELECT id, version FROM case_plans WHERE municipality_id = $1 AND case_id = $2 FOR UPDATE',
        [m, caseId],
      );
      const plan = current.rows[0];
      let planId: string;
      if (plan) {
        if (input.version !== plan.version) throw new AppError('STALE_VERSION');
        planId = plan.id;
        await q.query(
          `UPDATE case_plans SET kind = $3, child_wishes = $4, made_on = $5, version = version + 1, updated_at = now()
          WHERE municipality_id = $1 AND id = $2`,
          [m, planId, kind, input.childWishes, input.madeOn],
        );
        await q.query('DELETE FROM plan_goals WHERE municipality_id = $1 AND plan_id = $2', [m, planId]);
      } else {
        if (input.version !== undefined) throw new AppError('STALE_VERSION');
        const created = await q.query(
          `INSERT INTO case_plans (municipality_id, case_id, kind, child_wishes, made_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [m, caseId, kind, input.childWishes, input.madeOn, ctx.user.userId],
        );
        planId = created.rows[0].id;
      }
      await q.query(
        `INSERT INTO plan_goals (municipality_id, plan_id, position, text, factor_codes)
       SELECT $1, $2, g.ord, g.text, ARRAY(SELECT jsonb_array_elements_text(g.codes))
         FROM jsonb_to_recordset($3::jsonb) AS g(ord int, text text, codes jsonb)`,
        [
          m,
          planId,
          JSON.stringify(
            input.goals.map((g, i) => ({ ord: i + 1, text: g.text, codes: [...new Set(g.factorCodes)] })),
          ),
        ],
      );
      await recordCaseWrite(q, ctx, c, 'planSaved', {
        planId,
        kind,
        goals: input.goals.length,
        factorCodes: [...new Set(input.goals.flatMap((g) => g.factorCodes))],
      });
    });
  },
);
