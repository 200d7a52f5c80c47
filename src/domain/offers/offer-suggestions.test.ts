import { describe, expect, it } from 'vitest';
import { suggestOffers, type TSuggestionChild, type TSuggestionOffer } from './offer-suggestions.ts';

const LEISURE = { code: 'P-LEISURE', label: 'Organiseret fritidsaktivitet' };
const ADULT = { code: 'P-ADULT', label: 'Støttende voksen' };

const child = (extra: Partial<TSuggestionChild> = {}): TSuggestionChild => ({
  age: 10,
  districtIds: ['north'],
  absentFactors: [LEISURE, ADULT],
  referredOfferIds: new Set(),
  ...extra,
});

let n = 0;
const offer = (extra: Partial<TSuggestionOffer> = {}): TSuggestionOffer => ({
  id: `o${++n}`,
  name: `Tilbud ${n}`,
  ageFrom: 6,
  ageTo: 14,
  districtId: 'north',
  capacityFree: 3,
  costDkk: 0,
  leisurePass: false,
  factorCodes: [LEISURE.code],
  ...extra,
});

describe('bridge-building suggestions', () => {
  it('suggests only offers for an absent factor, at the right age, not already referred', () => {
    const fits = offer();
    const otherFactor = offer({ factorCodes: ['P-SCHOOL'] });
    const tooYoung = offer({ ageFrom: 12 });
    const referred = offer();
    const got = suggestOffers(child({ referredOfferIds: new Set([referred.id]) }), [
      fits,
      otherFactor,
      tooYoung,
      referred,
    ]);
    expect(got.map((s) => s.offer.id)).toEqual([fits.id]);
    expect(got[0]?.why).toEqual({
      factors: [LEISURE],
      age: { age: 10, from: 6, to: 14 },
      nearness: 'sameDistrict',
      places: 'free',
      cost: 'free',
    });
  });

  it('orders by the rules in turn: near, then free places, then cost the family need not pay', () => {
    const far = offer({ districtId: 'south', name: 'A' });
    const wide = offer({ districtId: null, name: 'B' });
    const nearFull = offer({ capacityFree: 0, name: 'C' });
    const nearUnknown = offer({ capacityFree: null, name: 'D' });
    const nearPaid = offer({ costDkk: 600, name: 'E' });
    const nearPass = offer({ costDkk: 600, leisurePass: true, name: 'F' });
    const nearFree = offer({ name: 'G', factorCodes: [LEISURE.code, ADULT.code] });
    const got = suggestOffers(child(), [far, wide, nearFull, nearUnknown, nearPaid, nearPass, nearFree]);
    expect(got.map((s) => s.offer.name)).toEqual(['G', 'F', 'E', 'D', 'C', 'B', 'A']);
    expect(got[0]?.why.factors).toEqual([LEISURE, ADULT]);
    expect(got.map((s) => s.why.cost).slice(0, 3)).toEqual(['free', 'leisurePass', 'paid']);
  });

  it('suggests nothing when no protective factor is absent, and stops at the limit', () => {
    expect(suggestOffers(child({ absentFactors: [] }), [offer()])).toEqual([]);
    expect(suggestOffers(child(), [offer(), offer(), offer()], 2)).toHaveLength(2);
  });
});
