import type { TUpdateUnitRequest } from '../../../shared/schemas/org.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { getUnit } from './find-units.ts';
import { assertDistrictExists, assertUnitNameFree } from './org.checks.ts';

/** Optimistic locking: the caller sends the version it read; a stale one gets 409 and nothing changes. */
export const updateUnit = defineUseCase(
  'manage:org:municipality',
  async (ctx, id: string, input: TUpdateUnitRequest) => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const current = await getUnit(q, m, id);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      if (input.districtId !== undefined) await assertDistrictExists(q, m, input.districtId);
      if (input.name !== undefined) await assertUnitNameFree(q, m, input.name, id);
      const { rowCount } = await q.query(
        `UPDATE units SET name = coalesce($4, name), kind = coalesce($5::unit_kind, kind),
              district_id = CASE WHEN $6 THEN $7::uuid ELSE district_id END, version = version + 1
        WHERE municipality_id = $1 AND id = $2 AND version = $3`,
        [
          m,
          id,
          input.version,
          input.name ?? null,
          input.kind ?? null,
          input.districtId !== undefined,
          input.districtId ?? null,
        ],
      );
      if (!rowCount) throw new AppError('STALE_VERSION');
      return getUnit(q, m, id);
    });
  },
);
