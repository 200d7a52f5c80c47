import { api } from '../../api';
import type { TGuideSign } from '../concerns/types';

export interface TSignActionInput {
  level: 1 | 2 | 3 | 4;
  code: string;
  titleDa: string;
  titleEn: string;
  guidanceDa: string;
  guidanceEn: string;
  links: { label: string; url: string }[];
}

export interface TSaveSignInput {
  version?: number;
  labelDa: string;
  labelEn: string;
  acute: boolean;
  active: boolean;
  sortOrder: number;
  actions: TSignActionInput[];
}

export function saveSign(code: string, input: TSaveSignInput): Promise<TGuideSign> {
  return api.put<TGuideSign>(`/api/v1/handleguide/signs/${encodeURIComponent(code)}`, input);
}
