import { z } from 'zod';
import { ZCpr, ZGender, ZId, ZIsoDate, ZPaging, ZText } from './common.ts';

export const ZFindChildrenQuery = ZPaging.extend({
  q: z.string().trim().max(100).optional(),
  unitId: ZId.optional(),
}).strict();
export type TFindChildrenQuery = z.infer<typeof ZFindChildrenQuery>;

export const ZRevealCprRequest = z.strictObject({
  reason: z.string().trim().min(5).max(500),
});
export type TRevealCprRequest = z.infer<typeof ZRevealCprRequest>;

export const ZCreateChildRequest = z.strictObject({
  firstName: ZText(100),
  lastName: ZText(100),
  cpr: ZCpr,
  gender: ZGender.optional(),
  unitId: ZId,
  groupName: ZText(50).optional(),
  fromDate: ZIsoDate,
});
export type TCreateChildRequest = z.infer<typeof ZCreateChildRequest>;
