import type { TLevel } from '../../domain/handleguide/suggest.ts';

// The handleguide as the server answers it: one definition for the server that builds it and the web app
// that reads it.

export type { TLevel };

export interface TGuideLink {
  label: string;
  url: string;
}

/** A possible action for a sign at one level (1 in the unit … 4 notification). */
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
