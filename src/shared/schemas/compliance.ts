import { z } from 'zod';
import { ZIsoDate } from './common.ts';

export const ZComplianceQuery = z
  .strictObject({ from: ZIsoDate, to: ZIsoDate })
  .refine((q) => q.to >= q.from, { path: ['to'], params: { key: 'field.endBeforeStart' } });
export type TComplianceQuery = z.infer<typeof ZComplianceQuery>;

export interface TComplianceShare {
  total: number;
  onTime: number;
  share: number | null;
}

export interface TComplianceRow {
  key: string;
  name: string;
  scope: 'team' | 'municipality';
  /** Notifications assessed within 24 hours (per the municipality's setting). */
  notified: TComplianceShare;
  /** Receipts to professional notifiers within 6 weekdays. */
  receipts: TComplianceShare;
  /** § 20 child assessments finished within 4 months. */
  assessment: TComplianceShare;
  /** § 91 plans within 3 months of the first § 32 measure. */
  plan: TComplianceShare;
  /** § 95 follow-ups held by their due date. */
  followUp: TComplianceShare;
  /** Mean change in protective share (0–1) for children with cases; null when suppressed. */
  protective: { n: number; meanChange: number | null; suppressed: boolean };
}

export interface TComplianceReport {
  period: { from: string; to: string };
  rows: TComplianceRow[];
}
