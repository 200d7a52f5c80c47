import type { z } from 'zod';
import type { TUnitKind } from '../../../shared/permissions';
import type { ZCreateUnitRequest, ZUpdateUnitRequest } from '../../../shared/schemas/org';

export interface TUnit {
  id: string;
  name: string;
  kind: TUnitKind;
  districtId: string | null;
  districtName: string | null;
  version: number;
}

export interface TDistrict {
  id: string;
  name: string;
}

export type TCreateUnitInput = z.input<typeof ZCreateUnitRequest>;
export type TUpdateUnitInput = z.input<typeof ZUpdateUnitRequest>;
