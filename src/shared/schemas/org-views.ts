import type { TUnitKind } from '../permissions.ts';

// The answers of the organisation endpoints: one definition for the server that builds them and the web
// app that reads them.

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
