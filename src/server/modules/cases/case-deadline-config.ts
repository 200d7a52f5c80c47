import { DEFAULT_DEADLINE_CONFIG, type TDeadlineConfig } from '../../../domain/deadlines/index.ts';
import type { Queryable } from '../../db/client.ts';

/** The municipality's deadline lengths (deadline_settings, migration 0010), the law's defaults when unset. */
export async function caseDeadlineConfig(q: Queryable, municipalityId: string): Promise<TDeadlineConfig> {
  const { rows } = await q.query('SELECT * FROM deadline_settings WHERE municipality_id = $1', [
    municipalityId,
  ]);
  const r = rows[0];
  if (!r) return { ...DEFAULT_DEADLINE_CONFIG };
  return {
    assessmentHours: r.assessment_hours,
    receiptWeekdays: r.receipt_weekdays,
    childAssessmentMonths: r.child_assessment_months,
    planMonths: r.plan_months,
    followUpMonths: r.follow_up_months,
    youthPlanAge: r.youth_plan_age,
    partyStatusAge: r.party_status_age,
    constitutionDayOff: r.constitution_day_off,
    christmasEveOff: r.christmas_eve_off,
    newYearsEveOff: r.new_years_eve_off,
  };
}
