import type { z } from 'zod';
import type { TProfession, ZCreateConcernRequest } from '../../../shared/schemas/concerns';

export type TLevel = 1 | 2 | 3 | 4;

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

export type TCreateConcernInput = z.input<typeof ZCreateConcernRequest>;
