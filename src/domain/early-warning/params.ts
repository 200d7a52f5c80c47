import { z } from 'zod';
import type { TRuleCode } from './facts.ts';

/** Each rule's parameters, with the defaults the issue names. Shared by the admin form and the server. */
export const ZRuleParams = {
  concernsFromProfessions: z.strictObject({
    minConcerns: z.number().int().min(2).max(50).default(3),
    minProfessions: z.number().int().min(1).max(10).default(2),
    days: z.number().int().min(1).max(730).default(60),
  }),
  moveToRed: z.strictObject({
    /** Whether a child's first joint assessment in red counts as a move to red. */
    includeFirst: z.boolean().default(true),
  }),
  persistentRisk: z.strictObject({
    consecutive: z.number().int().min(2).max(10).default(2),
  }),
  absenceWithNewRisk: z.strictObject({
    days: z.number().int().min(1).max(730).default(60),
    absenceSign: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9]{1,40}$/)
      .default('beginningAbsence'),
  }),
} as const satisfies Record<TRuleCode, z.ZodType>;

export type TRuleParams = { [K in TRuleCode]: z.output<(typeof ZRuleParams)[K]> };

export function defaultParams<K extends TRuleCode>(code: K): TRuleParams[K] {
  return ZRuleParams[code].parse({}) as TRuleParams[K];
}

/** Stored params read leniently: unknown keys dropped, missing or broken ones fall back to the default. */
export function readParams<K extends TRuleCode>(code: K, stored: unknown): TRuleParams[K] {
  const base = defaultParams(code) as Record<string, unknown>;
  const merged = { ...base };
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(base)) {
      const value = (stored as Record<string, unknown>)[key];
      if (value !== undefined) merged[key] = value;
    }
  }
  const parsed = ZRuleParams[code].safeParse(merged);
  return (parsed.success ? parsed.data : base) as TRuleParams[K];
}
