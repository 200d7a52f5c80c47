import type { z } from 'zod';
import type { ZCreateFactorRequest, ZUpdateFactorRequest } from '../../../shared/schemas/factors';

// The answers are the server's own types: one definition for both sides.
export type {
  TCatalogue,
  TCatalogueStatus,
  TCatalogueVersion,
  TFactor,
  TFactorDomain,
  TFactorKind,
  TPolicyTheme,
} from '../../../shared/schemas/factor-catalogue';

// Request bodies are the server's own schemas (their input side, before defaults apply).
export type TCreateFactorInput = z.input<typeof ZCreateFactorRequest>;
export type TUpdateFactorInput = z.input<typeof ZUpdateFactorRequest>;
