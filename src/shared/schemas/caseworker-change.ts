import { z } from 'zod';
import { ZId, ZIsoDate, ZVersion } from './common.ts';

export const ZProposeChangeRequest = z.strictObject({
  leavingUserId: ZId,
  /** The day the new caseworkers take over (written in the letters). */
  effectiveOn: ZIsoDate,
});
export type TProposeChangeRequest = z.infer<typeof ZProposeChangeRequest>;

export const ZConfirmChangeRequest = z.strictObject({
  version: ZVersion,
  /** Every open case of the change with its new caseworker (the proposal, adjusted by the manager). */
  assignments: z.array(z.strictObject({ caseId: ZId, targetUserId: ZId })).max(5000),
});
export type TConfirmChangeRequest = z.infer<typeof ZConfirmChangeRequest>;

export const CHANGE_STATUSES = ['proposed', 'running', 'done'] as const;
export type TChangeStatus = (typeof CHANGE_STATUSES)[number];

export interface TCaseworkerChange {
  id: string;
  leaving: { id: string; name: string };
  effectiveOn: string;
  status: TChangeStatus;
  total: number;
  processed: number;
  lettersQueued: number;
  percent: number;
  version: number;
  createdAt: string;
  confirmedAt: string | null;
  finishedAt: string | null;
  items: {
    caseId: string;
    reference: string;
    childName: string;
    teamId: string;
    teamName: string;
    proposedUserId: string | null;
    targetUserId: string | null;
    done: boolean;
  }[];
  teams: { id: string; name: string; caseworkers: { id: string; name: string; openCases: number }[] }[];
}

export interface TCaseworkerChangeSummary {
  id: string;
  leaving: { id: string; name: string };
  effectiveOn: string;
  status: TChangeStatus;
  total: number;
  processed: number;
  lettersQueued: number;
  createdAt: string;
}
