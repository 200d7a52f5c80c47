import { z } from 'zod';
import { ZId, ZIsoDate, ZText, ZVersion } from './common.ts';

// Network persons (issue 16, item 1): the people around a child who can support it, shared across the siblings
// of a family. Not users: no login, only what the professionals record about them.

export const NETWORK_RELATIONS = [
  'grandparent',
  'auntUncle',
  'otherRelative',
  'neighbour',
  'friendsParent',
  'familyFriend',
  'teacher',
  'coach',
  'mentor',
  'other',
] as const;
export type TNetworkRelation = (typeof NETWORK_RELATIONS)[number];

/** Whether the person supports the child, burdens it, or both. */
export const NETWORK_ROLES = ['resource', 'strain', 'both'] as const;
export type TNetworkRole = (typeof NETWORK_ROLES)[number];

/** The tie the network map draws. */
export const NETWORK_TIES = ['strong', 'weak', 'strained'] as const;
export type TNetworkTie = (typeof NETWORK_TIES)[number];

export const NETWORK_AGREEMENTS = ['agreed', 'declined', 'notAsked'] as const;
export type TNetworkAgreement = (typeof NETWORK_AGREEMENTS)[number];

/** A phone number as written (spaces, dashes and dots allowed), kept as digits with an optional leading +. */
const ZPhone = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.()-]/g, ''))
  .refine((s) => s === '' || /^\+?[0-9]{8,15}$/.test(s), { params: { key: 'field.invalidPhone' } })
  .transform((s) => (s === '' ? null : s));

const ZEmail = z
  .string()
  .trim()
  .refine((s) => s === '' || z.email().max(254).safeParse(s).success, {
    params: { key: 'field.invalidEmail' },
  })
  .transform((s) => (s === '' ? null : s.toLowerCase()));

/** The person's link to one child: the tie, a step or foster relation, and the child's own agreement. */
export const ZNetworkChildLink = z.strictObject({
  childId: ZId,
  tie: z.enum(NETWORK_TIES),
  step: z.boolean().default(false),
  /** Asked from the municipality's age (default 12); ignored below it. */
  childAgreement: z.enum(NETWORK_AGREEMENTS).optional(),
});
export type TNetworkChildLink = z.infer<typeof ZNetworkChildLink>;

const PERSON_FIELDS = {
  name: ZText(200),
  relation: z.enum(NETWORK_RELATIONS),
  relationNote: z.string().trim().max(200).default(''),
  // `prefault`: an absent field is parsed as '' (and so becomes null), not passed through as it is.
  phone: ZPhone.prefault(''),
  email: ZEmail.prefault(''),
  role: z.enum(NETWORK_ROLES),
  canOffer: z.string().trim().max(1000).default(''),
  guardiansAgreement: z.enum(NETWORK_AGREEMENTS),
  guardiansAgreedOn: ZIsoDate.nullable().default(null),
  /** The children of one family the person is in the network of (at least the child it is recorded for). */
  children: z.array(ZNetworkChildLink).min(1).max(12),
};

const noChildTwice = (p: { children: { childId: string }[] }) =>
  new Set(p.children.map((c) => c.childId)).size === p.children.length;
const agreedOnNeedsAgreement = (p: { guardiansAgreement: string; guardiansAgreedOn: string | null }) =>
  p.guardiansAgreedOn === null || p.guardiansAgreement === 'agreed';

export const ZCreateNetworkPersonRequest = z
  .strictObject(PERSON_FIELDS)
  .refine(noChildTwice, { path: ['children'], params: { key: 'field.networkChildTwice' } })
  .refine(agreedOnNeedsAgreement, {
    path: ['guardiansAgreedOn'],
    params: { key: 'field.agreedOnWithoutAgreement' },
  });
export type TCreateNetworkPersonRequest = z.infer<typeof ZCreateNetworkPersonRequest>;
export type TCreateNetworkPersonInput = z.input<typeof ZCreateNetworkPersonRequest>;

/**
 * A change: the fields as a whole, and the links to the children the user reaches (links to children they do not
 * reach are kept as they are).
 */
export const ZUpdateNetworkPersonRequest = z
  .strictObject({ ...PERSON_FIELDS, version: ZVersion })
  .refine(noChildTwice, { path: ['children'], params: { key: 'field.networkChildTwice' } })
  .refine(agreedOnNeedsAgreement, {
    path: ['guardiansAgreedOn'],
    params: { key: 'field.agreedOnWithoutAgreement' },
  });
export type TUpdateNetworkPersonRequest = z.infer<typeof ZUpdateNetworkPersonRequest>;
export type TUpdateNetworkPersonInput = z.input<typeof ZUpdateNetworkPersonRequest>;

export const ZNetworkSettingsRequest = z.strictObject({
  childAgreementAge: z.number().int().min(7).max(18),
  /** A conference's review is set at approval within this many months. */
  conferenceReviewMonths: z.number().int().min(1).max(12),
  /** 0 before the municipality has saved its first setting. */
  version: z.number().int().min(0).max(2_147_483_647),
});
export type TNetworkSettingsRequest = z.infer<typeof ZNetworkSettingsRequest>;
