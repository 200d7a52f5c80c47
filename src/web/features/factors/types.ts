import type { z } from 'zod';
import type {
  FACTOR_DOMAINS,
  ZCreateFactorRequest,
  ZUpdateFactorRequest,
} from '../../../shared/schemas/factors';

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

export interface TCatalogue {
  id: string;
  version: number;
  status: TCatalogueStatus;
  publishedAt: string | null;
  factors: TFactor[];
}

// Request bodies are the server's own schemas (their input side, before defaults apply).
export type TCreateFactorInput = z.input<typeof ZCreateFactorRequest>;
export type TUpdateFactorInput = z.input<typeof ZUpdateFactorRequest>;
