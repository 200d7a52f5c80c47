import type { TOwnAssessments } from '../../../shared/schemas/assessment-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { assessorUnits } from './assessments.access.ts';
import { catalogueFactors, labelOf, packedFromText, statesFromMasks } from './catalogue-factors.ts';
import { disagrees } from './rules.ts';

export type TOwnAssessmentsView = TOwnAssessments;

/**
 * The own assessments of a child in a round side by side, with the factors they disagree on — what the
 * joint assessment form shows. The user needs a relation to the child through a unit in the round; own
 * assessments shown are the user's and those made in the units giving that relation.
 */
export const findOwnAssessments = defineUseCase(
  'read:assessment:unit',
  async (ctx, roundId: string, childId: string): Promise<TOwnAssessmentsView> => {
    const m = ctx.user.municipalityId;
    const units = assessorUnits(ctx, ctx.permission);
    const found = await ctx.db.tenantRead(m, async (q) => {
      const { rows: rel } = await q.query(
        `SELECT r.id, r.name, r.catalogue_id, fc.version AS catalogue_version, c.first_name, c.last_name, c.birth_date,
              array_agg(e.unit_id ORDER BY e.from_date) AS rel_units
         FROM assessment_rounds r
         JOIN factor_catalogues fc ON fc.municipality_id = r.municipality_id AND fc.id = r.catalogue_id
         JOIN round_units ru ON ru.municipality_id = r.municipality_id AND ru.round_id = r.id
         JOIN enrolments e ON e.municipality_id = ru.municipality_id AND e.unit_id = ru.unit_id AND e.child_id = $3
                          AND e.unit_id = ANY($4::uuid[]) AND ${currentEnrolment('e').text}
         JOIN children c ON c.municipality_id = e.municipality_id AND c.id = e.child_id
        WHERE r.municipality_id = $1 AND r.id = $2
        GROUP BY r.municipality_id, r.id, fc.version, c.municipality_id, c.id`,
        [m, roundId, childId, units],
      );
      const round = rel[0];
      if (!round) return undefined;
      const { rows: assessments } = await q.query(
        `SELECT a.id, a.mode, a.author_id, au.name AS author_name, a.unit_id, u.name AS unit_name, a.position,
              a.assessed_on, a.locked_at, a.version, a.present_mask::text, a.known_mask::text,
              coalesce((SELECT json_object_agg(f.code, af.reason) FROM assessment_factors af
                          JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id
                         WHERE af.municipality_id = a.municipality_id AND af.assessment_id = a.id AND af.reason IS NOT NULL),
                       '{}') AS reasons
         FROM assessments a
         JOIN units u ON u.municipality_id = a.municipality_id AND u.id = a.unit_id
         LEFT JOIN users au ON au.municipality_id = a.municipality_id AND au.id = a.author_id
        WHERE a.municipality_id = $1 AND a.round_id = $2 AND a.child_id = $3
          AND (a.mode = 'joint' OR a.author_id = $4 OR a.unit_id = ANY($5::uuid[]))
        ORDER BY a.created_at, a.id`,
        [m, roundId, childId, ctx.user.userId, round.rel_units],
      );
      const factors = (await catalogueFactors(q, m, [round.catalogue_id])).get(round.catalogue_id) ?? [];
      return { round, assessments, factors };
    });
    if (!found) throw new AppError('NOT_FOUND');
    const { round, factors } = found;
    const own = found.assessments.filter((a) => a.mode === 'own');
    const joint = found.assessments.find((a) => a.mode === 'joint');
    const statesOf = own.map((a) => statesFromMasks(packedFromText(a.present_mask, a.known_mask), factors));
    const relUnit = round.rel_units[0] as string;
    await ctx.audit.record(
      auditEvent(ctx, {
        unitId: relUnit,
        action: 'read',
        entity: 'assessment',
        entityId: null,
        childId,
        purpose: `enrolment:${relUnit}`,
        detail: { view: 'own-assessments', roundId, assessmentIds: found.assessments.map((a) => a.id) },
      }),
    );
    return {
      round: { id: round.id, name: round.name, catalogueVersion: round.catalogue_version },
      child: {
        id: childId,
        firstName: round.first_name,
        lastName: round.last_name,
        birthDate: round.birth_date,
      },
      assessments: own.map((a) => ({
        id: a.id,
        author: { id: a.author_id, name: a.author_name },
        unit: { id: a.unit_id, name: a.unit_name },
        position: a.position,
        assessedOn: a.assessed_on,
        locked: a.locked_at !== null,
      })),
      positionsDisagree: new Set(own.map((a) => a.position)).size > 1,
      factors: factors.map((f, i) => {
        const states = own.map((a, j) => ({
          assessmentId: a.id as string,
          state: statesOf[j]?.[i]?.state ?? 'unknown',
          reason: (a.reasons as Record<string, string>)[f.code] ?? null,
        }));
        return {
          code: f.code,
          kind: f.kind,
          label: labelOf(f, ctx.locale),
          labelDa: f.labelDa,
          labelEn: f.labelEn,
          states,
          disagree: disagrees(states.map((s) => s.state)),
        };
      }),
      joint: joint
        ? { id: joint.id, position: joint.position, version: joint.version, locked: joint.locked_at !== null }
        : null,
    };
  },
);
