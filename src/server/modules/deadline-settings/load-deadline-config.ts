import { DEFAULT_DEADLINE_CONFIG, type TDeadlineConfig } from '../../../domain/deadlines/index.ts';
import type { TDeadlineSettings } from '../../../shared/schemas/notification-views.ts';
import type { Queryable } from '../../db/client.ts';

export type { TDeadlineSettings };

const COLUMNS = `assessment_hours AS "assessmentHours", receipt_weekdays AS "receiptWeekdays",
  child_assessment_months AS "childAssessmentMonths", plan_months AS "planMonths", follow_up_months AS "followUpMonths",
  youth_plan_age AS "youthPlanAge", party_status_age AS "partyStatusAge", constitution_day_off AS "constitutionDayOff",
  christmas_eve_off AS "christmasEveOff", new_years_eve_off AS "newYearsEveOff", version, updated_at AS "updatedAt"`;

/** The municipality's deadline settings, or the defaults while it has set none. */
export async function loadDeadlineSettings(
  q: Queryable,
  municipalityId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TDeadlineSettings> {
  const { rows } = await q.query(
    `SELECT ${COLUMNS} FROM deadline_settings WHERE municipality_id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [municipalityId],
  );
  return rows[0] ?? { ...DEFAULT_DEADLINE_CONFIG, version: 1, updatedAt: null };
}

/** The rule config alone, for the pure deadline functions. */
export async function loadDeadlineConfig(q: Queryable, municipalityId: string): Promise<TDeadlineConfig> {
  const { version: _v, updatedAt: _u, ...config } = await loadDeadlineSettings(q, municipalityId);
  return config;
}
