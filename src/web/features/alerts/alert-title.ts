/**
 * The key of an alert's title under `alerts.kind`: its kind — except that a consent that ended because it
 * was withdrawn (kind consentExpired, reason consentWithdrawn) is called withdrawn, not expired.
 */
export function alertTitleKey(alert: { kind: string; reason: { code: string } }): string {
  return alert.kind === 'consentExpired' && alert.reason.code === 'consentWithdrawn'
    ? 'consentWithdrawn'
    : alert.kind;
}
