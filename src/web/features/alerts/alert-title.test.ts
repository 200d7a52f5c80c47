import { describe, expect, it } from 'vitest';
import da from '../../i18n/da/concerns.json';
import { alertTitleKey } from './alert-title.ts';

const alert = (kind: string, code: string) => ({ kind, reason: { code } });

describe('an alert’s title', () => {
  it('calls a withdrawn consent withdrawn, not expired', () => {
    const key = alertTitleKey(alert('consentExpired', 'consentWithdrawn'));
    expect(da.alerts.kind[key as keyof typeof da.alerts.kind]).toBe('Samtykke trukket tilbage');
  });

  it('keeps the kind for an expired consent and every other alert', () => {
    expect(alertTitleKey(alert('consentExpired', 'consentExpired'))).toBe('consentExpired');
    expect(alertTitleKey(alert('earlyWarning', 'persistentRisk'))).toBe('earlyWarning');
  });
});
