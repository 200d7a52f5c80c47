import { z } from 'zod';
import { ZId, ZIsoDate, ZTimestamp } from './common.ts';

// Network involvement considered (issue 16, item 3): what was decided about involving the child's network.

export const NETWORK_CONSIDERATION_DECISIONS = ['conference', 'networkMeeting', 'notNow'] as const;
export type TNetworkConsiderationDecision = (typeof NETWORK_CONSIDERATION_DECISIONS)[number];

export const ZNetworkConsiderationRequest = z.strictObject({
  consideredOn: ZIsoDate,
  decision: z.enum(NETWORK_CONSIDERATION_DECISIONS),
  /** Why not now (required then), or a note on the decision. */
  reason: z.string().trim().max(2000).default(''),
});
export type TNetworkConsiderationRequest = z.infer<typeof ZNetworkConsiderationRequest>;
export type TNetworkConsiderationInput = z.input<typeof ZNetworkConsiderationRequest>;

export const ZNetworkConsideration = z.strictObject({
  id: ZId,
  consideredOn: z.string(),
  decision: z.enum(NETWORK_CONSIDERATION_DECISIONS),
  reason: z.string(),
  /** Where it was considered: in a case, or in a unit (a concern's meeting). */
  context: z.enum(['case', 'unit']),
  recordedBy: z.string(),
  recordedAt: ZTimestamp,
});
export type TNetworkConsideration = z.infer<typeof ZNetworkConsideration>;

export const ZNetworkConsiderations = z.strictObject({
  items: z.array(ZNetworkConsideration),
  canWrite: z.boolean(),
});
export type TNetworkConsiderations = z.infer<typeof ZNetworkConsiderations>;
