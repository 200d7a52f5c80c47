/**
 * The newest period with figures shown (not hidden to protect small groups): what the measurement page opens
 * on. At the start of a round the newest period has few assessments and every figure hidden.
 */
export function latestShownPeriod(
  rows: readonly { keys: { period?: string | null }; summary: unknown }[],
): string | undefined {
  return rows
    .filter((r) => r.summary != null && r.keys.period)
    .map((r) => r.keys.period as string)
    .sort()
    .pop();
}
