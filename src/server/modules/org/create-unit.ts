import type { TCreateUnitRequest } from '../../../shared/schemas/org.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { getUnit } from './find-units.ts';
import { assertDistrictExists, assertUnitNameFree } from './org.checks.ts';

export const createUnit = defineUseCase('manage:org:municipality', async (ctx, input: TCreateUnitRequest) => {
  const m = ctx.user.municipalityId;
  return ctx.db.tenant(m, async (q) => {
    await assertDistrictExists(q, m, input.districtId);
    await assertUnitNameFree(q, m, input.name);
    const { rows } = await q.query(
      'INSERT INTO units (municipality_id, name, kind, district_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [m, input.name, input.kind, input.districtId ?? null],
    );
    return getUnit(q, m, rows[0].id);
  });
});
