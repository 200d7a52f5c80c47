import { z } from 'zod';
import {
  LEISURE_PASS_GRANT_ROLES,
  type TLeisurePassGrantRole,
  type TLeisurePassStatus,
} from '../../domain/offers/leisure-pass.ts';
import { ZId, ZVersion } from './common.ts';

export { LEISURE_PASS_GRANT_ROLES, LEISURE_PASS_STATUSES } from '../../domain/offers/leisure-pass.ts';
export type { TLeisurePassGrantRole, TLeisurePassStatus };

/** The municipality's leisure pass: on or off, the amount per child per year, who grants, when a pass is unused. */
export const ZLeisurePassSettingsRequest = z.strictObject({
  version: ZVersion,
  enabled: z.boolean(),
  amountPerYearDkk: z.number().int().min(0).max(100_000),
  grantRoles: z
    .array(z.enum(LEISURE_PASS_GRANT_ROLES))
    .min(1)
    .max(LEISURE_PASS_GRANT_ROLES.length)
    .refine((r) => new Set(r).size === r.length, { params: { key: 'field.duplicateRole' } }),
  unusedWeeks: z.number().int().min(1).max(52),
});
export type TLeisurePassSettingsRequest = z.infer<typeof ZLeisurePassSettingsRequest>;

/** A pass granted to a child for an offer the pass may pay, of kroner within what is left of the year. */
export const ZGrantLeisurePassRequest = z.strictObject({
  childId: ZId,
  offerId: ZId,
  amountDkk: z.number().int().min(1).max(100_000),
});
export type TGrantLeisurePassRequest = z.infer<typeof ZGrantLeisurePassRequest>;

/** A granted pass is redeemed (the child uses it) or cancelled (the amount returns to the child's budget). */
export const ZUpdateLeisurePassRequest = z.strictObject({
  version: ZVersion,
  status: z.enum(['redeemed', 'cancelled']),
  note: z.string().trim().max(1000).optional(),
});
export type TUpdateLeisurePassRequest = z.infer<typeof ZUpdateLeisurePassRequest>;

export interface TLeisurePassSettings {
  enabled: boolean;
  amountPerYearDkk: number;
  grantRoles: TLeisurePassGrantRole[];
  unusedWeeks: number;
  version: number;
  updatedAt: string | null;
}

export interface TLeisurePass {
  id: string;
  childId: string;
  offer: { id: string; name: string; providerName: string };
  amountDkk: number;
  grantedOn: string;
  grantedBy: { id: string; name: string };
  status: TLeisurePassStatus;
  statusAt: string;
  note: string | null;
  /** Still granted `unusedWeeks` or more after it was granted. */
  unused: boolean;
  version: number;
}

/** A child's passes with the year's budget: the amount, what is used and what is left. */
export interface TChildLeisurePasses {
  enabled: boolean;
  year: number;
  amountPerYearDkk: number;
  usedDkk: number;
  leftDkk: number;
  unusedWeeks: number;
  /** Whether the signed-in user's role may grant the pass (the municipality's setting). */
  canGrant: boolean;
  items: TLeisurePass[];
}
