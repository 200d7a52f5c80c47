import { z } from 'zod';
import { INFO_KINDS } from '../../domain/sharing/sharing-rule.ts';
import { ZId, ZIsoDate, ZText, ZVersion } from './common.ts';
import { PROFESSIONS } from './professions.ts';

export type { TInfoKind } from '../../domain/sharing/sharing-rule.ts';
export { INFO_KINDS };

/**
 * A written consent: who gave it (guardians with custody, and/or the young person), which kinds of
 * information, to which recipients (units, professions and/or providers of offers), for which purpose, and for
 * how long.
 */
export const ZCreateConsentRequest = z
  .strictObject({
    guardianIds: z.array(ZId).max(4).default([]),
    youngPerson: z.boolean().default(false),
    infoKinds: z.array(z.enum(INFO_KINDS)).min(1).max(INFO_KINDS.length),
    recipientUnitIds: z.array(ZId).max(50).default([]),
    recipientProfessions: z.array(z.enum(PROFESSIONS)).max(PROFESSIONS.length).default([]),
    /** Providers of offers the child may be referred to (issue 15). */
    recipientProviderIds: z.array(ZId).max(20).default([]),
    purpose: ZText(1000),
    signedOn: ZIsoDate,
    validFrom: ZIsoDate,
    validTo: ZIsoDate,
  })
  .refine(
    (c) => c.recipientUnitIds.length + c.recipientProfessions.length + c.recipientProviderIds.length > 0,
    {
      path: ['recipients'],
      params: { key: 'field.consentNoRecipients' },
    },
  )
  .refine((c) => c.guardianIds.length > 0 || c.youngPerson, {
    path: ['guardianIds'],
    params: { key: 'field.consentNoGiver' },
  })
  .refine((c) => c.validTo >= c.validFrom, {
    path: ['validTo'],
    params: { key: 'field.consentEndsBeforeStart' },
  });
export type TCreateConsentRequest = z.infer<typeof ZCreateConsentRequest>;

export const ZWithdrawConsentRequest = z.strictObject({
  version: ZVersion,
  note: z.string().trim().max(500).optional(),
});
export type TWithdrawConsentRequest = z.infer<typeof ZWithdrawConsentRequest>;

export const CONSENT_STATUSES = ['valid', 'pending', 'expired', 'withdrawn'] as const;
export type TConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface TConsent {
  id: string;
  childId: string;
  guardians: { id: string; name: string }[];
  youngPerson: boolean;
  infoKinds: (typeof INFO_KINDS)[number][];
  recipientUnits: { id: string; name: string }[];
  recipientProfessions: string[];
  recipientProviders: { id: string; name: string }[];
  purpose: string;
  signedOn: string;
  validFrom: string;
  validTo: string;
  status: TConsentStatus;
  withdrawnAt: string | null;
  createdAt: string;
  createdBy: string;
  version: number;
}

export interface TConsentsOfChild {
  child: { id: string; name: string; age: number };
  custodians: { id: string; name: string; relation: string }[];
  consents: TConsent[];
}
