import { describe, expect, it } from 'vitest';
import { allowedKinds, basisState, providerSees, type TBasisFacts } from './referral-basis.ts';

const today = '2026-05-14';
const consent = (change: Partial<NonNullable<Extract<TBasisFacts, { basis: 'consent' }>['consent']>> = {}) =>
  ({
    basis: 'consent',
    consent: {
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      withdrawn: false,
      infoKinds: ['identity', 'contact'],
      recipientProviderIds: ['club'],
      ...change,
    },
  }) as const;
const measure = (change: Partial<{ section: string; endsOn: string | null; caseOpen: boolean }> = {}) =>
  ({ basis: 'legalBasis', measure: { section: 's32', endsOn: null, caseOpen: true, ...change } }) as const;

describe('basisState', () => {
  const rows: [string, TBasisFacts, string, ReturnType<typeof basisState>][] = [
    ['a valid consent naming the provider', consent(), 'club', 'valid'],
    ['a consent naming another provider', consent(), 'scouts', 'notRecipient'],
    ['a withdrawn consent', consent({ withdrawn: true }), 'club', 'consentWithdrawn'],
    ['a consent that ran out yesterday', consent({ validTo: '2026-05-13' }), 'club', 'consentExpired'],
    ['a consent running out today', consent({ validTo: today }), 'club', 'valid'],
    ['a consent from tomorrow', consent({ validFrom: '2026-05-15' }), 'club', 'consentNotYetValid'],
    ['no consent', { basis: 'consent', consent: null }, 'club', 'consentUnknown'],
    ['a running § 32 measure', measure(), 'club', 'valid'],
    ['a § 32 measure ending today', measure({ endsOn: today }), 'club', 'valid'],
    ['a § 32 measure that has ended', measure({ endsOn: '2026-05-01' }), 'club', 'measureEnded'],
    ['a § 32 measure of a closed case', measure({ caseOpen: false }), 'club', 'caseClosed'],
    ['a § 30 measure', measure({ section: 's30' }), 'club', 'measureUnknown'],
    ['no measure', { basis: 'legalBasis', measure: null }, 'club', 'measureUnknown'],
  ];
  it.each(rows)('%s', (_name, facts, provider, state) => {
    expect(basisState(facts, provider, today)).toBe(state);
  });
});

describe('what the provider sees', () => {
  it('caps the kinds at what the consent names; identity always', () => {
    expect(allowedKinds(consent())).toEqual(['identity', 'contact']);
    expect(allowedKinds(consent({ infoKinds: ['wellbeing', 'concerns'] }))).toEqual(['identity']);
    expect(allowedKinds(measure())).toEqual(['identity', 'contact']);
  });

  it('is what the referral sends within the basis, while it is live and the basis holds', () => {
    const sent = { status: 'accepted', sharedKinds: ['identity', 'contact'] } as const;
    expect(providerSees(sent, consent(), 'club', today)).toEqual(['identity', 'contact']);
    expect(providerSees({ ...sent, sharedKinds: ['identity'] }, consent(), 'club', today)).toEqual([
      'identity',
    ]);
    expect(providerSees(sent, consent({ infoKinds: ['identity'] }), 'club', today)).toEqual(['identity']);
    expect(providerSees(sent, consent({ withdrawn: true }), 'club', today)).toEqual([]);
    expect(providerSees(sent, consent(), 'scouts', today)).toEqual([]);
    expect(providerSees({ ...sent, status: 'ended' }, consent(), 'club', today)).toEqual([]);
    expect(providerSees({ ...sent, status: 'declined' }, measure(), 'club', today)).toEqual([]);
    expect(providerSees(sent, measure({ endsOn: '2026-01-01' }), 'club', today)).toEqual([]);
  });
});
