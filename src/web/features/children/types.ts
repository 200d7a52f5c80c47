// The list item and the profile are the server's own types: one definition for both sides.
export type { TChildListItem, TChildProfile } from '../../../shared/schemas/children-views';

export interface TChildSearch {
  q?: string;
  unitId?: string;
  page?: number;
}
