import type { TPerson } from '../../../shared/schemas/meetings.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** Active users of the municipality the organiser can invite (names and units only, no child data). */
export const findPeople = defineUseCase('manage:meeting:unit', async (ctx): Promise<TPerson[]> => {
  const m = ctx.user.municipalityId;
  return ctx.db.tenantRead(m, async (q) => {
    const { rows } = await q.query(
      `SELECT us.id, us.name,
              coalesce((SELECT array_agg(DISTINCT un.name) FROM role_assignments ra
                          JOIN units un ON un.municipality_id = ra.municipality_id AND un.id = ra.unit_id
                         WHERE ra.municipality_id = us.municipality_id AND ra.user_id = us.id), '{}') AS units
         FROM users us WHERE us.municipality_id = $1 AND us.active ORDER BY us.name LIMIT 500`,
      [m],
    );
    return rows;
  });
});
