import type { TFindUnitsQuery } from '../../../shared/schemas/org.ts';
import type { TDistrict, TUnit } from '../../../shared/schemas/org-views.ts';
import type { Queryable } from '../../db/client.ts';
import { defineUseCase } from '../../http/use-case.ts';

const UNIT_COLUMNS = `u.id, u.name, u.kind, u.district_id AS "districtId", d.name AS "districtName", u.version`;
const UNIT_FROM = `units u LEFT JOIN districts d ON d.municipality_id = u.municipality_id AND d.id = u.district_id`;

export const findUnits = defineUseCase(
  'read:org:municipality',
  async (ctx, query: TFindUnitsQuery): Promise<{ items: TUnit[] }> => {
    const { rows } = await ctx.db.tenant(ctx.user.municipalityId, (q) =>
      q.query(
        `SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} WHERE u.municipality_id = $1 AND ($2::unit_kind IS NULL OR u.kind = $2)
       ORDER BY u.name`,
        [ctx.user.municipalityId, query.kind ?? null],
      ),
    );
    return { items: rows };
  },
);

export async function getUnit(q: Queryable, municipalityId: string, id: string): Promise<TUnit | undefined> {
  const { rows } = await q.query(
    `SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} WHERE u.municipality_id = $1 AND u.id = $2`,
    [municipalityId, id],
  );
  return rows[0];
}

export const findDistricts = defineUseCase(
  'read:org:municipality',
  async (ctx): Promise<{ items: TDistrict[] }> => {
    const { rows } = await ctx.db.tenant(ctx.user.municipalityId, (q) =>
      q.query('SELECT id, name FROM districts WHERE municipality_id = $1 ORDER BY name', [
        ctx.user.municipalityId,
      ]),
    );
    return { items: rows };
  },
);
