import { RULE_CODES, readParams, type TRuleCode } from '../../../domain/early-warning/index.ts';
import type { TStoredRule } from '../../../shared/schemas/alert-views.ts';
import type { Queryable } from '../../db/client.ts';

/** The municipality's rules: every rule code, with its stored setting or the defaults (enabled). */
export async function ruleSettings(q: Queryable, municipalityId: string): Promise<TStoredRule[]> {
  const { rows } = await q.query(
    'SELECT code, enabled, params, version, updated_at FROM early_warning_rules WHERE municipality_id = $1',
    [municipalityId],
  );
  const stored = new Map(rows.map((r) => [r.code as TRuleCode, r]));
  return RULE_CODES.map((code) => {
    const r = stored.get(code);
    return {
      code,
      enabled: r ? r.enabled : true,
      params: readParams(code, r?.params ?? {}),
      version: r ? r.version : 0,
      updatedAt: r ? new Date(r.updated_at).toISOString() : null,
    } as TStoredRule;
  });
}
