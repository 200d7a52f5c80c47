import type { TLevel } from '../../domain/handleguide/suggest.ts';
import type { TProfession } from './concerns.ts';

// The answers of the concern endpoints: one definition for the server that builds them and the web app
// that reads them.

export type { TLevel };

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
