import type { TUnitKind } from '../../../shared/permissions';

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

export interface TUnitInput {
  name: string;
  kind: TUnitKind;
  districtId?: string | null;
}
