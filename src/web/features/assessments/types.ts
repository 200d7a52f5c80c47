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

// The assessment document and the answers are the server's own types: one definition for both sides.
export type { TAssessment, TAssessmentFactor } from '../../../shared/assessment-document';
export type {
  TChildAssessments,
  TChildRef,
  TDistribution,
  TLockedAssessment,
  TOwnAssessments,
  TProgressChild,
  TRound,
  TRoundProgress,
  TRoundStatus,
  TUnitWellbeing,
} from '../../../shared/schemas/assessment-views';
export type {
  TCatalogue,
  TFactor as TCatalogueFactor,
  TFactorKind,
} from '../../../shared/schemas/factor-catalogue';
export type { TAssessmentMode, TChildVoice, TFactorStateValue, TParentsView, TPosition, TShare };

// Request bodies are the server's own schemas (their input side, before defaults apply).
export type TCreateRoundInput = z.input<typeof ZCreateRoundRequest>;
export type TCreateAssessmentInput = z.input<typeof ZCreateAssessmentRequest>;
export type TUpdateAssessmentInput = z.input<typeof ZUpdateAssessmentRequest>;

/** The round progress page's filters. */
export const SHOW = ['all', 'missingOwn', 'missingMine', 'missingJoint', 'withJoint'] as const;
export type TShow = (typeof SHOW)[number];
