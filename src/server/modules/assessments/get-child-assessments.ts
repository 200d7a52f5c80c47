import {
  coOccurrence,
  persistence,
  protectiveShare,
  protectiveShareByTheme,
  riskLoad,
  riskObservation,
  type TFactorState,
} from '../../../domain/measurement/index.ts';
import type { TChildAssessments } from '../../../shared/schemas/assessment-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { enrolmentRelation } from '../../access/enrolment.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { assessorUnits } from './assessments.access.ts';
import {
  catalogueFactors,
  labelOf,
  packedFromText,
  statesFromMasks,
  type TCatalogueFactor,
} from './catalogue-factors.ts';

export type { TChildAssessments };

/**
 * The assessment part of a child's profile, built from the joint assessments: the measurement parameter per
 * child (docs/domain.md) over time. Needs a relation to the child; the read is audited.
 */
export const getChildAssessments = defineUseCase(
  'read:assessment:unit',
  async (ctx, childId: string): Promise<TChildAssessments> => {
    const m = ctx.user.municipalityId;
    const units = assessorUnits(ctx, ctx.permission);
    const found = await ctx.db.tenantRead(m, async (q) => {
      // An enrolment in a unit where the user reads assessments; a coordinator without one sees none.
      const { rows: rel } = await q.query(
        sql`SELECT rel.rel_unit_id FROM children c JOIN LATERAL (${enrolmentRelation(units)}) rel ON true
           WHERE c.municipality_id = ${m} AND c.id = ${childId}`,
      );
      if (!rel[0]) return undefined;
      const { rows: age } = await q.query(
        sql`SELECT age_on(birth_date, current_date) AS age FROM children WHERE municipality_id = ${m} AND id = ${childId}`,
      );
      const { rows: assessments } = await q.query(
        `SELECT a.id, a.round_id, r.name AS round_name, r.period, a.assessed_on, a.position, a.catalogue_id,
              fc.version AS catalogue_version, a.present_mask::text, a.known_mask::text, a.locked_at
         FROM assessments a
         JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
         JOIN factor_catalogues fc ON fc.municipality_id = a.municipality_id AND fc.id = a.catalogue_id
        WHERE a.municipality_id = $1 AND a.child_id = $2 AND a.mode = 'joint'
        ORDER BY a.assessed_on, a.updated_at, a.id`,
        [m, childId],
      );
      const { rows: themes } = await q.query(
        `SELECT code, name_da AS "nameDa", name_en AS "nameEn" FROM policy_themes
        WHERE municipality_id = $1 ORDER BY sort_order, code`,
        [m],
      );
      const catalogues = await catalogueFactors(q, m, [...new Set(assessments.map((a) => a.catalogue_id))]);
      return {
        relUnit: rel[0].rel_unit_id as string,
        assessments,
        themes,
        catalogues,
        ageNow: age[0]?.age as number,
      };
    });
    if (!found) throw new AppError('NOT_FOUND');
    const { relUnit, assessments, catalogues, ageNow } = found;
    await ctx.audit.record(
      auditEvent(ctx, {
        unitId: relUnit,
        action: 'read',
        entity: 'child',
        entityId: childId,
        childId,
        purpose: `enrolment:${relUnit}`,
        detail: { view: 'assessments', assessmentIds: assessments.map((a) => a.id) },
      }),
    );

    const stateLists: TFactorState[][] = assessments.map((a) =>
      statesFromMasks(packedFromText(a.present_mask, a.known_mask), catalogues.get(a.catalogue_id) ?? []),
    );
    const themes = found.themes.map((t) => ({
      code: t.code as string,
      name: ctx.locale === 'en' ? t.nameEn : t.nameDa,
      nameDa: t.nameDa,
      nameEn: t.nameEn,
    }));
    const timeline = assessments.map((a, i) => {
      const states = stateLists[i] ?? [];
      const byTheme = protectiveShareByTheme(states);
      return {
        assessmentId: a.id,
        round: { id: a.round_id, name: a.round_name, period: a.period },
        assessedOn: a.assessed_on,
        position: a.position,
        catalogueVersion: a.catalogue_version,
        protectiveShare: protectiveShare(states),
        byTheme: themes.flatMap((t) => {
          const share = byTheme.get(t.code);
          return share ? [{ themeCode: t.code, ...share }] : [];
        }),
        riskLoad: riskLoad(states),
        locked: a.locked_at !== null,
      };
    });

    // Rows: every factor code seen, described as in the newest version that has it.
    const described = new Map<string, TCatalogueFactor>();
    for (const a of [...assessments].reverse()) {
      for (const f of catalogues.get(a.catalogue_id) ?? [])
        if (!described.has(f.code)) described.set(f.code, f);
    }
    const grid = [...described.values()]
      .sort((x, y) => (x.kind === y.kind ? x.bit - y.bit : x.kind === 'risk' ? 1 : -1))
      .map((f) => ({
        code: f.code,
        kind: f.kind,
        domain: f.domain,
        label: labelOf(f, ctx.locale),
        labelDa: f.labelDa,
        labelEn: f.labelEn,
        fitsAge: f.ageFrom <= ageNow && ageNow <= f.ageTo,
        cells: stateLists.map((states) => states.find((s) => s.factorCode === f.code)?.state ?? null),
      }));

    const history = stateLists.map(riskObservation);
    const runs = persistence(history);
    const latest = history.at(-1);
    const latestFactors = catalogues.get(assessments.at(-1)?.catalogue_id) ?? [];
    return {
      childId,
      themes,
      timeline,
      grid,
      persistence: latestFactors
        .filter((f) => f.kind === 'risk')
        .map((f) => ({ code: f.code, label: labelOf(f, ctx.locale), run: runs.get(f.code) ?? 0 })),
      coOccurrence: latest
        ? { count: coOccurrence(latest), codes: [...runs.keys()].sort() }
        : { count: 0, codes: [] },
      themeSeries: themes.map((t) => ({
        themeCode: t.code,
        points: timeline.map((e) => ({
          assessmentId: e.assessmentId,
          assessedOn: e.assessedOn,
          share: e.byTheme.find((b) => b.themeCode === t.code)?.share ?? null,
        })),
      })),
    };
  },
);
