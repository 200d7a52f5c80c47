import {
  catalogueMasks,
  popcount,
  type TFactorState,
  type TPackedStates,
  unpackStates,
} from '../../../domain/measurement/index.ts';
import type { TLocale } from '../../../shared/i18n/errors.ts';
import type { TFactorStateValue } from '../../../shared/schemas/assessments.ts';
import type { Queryable } from '../../db/client.ts';

export interface TCatalogueFactor {
  id: string;
  code: string;
  kind: 'risk' | 'protective';
  domain: string;
  labelDa: string;
  labelEn: string;
  bit: number;
  themeCodes: string[];
  /** The ages (years) the factor is meant for. */
  ageFrom: number;
  ageTo: number;
}

/** The factors of some catalogue versions, in bit order, with their policy themes. */
export async function catalogueFactors(
  q: Queryable,
  municipalityId: string,
  catalogueIds: string[],
): Promise<Map<string, TCatalogueFactor[]>> {
  const byCatalogue = new Map<string, TCatalogueFactor[]>(catalogueIds.map((id) => [id, []]));
  if (catalogueIds.length === 0) return byCatalogue;
  const { rows } = await q.query(
    `SELECT f.catalogue_id, f.id, f.code, f.kind, f.domain, f.label_da, f.label_en, f.bit, f.age_from, f.age_to,
            ARRAY(SELECT t.code FROM factor_themes ft JOIN policy_themes t ON t.municipality_id = ft.municipality_id AND t.id = ft.theme_id
                   WHERE ft.municipality_id = f.municipality_id AND ft.factor_id = f.id ORDER BY t.sort_order, t.code) AS theme_codes
       FROM factors f WHERE f.municipality_id = $1 AND f.catalogue_id = ANY($2::uuid[]) ORDER BY f.bit`,
    [municipalityId, catalogueIds],
  );
  for (const r of rows) {
    byCatalogue.get(r.catalogue_id)?.push({
      id: r.id,
      code: r.code,
      kind: r.kind,
      domain: r.domain,
      labelDa: r.label_da,
      labelEn: r.label_en,
      bit: r.bit,
      themeCodes: r.theme_codes,
      ageFrom: r.age_from,
      ageTo: r.age_to,
    });
  }
  return byCatalogue;
}

export function labelOf(factor: Pick<TCatalogueFactor, 'labelDa' | 'labelEn'>, locale: TLocale): string {
  return locale === 'en' ? factor.labelEn : factor.labelDa;
}

export function positionsOf(factors: readonly TCatalogueFactor[]): Map<string, number> {
  return new Map(factors.map((f) => [f.code, f.bit]));
}

/** Masks as PostgreSQL returns them when cast to text (int8 does not fit a JavaScript number). */
export function packedFromText(presentMask: string, knownMask: string): TPackedStates {
  return { presentMask: BigInt(presentMask), knownMask: BigInt(knownMask) };
}

/** Every factor of the version with its state; the masks are the record, a factor not in them was not known. */
export function statesFromMasks(packed: TPackedStates, factors: readonly TCatalogueFactor[]): TFactorState[] {
  const states = unpackStates(packed, positionsOf(factors));
  return factors.map((f) => ({
    factorCode: f.code,
    kind: f.kind,
    themeCodes: f.themeCodes,
    state: states.get(f.code) as TFactorStateValue,
  }));
}

export interface TStateCounts {
  protectivePresent: number;
  protectiveKnown: number;
  riskPresent: number;
  riskKnown: number;
}

/** The per-assessment counts stored beside the masks, so the parameter needs no join to factors. */
export function countsFromMasks(packed: TPackedStates, factors: readonly TCatalogueFactor[]): TStateCounts {
  const masks = catalogueMasks(
    factors.map((f) => ({ factorCode: f.code, kind: f.kind, themeCodes: f.themeCodes })),
    positionsOf(factors),
  );
  const present = BigInt.asUintN(64, packed.presentMask);
  const known = BigInt.asUintN(64, packed.knownMask);
  return {
    protectivePresent: popcount(present & masks.protective),
    protectiveKnown: popcount(known & masks.protective),
    riskPresent: popcount(present & masks.risk),
    riskKnown: popcount(known & masks.risk),
  };
}
