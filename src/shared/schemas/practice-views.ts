import type { TPeriodKind, TPracticeCell } from '../../domain/practice/practice-figures.ts';

// The practice analytics answer: one definition for the server that builds it and the web app that reads it.

export interface TPracticeAnalytics {
  /** The first and last day of the whole periods counted (the asked range, widened to whole periods). */
  from: string;
  to: string;
  groupBy: 'unit' | 'profession';
  period: TPeriodKind;
  scope: 'municipality' | 'units';
  cells: TPracticeCell[];
}
