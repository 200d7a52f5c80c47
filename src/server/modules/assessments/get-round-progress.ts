import type { TProgressChild, TRoundProgress } from '../../../shared/schemas/assessment-views.ts';
import type { TRoundProgressQuery } from '../../../shared/schemas/assessments.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import { AppError } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectRounds } from './rounds.ts';

export type { TProgressChild, TRoundProgress };

/**
 * The unit's overview of a round: every child currently enrolled in the unit and how far the adults are.
 * It names children, so the list is one audited read naming every child shown.
 */
export const getRoundProgress = defineUseCase(
  'read:round:unit',
  async (ctx, roundId: string, query: TRoundProgressQuery): Promise<TRoundProgress> => {
    const m = ctx.user.municipalityId;
    // A unit outside the user's own reads as not found, like a round that does not include it.
    if (!unitsWith(ctx, ctx.permission).includes(query.unitId)) throw new AppError('NOT_FOUND');
    const found = await ctx.db.tenantRead(m, async (q) => {
      const [round] = await selectRounds(
        q,
        m,
        `r.id = $2 AND EXISTS (SELECT 1 FROM round_units x WHERE x.municipality_id = r.municipality_id
                                AND x.round_id = r.id AND x.unit_id = $3)`,
        [roundId, query.unitId],
      );
      if (!round) return undefined;
      const { rows } = await q.query(
        `SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.birth_date AS "birthDate",
              count(a.id) FILTER (WHERE a.mode = 'own')::int AS "ownCount",
              (array_agg(a.id) FILTER (WHERE a.mode = 'own' AND a.author_id = $4))[1] AS "myOwnId",
              (array_agg(a.id) FILTER (WHERE a.mode = 'joint'))[1] AS "jointId",
              (array_agg(a.position::text) FILTER (WHERE a.mode = 'joint'))[1] AS "jointPosition"
         FROM children c
         LEFT JOIN assessments a ON a.municipality_id = c.municipality_id AND a.child_id = c.id AND a.round_id = $2
        WHERE c.municipality_id = $1
          AND EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
                         AND e.unit_id = $3 AND ${currentEnrolment('e').text})
        GROUP BY c.municipality_id, c.id ORDER BY lower(c.last_name), lower(c.first_name), c.id`,
        [m, roundId, query.unitId, ctx.user.userId],
      );
      return { round, children: rows as TProgressChild[] };
    });
    if (!found) throw new AppError('NOT_FOUND');
    const { round, children } = found;
    await ctx.audit.record(
      auditEvent(ctx, {
        unitId: query.unitId,
        action: 'read',
        entity: 'assessment-round',
        entityId: round.id,
        childId: null,
        purpose: `enrolment:${query.unitId}`,
        detail: { view: 'progress', childIds: children.map((c) => c.id) },
      }),
    );
    const withOwn = children.filter((c) => c.ownCount > 0).length;
    const withJoint = children.filter((c) => c.jointId).length;
    const unit = round.units.find((u) => u.id === query.unitId) as { id: string; name: string };
    return {
      round,
      unit,
      children,
      totals: {
        children: children.length,
        withOwn,
        withJoint,
        missingOwn: children.length - withOwn,
        missingJoint: children.length - withJoint,
      },
      percentJoint: children.length === 0 ? 0 : Math.round((100 * withJoint) / children.length),
    };
  },
);
