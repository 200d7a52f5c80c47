import { z } from 'zod';
import { ZPaging } from './common.ts';

export const LETTER_STATUSES = ['queued', 'sent', 'failed'] as const;
export type TLetterStatus = (typeof LETTER_STATUSES)[number];

export const ZFindLettersQuery = ZPaging.extend({
  status: z.enum(LETTER_STATUSES).optional(),
  kind: z
    .string()
    .regex(/^[a-zA-Z]{1,40}$/)
    .optional(),
});
export type TFindLettersQuery = z.infer<typeof ZFindLettersQuery>;

/** One letter in the outbox view: no PDF bytes (download separately), no address beyond the name. */
export interface TLetterSummary {
  id: string;
  kind: string;
  subject: string;
  recipientName: string;
  childId: string | null;
  status: TLetterStatus;
  attempts: number;
  lastError: string | null;
  transport: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
}

export interface TLetterCounts {
  queued: number;
  sent: number;
  failed: number;
}
