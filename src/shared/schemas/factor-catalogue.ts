import type { FACTOR_DOMAINS } from './factors.ts';

// The answers of the factor catalogue endpoints: one definition for the server that builds them and the
// web app that reads them.

export type TFactorKind = 'risk' | 'protective';
export type TFactorDomain = (typeof FACTOR_DOMAINS)[number];
export type TCatalogueStatus = 'draft' | 'published';

export interface TPolicyTheme {
  id: string;
  code: string;
  nameDa: string;
  nameEn: string;
}

/** One row of GET /factor-catalogues (newest version first). */
export interface TCatalogueVersion {
  id: string;
  version: number;
  status: TCatalogueStatus;
  publishedAt: string | null;
  factorCount: number;
}

export interface TFactor {
  id: string;
  code: string;
  kind: TFactorKind;
  domain: TFactorDomain;
  ageFrom: number;
  ageTo: number;
  labelDa: string;
  labelEn: string;
  descriptionDa: string;
  descriptionEn: string;
  evidenceNote: string;
  bit: number;
  themeCodes: string[];
}

/** One catalogue version with its factors in bit order. */
export interface TCatalogue {
  id: string;
  version: number;
  status: TCatalogueStatus;
  publishedAt: string | null;
  factors: TFactor[];
}
