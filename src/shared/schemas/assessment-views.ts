import type { TShare } from '../../domain/measurement/factor-states.ts';
import type { TFactorStateValue, TPosition } from './assessments.ts';
import type { TFactorKind } from './factor-catalogue.ts';

// The answers of the assessment endpoints: one definition for the server that builds them and the web
// app that reads them.

export type TRoundStatus = 'upcoming' | 'open' | 'closed';

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
  /** The signed-in user's own assessment of the child in this round, if made. */
  myOwnId: string | null;
  jointId: string | null;
  jointPosition: TPosition | null;
}

export interface TRoundProgress {
  round: TRound;
  unit: { id: string; name: string };
  children: TProgressChild[];
  totals: { children: number; withOwn: number; withJoint: number; missingOwn: number; missingJoint: number };
  /** Share of the unit's children with a joint assessment, 0–100, for the progress bar. */
  percentJoint: number;
}

export interface TLockedAssessment {
  id: string;
  version: number;
  lockedAt: string;
  lockedBy: string;
}

/** The own assessments of a child in a round side by side, as the joint assessment form shows them. */
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

/** The assessment part of a child's profile: the measurement parameter per child over time. */
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
  /**
   * Factor × time: one row per factor code of the versions used, one cell per timeline entry. A cell is
   * null when the factor was not in that assessment's catalogue version.
   */
  grid: {
    code: string;
    kind: TFactorKind;
    domain: string;
    label: string;
    labelDa: string;
    labelEn: string;
    /** Whether the factor is meant for the child's age today (the grid shows these by default). */
    fitsAge: boolean;
    cells: (TFactorStateValue | null)[];
  }[];
  /** Every risk factor of the latest version: consecutive most recent joint assessments it was present in. */
  persistence: { code: string; label: string; run: number }[];
  /** Risk factors present together in the latest joint assessment. */
  coOccurrence: { count: number; codes: string[] };
  /** Protective share per theme over time (one point per timeline entry; share null when nothing was known). */
  themeSeries: {
    themeCode: string;
    points: { assessmentId: string; assessedOn: string; share: number | null }[];
  }[];
}

export interface TDistribution {
  round: { id: string; name: string; period: string; opensOn: string; closesOn: string };
  total: number;
  counts: Record<TPosition, number>;
  /** count ÷ total; null when the round has no joint assessments in the unit. */
  shares: Record<TPosition, number | null>;
}

/** A unit leader's view of the unit's wellbeing: the latest round against the one before, and who to follow up. */
export interface TUnitWellbeing {
  unit: { id: string; name: string };
  latest: TDistribution | null;
  previous: TDistribution | null;
  /**
   * Children still in the unit whose newest joint assessment is yellow or red, from the last completed round
   * on: follow up with the parents.
   */
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
    /** Risk factors present in at least the last two joint assessments in a row. */
    persistentRisks: number;
  }[];
}
