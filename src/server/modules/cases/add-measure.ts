import { followUpForMeasure } from '../../../domain/cases/index.ts';
import type { TAddMeasureRequest, TCase } from '../../../shared/schemas/cases.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';
import { recordCaseWrite } from './case-events.ts';
import { writeCase } from './case-writes.ts';

/**
 * A measure decided in the case. A decision needs a child conversation recorded first (§ 8: held, declined
 * or why not). A § 32 support measure schedules its first § 95 follow-up.
 */
export const addMeasure = defineUseCase(
  'write:case:team',
  async (ctx, caseId: string, input: TAddMeasureRequest): Promise<TCase> => {
    const m = ctx.user.municipalityId;
    return writeCase(ctx, caseId, async (q, c) => {
      const talked = await q.query(
        'SELECT 1 FROM child_conversations WHERE municipality_id = $1 AND case_id = $2 AND on_date <= $3 LIMIT 1',
        [m, caseId, input.startsOn],
      );
      if (talked.rows.length === 0) throw fieldError('startsOn', 'field.childConversationRequired');
      const { rows } = await q.query(
        `INSERT INTO case_measures (municipality_id, case_id, section, title, starts_on, ends_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [m, caseId, input.section, input.title, input.startsOn, input.endsOn ?? null, ctx.user.userId],
      );
      const measureId = rows[0].id as string;
      let followUpDue: string | null = null;
      if (input.section === 's32') {
        followUpDue = followUpForMeasure(
          { startsOn: input.startsOn, endsOn: input.endsOn ?? null },
          await caseDeadlineConfig(q, m),
        );
        await q.query(
          'INSERT INTO case_follow_ups (municipality_id, case_id, measure_id, due_on) VALUES ($1, $2, $3, $4)',
          [m, caseId, measureId, followUpDue],
        );
      }
      await recordCaseWrite(q, ctx, c, 'measureAdded', {
        measureId,
        section: input.section,
        title: input.title,
        startsOn: input.startsOn,
        followUpDue,
      });
    });
  },
);
