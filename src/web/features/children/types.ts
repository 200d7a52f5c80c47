// The list item is the server's own type: one definition for both sides.
export type { TChildListItem } from '../../../shared/schemas/children-views';

export interface TChildProfile {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string;
  cprMasked: string;
  version: number;
  relation: { kind: string; unitId: string | null; unitName: string | null };
  enrolments: {
    id: string;
    unitId: string;
    unitName: string;
    unitKind: string;
    groupName: string | null;
    fromDate: string;
    toDate: string | null;
  }[];
  guardians: {
    id: string;
    firstName: string;
    lastName: string;
    relation: string;
    hasCustody: boolean;
    phone: string | null;
    email: string | null;
  }[];
  households: { id: string; address: string; postalCode: string; city: string; isPrimary: boolean }[];
  family: {
    id: string;
    name: string;
    siblings: { id: string; firstName: string; lastName: string; birthDate: string; accessible: boolean }[];
  } | null;
}

export interface TChildSearch {
  q?: string;
  unitId?: string;
  page?: number;
}
