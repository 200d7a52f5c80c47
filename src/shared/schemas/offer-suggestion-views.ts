/** Bridge-building suggestions on a child's profile (issue 15, item 5); the rules are offer-suggestions.ts. */
export interface TOfferSuggestion {
  offer: {
    id: string;
    name: string;
    kind: string;
    kindLabel: string;
    provider: { id: string; name: string };
    district: { id: string; name: string } | null;
    ageFrom: number;
    ageTo: number;
    costDkk: number;
    leisurePass: boolean;
    capacityFree: number | null;
    access: 'referral' | 'direct';
  };
  why: {
    factors: { code: string; label: string }[];
    age: { age: number; from: number; to: number };
    nearness: 'sameDistrict' | 'municipalityWide' | 'otherDistrict';
    places: 'free' | 'unknown' | 'full';
    cost: 'free' | 'leisurePass' | 'paid';
  };
}

export interface TOfferSuggestions {
  /** The joint assessment the absent factors come from; null when the child has none. */
  assessment: { id: string; assessedOn: string } | null;
  absentFactors: { code: string; label: string }[];
  items: TOfferSuggestion[];
}
