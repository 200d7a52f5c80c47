import type { TCoordinatorCandidate } from '../../../shared/schemas/conference-views.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';

/**
 * Who can be named coordinator: the active users who may coordinate (the external conference coordinators first).
 * The referral refuses the child's own caseworker; the list does not know the child.
 */
export const findConferenceCoordinators = defineUseCase(
  ['write:conference:team', 'write:conference:unit'],
  async (ctx): Promise<{ items: TCoordinatorCandidate[] }> => {
    const m = ctx.user.municipalityId;
    const { rows } = await ctx.db.tenantRead(m, (q) =>
      q.query(
        sql`SELECT u.id, u.name, bool_or(ra.role = 'conferenceCoordinator') AS external
              FROM users u
              JOIN role_assignments ra ON ra.municipality_id = u.municipality_id AND ra.user_id = u.id
              JOIN role_permissions rp ON rp.role = ra.role AND rp.permission = 'coordinate:conference:own'
             WHERE u.municipality_id = ${m} AND u.active
             GROUP BY u.id, u.name
             ORDER BY bool_or(ra.role = 'conferenceCoordinator') DESC, u.name LIMIT 200`,
      ),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: String(r.name).replace(/ \(demo\)$/, ''),
        external: r.external,
      })),
    };
  },
);
