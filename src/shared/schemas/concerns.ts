import { z } from 'zod';
import { RULE_CODES, ZRuleParams } from '../../domain/early-warning/index.ts';
import { ZId, ZIsoDate, ZPaging, ZText, ZVersion } from './common.ts';
import { ZNoticeExceptionRequest } from './notices.ts';

/** Who recorded a concern, by profession (the early-warning rule counts distinct professions). */
export const PROFESSIONS = [
  'leader',
  'teacher',
  'pedagogue',
  'socialWorker',
  'healthVisitor',
  'ppr',
  'ssp',
  'other',
] as const;
export type TProfession = (typeof PROFESSIONS)[number];

export const ZSignCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-zA-Z0-9]{1,40}$/);
export const ZLevel = z.number().int().min(1).max(4);

export const ZCreateConcernRequest = z.strictObject({
  /** Absent or null: an anonymous concern, for anonymous consultation. */
  childId: ZId.nullish(),
  /** The unit the author records from; by default the child's unit (or the author's first unit). */
  unitId: ZId.optional(),
  profession: z.enum(PROFESSIONS).optional(),
  signs: z.array(ZSignCode).min(1).max(30),
  description: ZText(4000),
  factorCodes: z.array(z.string().trim().min(1).max(40)).max(40).default([]),
  level: ZLevel,
  /** A handleguide action suggested for the signs at the chosen level, or null with a free-text action. */
  actionCode: ZSignCode.nullish(),
  actionText: z.string().trim().max(500).optional(),
  /**
   * Telling the parents now would put the child at risk (issue 23): the exception is recorded with the
   * concern, in the same transaction, so its notice is held back from the start.
   */
  noticeException: ZNoticeExceptionRequest.omit({ concernId: true }).optional(),
});
export type TCreateConcernRequest = z.infer<typeof ZCreateConcernRequest>;

export const ZFindConcernsQuery = ZPaging.extend({
  level: z.coerce.number().int().min(1).max(4).optional(),
  anonymous: z.enum(['true', 'false']).optional(),
});
export type TFindConcernsQuery = z.infer<typeof ZFindConcernsQuery>;

export const ZHandleguideLink = z.strictObject({
  label: ZText(120),
  url: z.url({ protocol: /^https?$/ }).max(500),
});

export const ZHandleguideAction = z.strictObject({
  level: ZLevel,
  code: ZSignCode,
  titleDa: ZText(200),
  titleEn: ZText(200),
  guidanceDa: z.string().trim().max(2000).default(''),
  guidanceEn: z.string().trim().max(2000).default(''),
  links: z.array(ZHandleguideLink).max(10).default([]),
});
export type THandleguideActionInput = z.infer<typeof ZHandleguideAction>;

export const ZSignCodeParams = z.strictObject({ code: ZSignCode });

/** A sign and its actions, saved as a whole. Without `version` it is created; with it, the stored one is replaced. */
export const ZSaveSignRequest = z
  .strictObject({
    version: ZVersion.optional(),
    labelDa: ZText(120),
    labelEn: ZText(120),
    acute: z.boolean(),
    active: z.boolean().default(true),
    sortOrder: z.number().int().min(0).max(10_000).default(0),
    actions: z.array(ZHandleguideAction).max(40),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.actions.forEach((a, i) => {
      if (seen.has(a.code))
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'code'],
          params: { key: 'field.duplicateAction' },
        });
      seen.add(a.code);
      if (s.acute && a.level !== 4)
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'level'],
          params: { key: 'field.acuteNeedsNotification' },
        });
    });
  });
export type TSaveSignRequest = z.infer<typeof ZSaveSignRequest>;

export const ZFindAlertsQuery = ZPaging.extend({ unreadOnly: z.enum(['true', 'false']).optional() });
export type TFindAlertsQuery = z.infer<typeof ZFindAlertsQuery>;

export const ZRuleCodeParams = z.strictObject({ code: z.enum(RULE_CODES) });

export const ZSaveRuleRequest = z.strictObject({
  enabled: z.boolean(),
  params: z.record(z.string(), z.unknown()),
  /** 0 when the rule has never been saved (it runs on its defaults). */
  version: z.number().int().min(0).max(2_147_483_647),
});
export type TSaveRuleRequest = z.infer<typeof ZSaveRuleRequest>;
export { ZRuleParams };

export const ZSetCoordinatorRequest = z.strictObject({
  userId: ZId,
  parentsInformedOn: ZIsoDate.nullish(),
  parentsInformedNote: z.string().trim().max(500).nullish(),
  /** The current coordinator's version when replacing one; absent when the child has none. */
  version: ZVersion.optional(),
});
export type TSetCoordinatorRequest = z.infer<typeof ZSetCoordinatorRequest>;
