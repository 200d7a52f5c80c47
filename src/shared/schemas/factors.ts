import { z } from 'zod';
import { ZText } from './common.ts';

export const FACTOR_DOMAINS = [
  'development',
  'parenting',
  'familyNetwork',
  'schoolDaycare',
  'peersLeisure',
  'community',
] as const;

const ZFactorFields = z.strictObject({
  code: z
    .string()
    .trim()
    .refine((c) => /^[A-Z][A-Z0-9-]{1,30}$/.test(c), { params: { key: 'field.invalidFactorCode' } }),
  kind: z.enum(['risk', 'protective']),
  domain: z.enum(FACTOR_DOMAINS),
  ageFrom: z.number().int().min(0).max(23).default(0),
  ageTo: z.number().int().min(0).max(23).default(17),
  labelDa: ZText(120),
  labelEn: ZText(120),
  descriptionDa: z.string().trim().max(1000).default(''),
  descriptionEn: z.string().trim().max(1000).default(''),
  evidenceNote: z.string().trim().max(1000).default(''),
  themeCodes: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
});

export const ZCreateFactorRequest = ZFactorFields.refine((f) => f.ageTo >= f.ageFrom, {
  path: ['ageTo'],
  params: { key: 'field.ageRange' },
});
export type TCreateFactorRequest = z.infer<typeof ZCreateFactorRequest>;

export const ZUpdateFactorRequest = ZFactorFields.partial().omit({ code: true });
export type TUpdateFactorRequest = z.infer<typeof ZUpdateFactorRequest>;

export const ZCatalogueFactorParams = z.strictObject({ id: z.uuid(), factorId: z.uuid() });
