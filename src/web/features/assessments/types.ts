import type { z } from 'zod';
import type { TShare } from '../../../domain/measurement/factor-states';
import type {
  TAssessmentMode,
  TChildVoice,
  TFactorStateValue,
  TParentsView,
  TPosition,
  ZCreateAssessmentRequest,
  ZCreateRoundRequest,
  ZUpdateAssessmentRequest,
} from '../../../shared/schemas/assessments';

// The assessment document is the server's own type: one definition for both sides.
export type { TAssessment, TAssessmentFactor } from '../../../shared/assessment-document';
export type { TAssessmentMode, TChildVoice, TFactorStateValue, TParentsView, TPosition, TShare };
export type TFactorKind = 'risk' | 'protective';
export type TRoundStatus = 'upcoming' | 'open' | 'closed';

// Request bodies are the server's own schemas (their input side, before defaults apply).
export type TCreateRoundInput = z.input<typeof ZCreateRoundRequest>;
export type TCreateAssessmentInput = z.input<typeof ZCreateAssessmentRequest>;
export type TUpdateAssessmentInput = z.input<typeof ZUpdateAssessmentRequest>;

export interface TRound {
  id: string;
  name: string;
  /** The half-year of `opensOn`, e.g. 2026H2. */
  period: string;
  opensOn: string;
  closesOn: string;
  status: TRoundStatus;
  catalogueId: string;
  catalogueVersion: number;
  units: { id: string; name: string }[];
}

export interface TChildRef {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

export interface TProgressChild extends TChildRef {
  ownCount: number;
  /** The signed-in user's own assessment of the child in the round. */
  myOwnId: string | null;
  jointId: string | null;
  jointPosition: TPosition | null;
}

export interface TRoundProgress {
  round: TRound;
  unit: { id: string; name: string };
  children: TProgressChild[];
  totals: { children: number; withOwn: number; withJoint: number; missingOwn: number; missingJoint: number };
  /** 0–100. */
  percentJoint: number;
}

export interface TCatalogueFactor {
  id: string;
  code: string;
  kind: TFactorKind;
  domain: string;
  ageFrom: number;
  ageTo: number;
  labelDa: string;
  labelEn: string;
  descriptionDa: string;
  descriptionEn: string;
  evidenceNote: string;
  bit: number;
  themeCodes: string[];
}

export interface TCatalogue {
  id: string;
  version: number;
  status: string;
  publishedAt: string | null;
  factors: TCatalogueFactor[];
}

export interface TLockedAssessment {
  id: string;
  version: number;
  lockedAt: string;
  lockedBy: string;
}

export interface TOwnAssessments {
  round: { id: string; name: string; catalogueVersion: number };
  child: TChildRef;
  assessments: {
    id: string;
    author: { id: string; name: string | null };
    unit: { id: string; name: string };
    position: TPosition;
    assessedOn: string;
    locked: boolean;
  }[];
  positionsDisagree: boolean;
  factors: {
    code: string;
    kind: TFactorKind;
    label: string;
    labelDa: string;
    labelEn: string;
    /** One per assessment above, in the same order. */
    states: { assessmentId: string; state: TFactorStateValue; reason: string | null }[];
    disagree: boolean;
  }[];
  joint: { id: string; position: TPosition; version: number; locked: boolean } | null;
}

export interface TChildAssessments {
  childId: string;
  themes: { code: string; name: string; nameDa: string; nameEn: string }[];
  /** Joint assessments, oldest first. */
  timeline: {
    assessmentId: string;
    round: { id: string; name: string; period: string };
    assessedOn: string;
    position: TPosition;
    catalogueVersion: number;
    protectiveShare: TShare;
    byTheme: (TShare & { themeCode: string })[];
    riskLoad: number;
    locked: boolean;
  }[];
  /** One cell per timeline entry; null when the factor was not in that assessment's catalogue version. */
  grid: {
    code: string;
    kind: TFactorKind;
    domain: string;
    label: string;
    labelDa: string;
    labelEn: string;
    cells: (TFactorStateValue | null)[];
  }[];
  persistence: { code: string; label: string; run: number }[];
  coOccurrence: { count: number; codes: string[] };
  themeSeries: {
    themeCode: string;
    points: { assessmentId: string; assessedOn: string; share: number | null }[];
  }[];
}

export interface TDistribution {
  round: { id: string; name: string; period: string; opensOn: string; closesOn: string };
  total: number;
  counts: Record<TPosition, number>;
  shares: Record<TPosition, number | null>;
}

export interface TUnitWellbeing {
  unit: { id: string; name: string };
  latest: TDistribution | null;
  previous: TDistribution | null;
  followUp: {
    childId: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    assessmentId: string;
    position: TPosition;
    assessedOn: string;
    /** The round of the listed assessment: the last completed round or a later one. */
    round: { id: string; name: string };
    persistentRisks: number;
  }[];
}
