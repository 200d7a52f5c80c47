import type { TCreateRoundRequest } from '../../../shared/schemas/assessments.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError, fieldError, type TFieldProblem } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { currentCatalogueId } from '../factors/find-catalogue.ts';
import { refreshPopulation } from '../measurement/refresh-population.ts';
import { markRoundDue } from '../notices/mark-notices-due.ts';
import { noticesRecorded } from '../notices/notices-recorded.ts';
import { selectRounds, type TRound } from './rounds.ts';
import { roundPeriod } from './rules.ts';

/**
 * Opens a round for chosen units on the latest published catalogue version. An admin may choose any unit of
 * the municipality; a unit leader only the units they lead.
 */
export const createRound = defineUseCase(
  ['manage:round:municipality', 'manage:round:unit'],
  async (ctx, input: TCreateRoundRequest): Promise<TRound> => {
    const m = ctx.user.municipalityId;
    // The municipality's permission comes first in the list: held, the use-case acts under it.
    const wholeMunicipality = ctx.permission === 'manage:round:municipality';
    const led = new Set(unitsWith(ctx, 'manage:round:unit'));
    const unitIds = [...new Set(input.unitIds)];
    const round = await ctx.db.tenant(m, async (q) => {
      const { rows: known } = await q.query(
        'SELECT id FROM units WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
        [m, unitIds],
      );
      const exists = new Set(known.map((r) => r.id as string));
      const fields: Record<string, TFieldProblem> = {};
      for (const [i, id] of input.unitIds.entries()) {
        if (!exists.has(id)) fields[`unitIds.${i}`] = { key: 'field.unknownUnit' };
        else if (!wholeMunicipality && !led.has(id)) fields[`unitIds.${i}`] = { key: 'field.unitNotLed' };
      }
      if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
      const taken = await q.query(
        'SELECT 1 FROM assessment_rounds WHERE municipality_id = $1 AND name = $2',
        [m, input.name],
      );
      if (taken.rowCount) throw fieldError('name', 'field.nameTaken');
      const catalogueId = await currentCatalogueId(q, m);
      if (!catalogueId) throw new AppError('NO_PUBLISHED_CATALOGUE');
      const { rows } = await q.query(
        `INSERT INTO assessment_rounds (municipality_id, name, period, opens_on, closes_on, catalogue_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          m,
          input.name,
          roundPeriod(input.opensOn),
          input.opensOn,
          input.closesOn,
          catalogueId,
          ctx.user.userId,
        ],
      );
      const id = rows[0].id as string;
      await q.query(
        'INSERT INTO round_units (municipality_id, round_id, unit_id) SELECT $1, $2, unnest($3::uuid[])',
        [m, id, unitIds],
      );
      // Coverage needs the period's population; a nightly job keeps it in step with enrolments.
      await refreshPopulation(q, m, roundPeriod(input.opensOn));
      // The families of the round's children are told before anything is recorded (issue 23).
      await markRoundDue(q, m, id);
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'create',
          entity: 'assessment-round',
          entityId: id,
          purpose: 'round',
          detail: { unitIds },
        }),
      );
      const [created] = await selectRounds(q, m, 'r.id = $2', [id]);
      return created as TRound;
    });
    await noticesRecorded(ctx, m, [{ kind: 'round', scope: round.id }]);
    return round;
  },
);
