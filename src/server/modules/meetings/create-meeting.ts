import type { TCreateMeetingRequest, TMeeting } from '../../../shared/schemas/meetings.ts';
import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import { fieldError } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectMeeting } from './meeting-document.ts';
import { requireMeetingRole } from './meetings.access.ts';

/** The users among `ids` that exist and are active in the municipality. */
export async function activeUsers(q: Queryable, municipalityId: string, ids: string[]): Promise<Set<string>> {
  const { rows } = await q.query(
    'SELECT id FROM users WHERE municipality_id = $1 AND id = ANY($2::uuid[]) AND active',
    [municipalityId, ids],
  );
  return new Set(rows.map((r) => r.id as string));
}

/**
 * A meeting for a unit the user leads, or for the district of one; participants are users of the
 * municipality by the profession they take part as. The organiser takes part (as leader unless listed).
 */
export const createMeeting = defineUseCase(
  'manage:meeting:unit',
  async (ctx, input: TCreateMeetingRequest): Promise<TMeeting> => {
    const m = ctx.user.municipalityId;
    const led = unitsWith(ctx, ctx.permission);
    return ctx.db.tenant(m, async (q) => {
      if (input.unitId && !led.includes(input.unitId)) throw fieldError('unitId', 'field.meetingPlaceNotLed');
      if (input.districtId) {
        const { rows } = await q.query(
          'SELECT 1 FROM units WHERE municipality_id = $1 AND district_id = $2 AND id = ANY($3::uuid[]) LIMIT 1',
          [m, input.districtId, led],
        );
        if (rows.length === 0) throw fieldError('districtId', 'field.meetingPlaceNotLed');
      }
      const people = new Map(input.participants.map((p) => [p.userId, p.profession]));
      if (!people.has(ctx.user.userId)) people.set(ctx.user.userId, 'leader');
      const known = await activeUsers(q, m, [...people.keys()]);
      for (const [i, p] of input.participants.entries())
        if (!known.has(p.userId)) throw fieldError(`participants.${i}.userId`, 'field.unknownUser');
      const { rows } = await q.query(
        `INSERT INTO meetings (municipality_id, title, unit_id, district_id, meeting_on, starts_at, organiser_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          m,
          input.title,
          input.unitId ?? null,
          input.districtId ?? null,
          input.meetingOn,
          input.startsAt ?? null,
          ctx.user.userId,
        ],
      );
      const id = rows[0].id as string;
      await q.query(
        `INSERT INTO meeting_participants (municipality_id, meeting_id, user_id, profession)
       SELECT $1, $2, u, p FROM unnest($3::uuid[], $4::text[]) AS x(u, p)`,
        [m, id, [...people.keys()], [...people.values()]],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          unitId: input.unitId,
          action: 'create',
          entity: 'meeting',
          entityId: id,
          childId: null,
          purpose: input.unitId ? `unit:${input.unitId}` : `district:${input.districtId}`,
          detail: { meetingOn: input.meetingOn, participants: people.size },
        }),
      );
      const role = await requireMeetingRole(q, ctx, id);
      return (await selectMeeting(q, ctx, role)).meeting;
    });
  },
);
