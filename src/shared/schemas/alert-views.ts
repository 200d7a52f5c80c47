import type { TRuleSetting } from '../../domain/early-warning/index.ts';

// The answers of the alert and early-warning rule endpoints: one definition for the server that builds them
// and the web app that reads them.

/** Why an alert was raised, rendered translated in the UI from `alerts:reason.<code>` with `params`. */
export interface TAlertReason {
  code: string;
  params?: Record<string, string | number | boolean | string[] | null>;
}

export interface TAlert {
  id: string;
  kind: string;
  ruleCode: string | null;
  reason: TAlertReason;
  childId: string | null;
  childName: string | null;
  /** The names of the factors the reason lists by code, in the reader's language. */
  factorLabels: Record<string, string>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** An early-warning rule as the municipality has set it. */
export interface TStoredRule extends TRuleSetting {
  /** 0 while the rule runs on its defaults (never saved). */
  version: number;
  updatedAt: string | null;
}
