import type { TSetCoordinatorRequest } from '../../../shared/schemas/concerns.ts';
import type { TChildCoordinator } from '../../../shared/schemas/coordinator-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { CANDIDATES_SQL, leadingUnitForChild } from './coordinators.access.ts';
import { findCoordinator } from './find-coordinator.ts';
import { queueCoordinatorLetters } from './tell-parents.ts';

/**
 * A leader of the child's unit names (or replaces) its one coordinator and records when the parents were
 * told. Replacing needs the version read; a child without one is set without a version.
 */
export const setCoordinator = defineUseCase(
  'manage:coordinator:unit',
  async (ctx, childId: string, input: TSetCoordinatorRequest): Promise<TChildCoordinator> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const unitId = await leadingUnitForChild(q, ctx, childId);
      if (!unitId) throw new AppError('NOT_FOUND');
      const { rows: current } = await q.query(
        'SELECT version, user_id FROM child_coordinators WHERE municipality_id = $1 AND child_id = $2 FOR UPDATE',
        [m, childId],
      );
      // Someone set or changed the coordinator since this leader looked: never overwrite it unseen.
      if (current[0]?.version !== input.version) throw new AppError('STALE_VERSION');
      const { rows: ok } = await q.query(`SELECT 1 FROM (${CANDIDATES_SQL}) x WHERE x.id = $3`, [
        m,
        childId,
        input.userId,
      ]);
      if (!ok[0]) throw fieldError('userId', 'field.notCoordinatorCandidate');
      const { rows: saved } = await q.query(
        `INSERT INTO child_coordinators (municipality_id, child_id, user_id, set_by, parents_informed_on, parents_informed_note)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (municipality_id, child_id) DO UPDATE SET user_id = excluded.user_id, set_by = excluded.set_by,
         set_at = now(), parents_informed_on = excluded.parents_informed_on,
         parents_informed_note = excluded.parents_informed_note, version = child_coordinators.version + 1
       RETURNING version`,
        [
          m,
          childId,
          input.userId,
          ctx.user.userId,
          input.parentsInformedOn ?? null,
          input.parentsInformedNote ?? null,
        ],
      );
      // A new coordinator (not a correction of the same one): the parents get a letter saying who it is.
      const letters =
        current[0]?.user_id === input.userId
          ? []
          : await queueCoordinatorLetters(q, ctx, {
              childId,
              coordinatorId: input.userId,
              unitId,
              version: saved[0]?.version as number,
            });
      await ctx.audit.inTransactionBatch(q, m, letters);
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          unitId,
          action: current[0] ? 'update' : 'create',
          entity: 'coordinator',
          entityId: null,
          childId,
          purpose: `enrolment:${unitId}`,
          detail: {
            coordinatorId: input.userId,
            previousCoordinatorId: current[0]?.user_id ?? null,
            parentsInformedOn: input.parentsInformedOn ?? null,
          },
        }),
      );
      return (await findCoordinator(q, m, childId)) as TChildCoordinator;
    });
  },
);
