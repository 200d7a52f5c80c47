import { z } from 'zod';
import { WEEKDAYS } from '../../domain/offers/offer-rules.ts';
import { ZId, ZPaging, ZText, ZVersion } from './common.ts';

export const PROVIDER_KINDS = ['municipalUnit', 'civilSociety', 'association', 'business'] as const;
export type TProviderKind = (typeof PROVIDER_KINDS)[number];
export const OFFER_STATUSES = ['active', 'paused', 'closed'] as const;
export type TOfferStatus = (typeof OFFER_STATUSES)[number];
export const OFFER_ACCESS = ['referral', 'direct'] as const;
export type TOfferAccess = (typeof OFFER_ACCESS)[number];

/** Optional text: trimmed, bounded, empty when left out. */
const ZOptText = (max: number) => z.string().trim().max(max);
const ZCount = z.number().int().min(0).max(100_000);
const ZAge = z.number().int().min(0).max(25);

export const ZOfferKindCode = z
  .string()
  .refine((v) => /^[a-z][a-zA-Z0-9]{1,39}$/.test(v), { params: { key: 'field.offerKindCode' } });

const ZTimeOfDay = z
  .string()
  .refine((v) => /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(v), { params: { key: 'field.timeOfDay' } });

export const ZSession = z.strictObject({
  day: z.enum(WEEKDAYS),
  opensAt: ZTimeOfDay,
  closesAt: ZTimeOfDay,
});

/** A protective factor's code as the catalogue writes it (P-ORGANISED-LEISURE). */
const ZFactorCode = z
  .string()
  .refine((v) => /^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(v), { params: { key: 'field.invalidFactorCode' } });

const ZEmailOrEmpty = z.union([z.literal(''), z.email().max(200)]);

/**
 * An offer's fields, none defaulted: the edit takes any of them, the create adds the defaults. Rules that join
 * fields (age range, capacity, sessions) are checked on the merged offer (src/domain/offers/offer-rules.ts).
 */
const OFFER_FIELDS = {
  kind: ZOfferKindCode,
  name: ZText(200),
  description: ZText(4000),
  ageFrom: ZAge,
  ageTo: ZAge,
  eligibility: ZOptText(2000),
  costDkk: z.number().int().min(0).max(1_000_000),
  costNote: ZOptText(500),
  leisurePass: z.boolean(),
  districtId: ZId.nullable(),
  placeName: ZOptText(200),
  address: ZOptText(200),
  postalCode: z
    .string()
    .trim()
    .refine((v) => /^([0-9]{4})?$/.test(v), { params: { key: 'field.postalCode' } }),
  city: ZOptText(100),
  schedule: z.array(ZSession).max(14),
  scheduleNote: ZOptText(500),
  languages: z
    .array(z.string().refine((v) => /^[a-z]{2}$/.test(v), { params: { key: 'field.languageCode' } }))
    .min(1)
    .max(20),
  contactName: ZOptText(200),
  contactPhone: ZOptText(40),
  contactEmail: ZEmailOrEmpty,
  access: z.enum(OFFER_ACCESS),
  status: z.enum(OFFER_STATUSES),
  capacityTotal: ZCount.nullable(),
  capacityFree: ZCount.nullable(),
  factorCodes: z.array(ZFactorCode).max(20),
  ownerId: ZId.nullable(),
};

export const ZCreateOfferRequest = z.strictObject({
  providerId: ZId,
  ...OFFER_FIELDS,
  eligibility: OFFER_FIELDS.eligibility.default(''),
  costDkk: OFFER_FIELDS.costDkk.default(0),
  costNote: OFFER_FIELDS.costNote.default(''),
  leisurePass: OFFER_FIELDS.leisurePass.default(false),
  districtId: OFFER_FIELDS.districtId.default(null),
  placeName: OFFER_FIELDS.placeName.default(''),
  address: OFFER_FIELDS.address.default(''),
  postalCode: OFFER_FIELDS.postalCode.default(''),
  city: OFFER_FIELDS.city.default(''),
  schedule: OFFER_FIELDS.schedule.default([]),
  scheduleNote: OFFER_FIELDS.scheduleNote.default(''),
  languages: OFFER_FIELDS.languages.default(['da']),
  contactName: OFFER_FIELDS.contactName.default(''),
  contactPhone: OFFER_FIELDS.contactPhone.default(''),
  contactEmail: OFFER_FIELDS.contactEmail.default(''),
  status: OFFER_FIELDS.status.default('active'),
  capacityTotal: OFFER_FIELDS.capacityTotal.default(null),
  capacityFree: OFFER_FIELDS.capacityFree.default(null),
  factorCodes: OFFER_FIELDS.factorCodes.default([]),
  ownerId: OFFER_FIELDS.ownerId.default(null),
});
export type TCreateOfferRequest = z.infer<typeof ZCreateOfferRequest>;
/** What a client sends: the defaulted fields may be left out. */
export type TCreateOfferInput = z.input<typeof ZCreateOfferRequest>;

/** An edit: the version read and any of the fields (an offer never moves to another provider). */
export const ZUpdateOfferRequest = z.strictObject(OFFER_FIELDS).partial().extend({ version: ZVersion });
export type TUpdateOfferRequest = z.infer<typeof ZUpdateOfferRequest>;

export const ZFindOffersQuery = ZPaging.extend({
  q: z.string().trim().max(100).optional(),
  kind: ZOfferKindCode.optional(),
  status: z.enum(OFFER_STATUSES).optional(),
  providerId: ZId.optional(),
  districtId: ZId.optional(),
  /** A child's age: offers whose range includes it. */
  age: z.coerce.number().int().min(0).max(25).optional(),
  factorCode: ZFactorCode.optional(),
});
export type TFindOffersQuery = z.infer<typeof ZFindOffersQuery>;

const PROVIDER_FIELDS = {
  name: ZText(200),
  kind: z.enum(PROVIDER_KINDS),
  unitId: ZId.nullable(),
  description: ZOptText(2000),
  website: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(300)]),
  email: ZEmailOrEmpty,
  phone: ZOptText(40),
  active: z.boolean(),
};

export const ZCreateProviderRequest = z.strictObject({
  ...PROVIDER_FIELDS,
  unitId: PROVIDER_FIELDS.unitId.default(null),
  description: PROVIDER_FIELDS.description.default(''),
  website: PROVIDER_FIELDS.website.default(''),
  email: PROVIDER_FIELDS.email.default(''),
  phone: PROVIDER_FIELDS.phone.default(''),
  active: PROVIDER_FIELDS.active.default(true),
});
export type TCreateProviderRequest = z.infer<typeof ZCreateProviderRequest>;

export const ZUpdateProviderRequest = z.strictObject(PROVIDER_FIELDS).partial().extend({ version: ZVersion });
export type TUpdateProviderRequest = z.infer<typeof ZUpdateProviderRequest>;

export const ZProviderMemberRequest = z.strictObject({ userId: ZId });
export const ZProviderMemberParams = z.strictObject({ id: ZId, userId: ZId });

export const ZCreateOfferKindRequest = z.strictObject({
  code: ZOfferKindCode,
  labelDa: ZText(100),
  labelEn: ZText(100),
  leisure: z.boolean().default(false),
  position: z.number().int().min(1).max(1000).default(100),
});
export type TCreateOfferKindRequest = z.infer<typeof ZCreateOfferKindRequest>;

export const ZUpdateOfferKindRequest = z.strictObject({
  version: ZVersion,
  labelDa: ZText(100).optional(),
  labelEn: ZText(100).optional(),
  leisure: z.boolean().optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(1).max(1000).optional(),
});
export type TUpdateOfferKindRequest = z.infer<typeof ZUpdateOfferKindRequest>;

export const ZOfferKindParams = z.strictObject({ code: ZOfferKindCode });

/** `download=true` asks for the HSDS export as a file to save. */
export const ZHsdsQuery = z.strictObject({ download: z.enum(['true', 'false']).optional() });
