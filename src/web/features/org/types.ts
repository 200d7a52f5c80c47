import type { z } from 'zod';
import type { ZCreateUnitRequest, ZUpdateUnitRequest } from '../../../shared/schemas/org';

// The answers are the server's own types: one definition for both sides.
export type { TDistrict, TUnit } from '../../../shared/schemas/org-views';

export type TCreateUnitInput = z.input<typeof ZCreateUnitRequest>;
export type TUpdateUnitInput = z.input<typeof ZUpdateUnitRequest>;
