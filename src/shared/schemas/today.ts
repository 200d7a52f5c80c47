/**
 * The first page's "what needs me today" (issue 14, item 1): counts only, each with the page where the work
 * is done. Nothing here names a child, so reading it is not an audited read of a child's data.
 */
export const TODAY_KEYS = [
  'followUpChildren',
  'assessmentsDue',
  'actionsOverdue',
  'actionsDueSoon',
  'meetingsSoon',
  'alertsUnread',
  'referralsUnanswered',
  'intakeWaiting',
  'intakeOverdue',
  'casesOverdue',
  'deadlinesThisWeek',
  'casesWithoutConversation',
  'casesWithoutPlan',
  'lettersFailed',
  'partnerReferralsToAnswer',
] as const;
export type TTodayKey = (typeof TODAY_KEYS)[number];

export interface TTodayItem {
  key: TTodayKey;
  count: number;
  /** The web path where the work is done, with its search parameters. */
  to: string;
  search?: Record<string, string>;
  /** Past a deadline (or a red child): shown first and marked. */
  urgent: boolean;
}

/** An admin's setup step: done or not, and where it is done. */
export interface TSetupStep {
  key: 'units' | 'users' | 'catalogue' | 'handleguide' | 'warningRules' | 'noticeTexts' | 'deadlines';
  done: boolean;
  to: string;
}

/** The municipality's protective share in the newest period with figures, through the disclosure control. */
export interface TTodayKeyFigure {
  period: string;
  n: number;
  mean: number;
  ci95: readonly [number, number] | null;
  coverage: number | null;
}

export interface TToday {
  today: string;
  items: TTodayItem[];
  setup: TSetupStep[] | null;
  keyFigure: TTodayKeyFigure | null;
}
