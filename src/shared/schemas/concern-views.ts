import type { TProfession } from './concerns.ts';

// The answers of the concern endpoints: one definition for the server that builds them and the web app
// that reads them.

/** The handleguide's level of a concern, 1 (no concern) to 4 (acute). */
export type TLevel = 1 | 2 | 3 | 4;

export interface TConcern {
  id: string;
  childId: string | null;
  childName: string | null;
  anonymous: boolean;
  unitId: string;
  unitName: string;
  createdBy: string;
  createdByName: string;
  profession: TProfession;
  signs: string[];
  description: string;
  factorCodes: string[];
  level: TLevel;
  actionCode: string | null;
  actionText: string;
  acute: boolean;
  createdAt: string;
}
