import type { TShare } from '../domain/measurement/factor-states.ts';
import type {
  TAssessmentMode,
  TChildVoice,
  TFactorStateValue,
  TParentsView,
  TPosition,
} from './schemas/assessments.ts';

/** An assessment as the API answers it: built by the server (assessment-document.ts), read by the web app. */
export interface TAssessmentFactor {
  factorId: string;
  code: string;
  kind: 'risk' | 'protective';
  domain: string;
  label: string;
  labelDa: string;
  labelEn: string;
  themeCodes: string[];
  state: TFactorStateValue;
  reason: string | null;
}

export interface TAssessment {
  id: string;
  round: { id: string; name: string; period: string };
  child: { id: string; firstName: string; lastName: string; birthDate: string };
  unit: { id: string; name: string };
  mode: TAssessmentMode;
  author: { id: string; name: string | null };
  catalogue: { id: string; version: number };
  assessedOn: string;
  position: TPosition;
  /** Every factor of the catalogue version, in its order; factors nobody knew about are 'unknown'. */
  factors: TAssessmentFactor[];
  protectiveShare: TShare;
  riskLoad: number;
  childVoice: TChildVoice | null;
  parentsView: TParentsView | null;
  note: string | null;
  locked: boolean;
  lockedAt: string | null;
  lockedBy: { id: string; name: string | null } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
