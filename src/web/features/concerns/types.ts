import type { z } from 'zod';
import type { TLevel } from '../../../shared/schemas/concern-views';
import type { ZCreateConcernRequest } from '../../../shared/schemas/concerns';

// The concern is the server's own type: one definition for both sides.
export type { TConcern, TLevel } from '../../../shared/schemas/concern-views';

export interface TGuideLink {
  label: string;
  url: string;
}

export interface TGuideAction {
  signCode: string;
  level: TLevel;
  code: string;
  titleDa: string;
  titleEn: string;
  guidanceDa: string;
  guidanceEn: string;
  links: TGuideLink[];
  sortOrder: number;
}

export interface TGuideSign {
  code: string;
  labelDa: string;
  labelEn: string;
  acute: boolean;
  active: boolean;
  sortOrder: number;
  version: number;
  actions: TGuideAction[];
}

export type TCreateConcernInput = z.input<typeof ZCreateConcernRequest>;
