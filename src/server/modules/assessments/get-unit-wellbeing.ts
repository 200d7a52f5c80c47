import { danishDate } from '../../../domain/deadlines/index.ts';
import { persistentRisks, riskObservation } from '../../../domain/measurement/index.ts';
import type { TDistribution, TUnitWellbeing } from '../../../shared/schemas/assessment-views.ts';
import { POSITIONS, type TPosition } from '../../../shared/schemas/assessments.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { catalogueFactors, packedFromText, statesFromMasks } from './catalogue-factors.ts';
import { selectFollowUp } from './follow-up-list.ts';

export type { TUnitWellbeing };

/**
 * The leader's view of their unit: green/yellow/red among the unit's joint assessments in the latest round
 * that has opened, against the round before; and the yellow and red children to follow up. Only for units
 * the user leads; the list names children and is one audited read. Rounds open and close on Danish calendar
 * dates, so "today" is the date in Copenhagen at `now`, not the database server's UTC date.
 */
export const getUnitWellbeing = defineUseCase(
  'read:measurement:unit',
  async (ctx, unitId: string, now: Date = new Date()): Promise<TUnitWellbeing> => {
    const m = ctx.user.municipalityId;
    const today = danishDate(now);
    if (!unitsWith(ctx, ctx.permission).includes(unitId)) throw new AppError('NOT_FOUND');
    const found = await ctx.db.tenantRead(m, async (q) => {
      const { rows: units } = await q.query(
        'SELECT id, name FROM units WHERE municipality_id = $1 AND id = $2',
        [m, unitId],
      );
      if (!units[0]) return undefined;
      const { rows: rounds } = await q.query(
        `SELECT r.id, r.name, r.period, r.opens_on AS "opensOn", r.closes_on AS "closesOn",
              count(a.id)::int AS total,
              count(a.id) FILTER (WHERE a.position = 'green')::int AS green,
              count(a.id) FILTER (WHERE a.position = 'yellow')::int AS yellow,
              count(a.id) FILTER (WHERE a.position = 'red')::int AS red
         FROM assessment_rounds r
         JOIN round_units ru ON ru.municipality_id = r.municipality_id AND ru.round_id = r.id AND ru.unit_id = $2
         LEFT JOIN assessments a ON a.municipality_id = r.municipality_id AND a.round_id = r.id AND a.unit_id = $2
                                AND a.mode = 'joint'
        WHERE r.municipality_id = $1 AND r.opens_on <= $3::date
        GROUP BY r.municipality_id, r.id ORDER BY r.opens_on DESC, r.created_at DESC LIMIT 2`,
        [m, unitId, today],
      );
      const latest = rounds[0];
      if (!latest) return { unit: units[0], rounds, followUp: [], history: [], catalogues: new Map() };
      const followUp = await selectFollowUp(q, m, unitId, today);
      // Each follow-up child's joint assessments up to the listed one, for persistence.
      const { rows: history } = await q.query(
        `SELECT a.child_id, a.catalogue_id, a.present_mask::text, a.known_mask::text
         FROM assessments a JOIN assessments upto ON upto.municipality_id = a.municipality_id AND upto.id = ANY($2::uuid[])
                                                 AND upto.child_id = a.child_id
        WHERE a.municipality_id = $1 AND a.mode = 'joint'
          AND (a.assessed_on, a.updated_at) <= (upto.assessed_on, upto.updated_at)
        ORDER BY a.child_id, a.assessed_on, a.updated_at`,
        [m, followUp.map((f) => f.assessmentId)],
      );
      const catalogues = await catalogueFactors(q, m, [
        ...new Set(history.map((h) => h.catalogue_id as string)),
      ]);
      return { unit: units[0], rounds, followUp, history, catalogues };
    });
    if (!found) throw new AppError('NOT_FOUND');
    const { unit, rounds, followUp, history, catalogues } = found;
    await ctx.audit.record(
      auditEvent(ctx, {
        unitId,
        action: 'read',
        entity: 'unit',
        entityId: unitId,
        purpose: `enrolment:${unitId}`,
        detail: { view: 'wellbeing', childIds: followUp.map((f) => f.childId) },
      }),
    );
    const observations = new Map<string, ReturnType<typeof riskObservation>[]>();
    for (const h of history) {
      const states = statesFromMasks(
        packedFromText(h.present_mask, h.known_mask),
        catalogues.get(h.catalogue_id) ?? [],
      );
      observations.set(h.child_id, [...(observations.get(h.child_id) ?? []), riskObservation(states)]);
    }
    return {
      unit,
      latest: rounds[0] ? distribution(rounds[0]) : null,
      previous: rounds[1] ? distribution(rounds[1]) : null,
      followUp: followUp.map((f) => ({
        ...f,
        persistentRisks: persistentRisks(observations.get(f.childId) ?? [], 2).length,
      })),
    };
  },
);

function distribution(r: Record<string, unknown> & { total: number }): TDistribution {
  const counts = Object.fromEntries(POSITIONS.map((p) => [p, r[p] as number])) as Record<TPosition, number>;
  return {
    round: {
      id: r.id as string,
      name: r.name as string,
      period: r.period as string,
      opensOn: r.opensOn as string,
      closesOn: r.closesOn as string,
    },
    total: r.total,
    counts,
    shares: Object.fromEntries(
      POSITIONS.map((p) => [p, r.total === 0 ? null : counts[p] / r.total]),
    ) as Record<TPosition, number | null>,
  };
}
