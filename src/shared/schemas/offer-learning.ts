import { z } from 'zod';
import { ZText, ZVersion } from './common.ts';
import type { TOfferStatus } from './offers.ts';

/**
 * Intervention learning (issue 15, item 9; decision 026). Per offer and per kind of offer: the change in the
 * protective share from the last joint assessment before a child started to the first one at least
 * `followUpMonths` after, with its 95 % interval, against comparable children who did not start. Figures about
 * fewer than five children are withheld (null, `hidden: true`) by the measurement's disclosure rule.
 */
export const DEFAULT_FOLLOW_UP_MONTHS = 6;

export interface TLearningCell {
  /** Children with both assessments; null when hidden. */
  n: number | null;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  ci95: readonly [number, number] | null;
  /** Starters only: n ÷ the children who started. */
  coverage: number | null;
  hidden: boolean;
}

export interface TLearningFigures {
  overall: TLearningCell;
  themes: { themeCode: string; cell: TLearningCell }[];
}

export interface TLearningGroup {
  /** Children who started (with or without assessments). */
  started: number;
  starters: TLearningFigures;
  /** Comparable children who did not start: same age band and wellbeing position at the first assessment. */
  reference: TLearningFigures;
}

export const OFFER_DECISIONS = ['continue', 'adjust', 'close'] as const;
export type TOfferDecisionKind = (typeof OFFER_DECISIONS)[number];

export interface TOfferDecision {
  id: string;
  offerId: string;
  decision: TOfferDecisionKind;
  reason: string;
  decidedBy: { id: string; name: string };
  decidedAt: string;
}

export interface TLearningOffer extends TLearningGroup {
  offerId: string;
  name: string;
  kind: string;
  status: TOfferStatus;
  version: number;
  /** Newest first. */
  decisions: TOfferDecision[];
}

export interface TLearningKind extends TLearningGroup {
  kind: string;
}

export interface TLearning {
  followUpMonths: number;
  settingsVersion: number;
  themes: { code: string; nameDa: string; nameEn: string }[];
  kinds: TLearningKind[];
  offers: TLearningOffer[];
}

export const ZOfferDecisionRequest = z.strictObject({
  decision: z.enum(OFFER_DECISIONS),
  reason: ZText(2000),
});
export type TOfferDecisionRequest = z.infer<typeof ZOfferDecisionRequest>;

export const ZLearningSettingsRequest = z.strictObject({
  version: ZVersion,
  followUpMonths: z.number().int().min(1).max(36),
});
export type TLearningSettingsRequest = z.infer<typeof ZLearningSettingsRequest>;
