import type { TDeadlineSettingsRequest } from '../../../shared/schemas/notifications.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { loadDeadlineSettings, type TDeadlineSettings } from './load-deadline-config.ts';

/**
 * An admin sets the municipality's deadline lengths (optimistic locking on `version`). New deadlines are
 * computed with them; deadlines already recorded on notifications keep the length they were given.
 */
export const updateDeadlineSettings = defineUseCase(
  'manage:deadline:municipality',
  async (ctx, input: TDeadlineSettingsRequest): Promise<TDeadlineSettings> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const current = await loadDeadlineSettings(q, m, { forUpdate: true });
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      const { version: _v, ...values } = input;
      await q.query(
        `INSERT INTO deadline_settings (municipality_id, assessment_hours, receipt_weekdays, child_assessment_months,
         plan_months, follow_up_months, youth_plan_age, party_status_age, constitution_day_off, christmas_eve_off,
         new_years_eve_off, version, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now(), $13)
       ON CONFLICT (municipality_id) DO UPDATE SET
         assessment_hours = EXCLUDED.assessment_hours, receipt_weekdays = EXCLUDED.receipt_weekdays,
         child_assessment_months = EXCLUDED.child_assessment_months, plan_months = EXCLUDED.plan_months,
         follow_up_months = EXCLUDED.follow_up_months, youth_plan_age = EXCLUDED.youth_plan_age,
         party_status_age = EXCLUDED.party_status_age, constitution_day_off = EXCLUDED.constitution_day_off,
         christmas_eve_off = EXCLUDED.christmas_eve_off, new_years_eve_off = EXCLUDED.new_years_eve_off,
         version = EXCLUDED.version, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [
          m,
          values.assessmentHours,
          values.receiptWeekdays,
          values.childAssessmentMonths,
          values.planMonths,
          values.followUpMonths,
          values.youthPlanAge,
          values.partyStatusAge,
          values.constitutionDayOff,
          values.christmasEveOff,
          values.newYearsEveOff,
          current.version + 1,
          ctx.user.userId,
        ],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'update',
          entity: 'deadlineSettings',
          entityId: null,
          childId: null,
          purpose: 'administration',
          detail: values,
        }),
      );
      return loadDeadlineSettings(q, m);
    });
  },
);
