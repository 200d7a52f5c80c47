import { type TRuleCode, ZRuleParams } from '../../../domain/early-warning/index.ts';
import type { TStoredRule } from '../../../shared/schemas/alert-views.ts';
import type { TSaveRuleRequest } from '../../../shared/schemas/concerns.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError, type TFieldProblem } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { parseInput } from '../../http/validation.ts';
import { ruleSettings } from './rule-settings.ts';

/**
 * Enables or disables a rule and sets its parameters (validated per rule). Optimistic locking: version 0
 * for a rule never saved, else the version read. Applies to rules evaluated from now on; alerts already
 * raised stay.
 */
export const saveRule = defineUseCase(
  'manage:warning-rule:municipality',
  async (ctx, code: TRuleCode, input: TSaveRuleRequest): Promise<TStoredRule> => {
    const m = ctx.user.municipalityId;
    let params: unknown;
    try {
      params = parseInput(ZRuleParams[code], input.params);
    } catch (error) {
      // Name the fields under params, so the form can show each problem by its input.
      if (error instanceof AppError && error.options.fields) {
        const fields: Record<string, TFieldProblem> = {};
        for (const [k, v] of Object.entries(error.options.fields)) fields[`params.${k}`] = v;
        throw new AppError('VALIDATION_FAILED', { fields });
      }
      throw error;
    }
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        'SELECT version FROM early_warning_rules WHERE municipality_id = $1 AND code = $2 FOR UPDATE',
        [m, code],
      );
      if ((rows[0]?.version ?? 0) !== input.version) throw new AppError('STALE_VERSION');
      const { rowCount } = await q.query(
        `INSERT INTO early_warning_rules (municipality_id, code, enabled, params, updated_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (municipality_id, code) DO UPDATE SET enabled = excluded.enabled, params = excluded.params,
         updated_by = excluded.updated_by, updated_at = now(), version = early_warning_rules.version + 1
       WHERE early_warning_rules.version = $6`,
        [m, code, input.enabled, JSON.stringify(params), ctx.user.userId, input.version],
      );
      if (rowCount === 0) throw new AppError('STALE_VERSION');
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'update',
          entity: 'earlyWarningRule',
          entityId: null,
          childId: null,
          purpose: 'administration',
          detail: { code, enabled: input.enabled, params },
        }),
      );
      return (await ruleSettings(q, m)).find((r) => r.code === code) as TStoredRule;
    });
  },
);
