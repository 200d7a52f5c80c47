import { z } from 'zod';
import { ZId, ZTimestamp } from './common.ts';

// The answer of the audit log endpoint: one definition for the server that builds it and the web app that
// reads it.

/** One audit event as the admin sees it: child ids, never child names (admins hold no child data). */
export const ZAuditEvent = z.strictObject({
  /** Gap-free per municipality: the event's place in the hash chain. */
  seq: z.number().int().min(1),
  at: ZTimestamp,
  userId: ZId.nullable(),
  userName: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: ZId.nullable(),
  childId: ZId.nullable(),
  /** Why the event happened: the relation or the task (decision 021). */
  purpose: z.string(),
  ip: z.string().nullable(),
  /** The written reason of a CPR reveal, when there is one. */
  reason: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
