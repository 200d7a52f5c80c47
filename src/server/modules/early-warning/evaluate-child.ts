import { evaluateRules, type TFiring } from '../../../domain/early-warning/index.ts';
import type { Queryable } from '../../db/client.ts';
import { insertAlerts } from '../alerts/insert-alert.ts';
import { alertRecipients } from './alert-recipients.ts';
import { loadChildFacts } from './child-facts.ts';
import { ruleSettings } from './rule-settings.ts';

/**
 * Runs the municipality's enabled early-warning rules for one child, in the caller's transaction (after a
 * concern or a joint assessment was written), and alerts the child's unit leaders and coordinator for each
 * rule that fires. A rule that already fired for the same facts (same dedupe key) alerts nobody again.
 */
export async function evaluateEarlyWarning(
  q: Queryable,
  municipalityId: string,
  childId: string,
): Promise<TFiring[]> {
  const settings = await ruleSettings(q, municipalityId);
  if (!settings.some((s) => s.enabled)) return [];
  const firings = evaluateRules(await loadChildFacts(q, municipalityId, childId), settings);
  if (firings.length === 0) return [];
  const recipients = await alertRecipients(q, municipalityId, childId);
  for (const f of firings) {
    await insertAlerts(q, recipients, {
      municipalityId,
      childId,
      kind: 'earlyWarning',
      ruleCode: f.rule,
      reason: f.reason,
      link: `/boern/${childId}`,
      dedupeKey: `${f.dedupeKey}`,
    });
  }
  return firings;
}
