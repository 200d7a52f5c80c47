import { protectiveShare, riskLoad } from '../../../domain/measurement/index.ts';
import type { TAssessment, TAssessmentFactor } from '../../../shared/assessment-document.ts';
import type { TLocale } from '../../../shared/i18n/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { catalogueFactors, labelOf, packedFromText, statesFromMasks } from './catalogue-factors.ts';

export type { TAssessment, TAssessmentFactor };

/** The assessment as the form and the profile show it, labels in both languages plus the reader's. */
export async function selectAssessment(
  q: Queryable,
  municipalityId: string,
  assessmentId: string,
  locale: TLocale,
): Promise<TAssessment | undefined> {
  const { rows } = await q.query(
    `SELECT a.id, a.round_id, r.name AS round_name, r.period, a.child_id, c.first_name, c.last_name, c.birth_date,
            a.unit_id, u.name AS unit_name, a.mode, a.author_id, au.name AS author_name, a.catalogue_id,
            fc.version AS catalogue_version, a.assessed_on, a.position, a.present_mask::text, a.known_mask::text,
            a.child_voice, a.parents_view, a.note, a.locked_at, a.locked_by, lb.name AS locked_by_name, a.version,
            a.created_at, a.updated_at,
            coalesce((SELECT json_object_agg(af.factor_id, af.reason) FROM assessment_factors af
                       WHERE af.municipality_id = a.municipality_id AND af.assessment_id = a.id AND af.reason IS NOT NULL),
                     '{}') AS reasons
       FROM assessments a
       JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
       JOIN children c ON c.municipality_id = a.municipality_id AND c.id = a.child_id
       JOIN units u ON u.municipality_id = a.municipality_id AND u.id = a.unit_id
       JOIN factor_catalogues fc ON fc.municipality_id = a.municipality_id AND fc.id = a.catalogue_id
       LEFT JOIN users au ON au.municipality_id = a.municipality_id AND au.id = a.author_id
       LEFT JOIN users lb ON lb.municipality_id = a.municipality_id AND lb.id = a.locked_by
      WHERE a.municipality_id = $1 AND a.id = $2`,
    [municipalityId, assessmentId],
  );
  const r = rows[0];
  if (!r) return undefined;
  const factors = (await catalogueFactors(q, municipalityId, [r.catalogue_id])).get(r.catalogue_id) ?? [];
  const states = statesFromMasks(packedFromText(r.present_mask, r.known_mask), factors);
  const reasons = r.reasons as Record<string, string>;
  return {
    id: r.id,
    round: { id: r.round_id, name: r.round_name, period: r.period },
    child: { id: r.child_id, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date },
    unit: { id: r.unit_id, name: r.unit_name },
    mode: r.mode,
    author: { id: r.author_id, name: r.author_name },
    catalogue: { id: r.catalogue_id, version: r.catalogue_version },
    assessedOn: r.assessed_on,
    position: r.position,
    factors: factors.map((f, i) => ({
      factorId: f.id,
      code: f.code,
      kind: f.kind,
      domain: f.domain,
      label: labelOf(f, locale),
      labelDa: f.labelDa,
      labelEn: f.labelEn,
      themeCodes: f.themeCodes,
      state: states[i]?.state ?? 'unknown',
      reason: reasons[f.id] ?? null,
    })),
    protectiveShare: protectiveShare(states),
    riskLoad: riskLoad(states),
    childVoice: r.child_voice,
    parentsView: r.parents_view,
    note: r.note,
    locked: r.locked_at !== null,
    lockedAt: r.locked_at,
    lockedBy: r.locked_by ? { id: r.locked_by, name: r.locked_by_name } : null,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
