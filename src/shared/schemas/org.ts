import { z } from 'zod';
import { UNIT_KINDS } from '../permissions.ts';
import { ZId, ZText, ZVersion } from './common.ts';

export const ZUnitKind = z.enum(UNIT_KINDS);

export const ZFindUnitsQuery = z.strictObject({ kind: ZUnitKind.optional() });
export type TFindUnitsQuery = z.infer<typeof ZFindUnitsQuery>;

export const ZCreateUnitRequest = z.strictObject({
  name: ZText(120),
  kind: ZUnitKind,
  districtId: ZId.nullable().optional(),
});
export type TCreateUnitRequest = z.infer<typeof ZCreateUnitRequest>;

export const ZUpdateUnitRequest = z.strictObject({
  version: ZVersion,
  name: ZText(120).optional(),
  kind: ZUnitKind.optional(),
  districtId: ZId.nullable().optional(),
});
export type TUpdateUnitRequest = z.infer<typeof ZUpdateUnitRequest>;
