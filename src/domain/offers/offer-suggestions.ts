import { ageFits } from './offer-rules.ts';

/**
 * Bridge-building suggestions (issue 15, item 5): from the protective factors the child's latest joint
 * assessment found absent, to the active offers meant to strengthen them. Every suggestion says why — which
 * factor, and how each rule came out — and the order is the rules' own, one after the other: near the child
 * first, then free places, then what costs the family nothing (free, or paid by the leisure pass), then name.
 * No score is computed.
 */
export interface TSuggestionChild {
  age: number;
  /** Districts of the units the child is enrolled in now. */
  districtIds: readonly string[];
  absentFactors: readonly { code: string; label: string }[];
  /** Offers the child already has a live referral to: not suggested again. */
  referredOfferIds: ReadonlySet<string>;
}

export interface TSuggestionOffer {
  id: string;
  name: string;
  ageFrom: number;
  ageTo: number;
  districtId: string | null;
  capacityFree: number | null;
  costDkk: number;
  leisurePass: boolean;
  factorCodes: readonly string[];
}

export type TNearness = 'sameDistrict' | 'municipalityWide' | 'otherDistrict';
export type TPlaces = 'free' | 'unknown' | 'full';
export type TCost = 'free' | 'leisurePass' | 'paid';

export interface TSuggestionReasons {
  factors: { code: string; label: string }[];
  age: { age: number; from: number; to: number };
  nearness: TNearness;
  places: TPlaces;
  cost: TCost;
}

export interface TSuggestion<O extends TSuggestionOffer> {
  offer: O;
  why: TSuggestionReasons;
}

const NEARNESS: readonly TNearness[] = ['sameDistrict', 'municipalityWide', 'otherDistrict'];
const PLACES: readonly TPlaces[] = ['free', 'unknown', 'full'];
const COST: readonly TCost[] = ['free', 'leisurePass', 'paid'];

export function suggestOffers<O extends TSuggestionOffer>(
  child: TSuggestionChild,
  offers: readonly O[],
  limit = 10,
): TSuggestion<O>[] {
  const absent = new Map(child.absentFactors.map((f) => [f.code, f]));
  const out: TSuggestion<O>[] = [];
  for (const offer of offers) {
    if (child.referredOfferIds.has(offer.id)) continue;
    if (!ageFits(child.age, offer)) continue;
    const factors = offer.factorCodes.flatMap((c) => {
      const f = absent.get(c);
      return f ? [f] : [];
    });
    if (factors.length === 0) continue;
    out.push({
      offer,
      why: {
        factors,
        age: { age: child.age, from: offer.ageFrom, to: offer.ageTo },
        nearness:
          offer.districtId === null
            ? 'municipalityWide'
            : child.districtIds.includes(offer.districtId)
              ? 'sameDistrict'
              : 'otherDistrict',
        places: offer.capacityFree === null ? 'unknown' : offer.capacityFree > 0 ? 'free' : 'full',
        cost: offer.costDkk === 0 ? 'free' : offer.leisurePass ? 'leisurePass' : 'paid',
      },
    });
  }
  return out
    .sort(
      (a, b) =>
        NEARNESS.indexOf(a.why.nearness) - NEARNESS.indexOf(b.why.nearness) ||
        PLACES.indexOf(a.why.places) - PLACES.indexOf(b.why.places) ||
        COST.indexOf(a.why.cost) - COST.indexOf(b.why.cost) ||
        a.offer.name.localeCompare(b.offer.name, 'da') ||
        a.offer.id.localeCompare(b.offer.id),
    )
    .slice(0, limit);
}
