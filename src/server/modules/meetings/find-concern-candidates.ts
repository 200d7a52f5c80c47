import type { TConcernCandidate } from '../../../shared/schemas/meetings.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';

/**
 * Concerns whose chosen action is level 3 (interdisciplinary meeting or anonymous consultation) in the units
 * the leader leads and not yet on any agenda: offered when scheduling. Named ones are reads, audited.
 */
export const findConcernCandidates = defineUseCase(
  'manage:meeting:unit',
  async (ctx): Promise<TConcernCandidate[]> => {
    const m = ctx.user.municipalityId;
    const led = unitsWith(ctx, ctx.permission);
    const rows = await ctx.db.tenantRead(m, async (q) => {
      const { rows } = await q.query(
        `SELECT k.id, k.created_at, k.level, k.signs, k.action_text, k.child_id, k.unit_id, u.name AS unit_name,
              c.first_name || ' ' || c.last_name AS child_name
         FROM concerns k JOIN units u ON u.municipality_id = k.municipality_id AND u.id = k.unit_id
         LEFT JOIN children c ON c.municipality_id = k.municipality_id AND c.id = k.child_id
        WHERE k.municipality_id = $1 AND k.unit_id = ANY($2::uuid[]) AND k.level = 3
          AND NOT EXISTS (SELECT 1 FROM meeting_items i WHERE i.municipality_id = k.municipality_id AND i.concern_id = k.id)
        ORDER BY k.created_at LIMIT 100`,
        [m, led],
      );
      return rows;
    });
    await Promise.all(
      rows
        .filter((r) => r.child_id)
        .map((r) =>
          ctx.audit.record(
            auditEvent(ctx, {
              unitId: r.unit_id,
              action: 'read',
              entity: 'concern',
              entityId: r.id,
              childId: r.child_id,
              purpose: `unit:${r.unit_id}`,
              detail: { candidate: true },
            }),
          ),
        ),
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      level: r.level,
      signs: r.signs,
      actionText: r.action_text,
      child: r.child_id ? { id: r.child_id, name: r.child_name } : null,
      unitName: r.unit_name,
    }));
  },
);
