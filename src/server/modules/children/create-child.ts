import { parseCpr } from '../../../domain/cpr.ts';
import type { TCreateChildRequest } from '../../../shared/schemas/children.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { fieldError } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** Registers a child and enrols it in one of the user's own units; the write and its audit event commit together. */
export const createChild = defineUseCase(
  'write:child:unit',
  async (ctx, input: TCreateChildRequest): Promise<{ id: string }> => {
    const facts = parseCpr(input.cpr);
    if (!facts) throw fieldError('cpr', 'field.invalidCpr');
    if (input.fromDate < facts.birthDate) throw fieldError('fromDate', 'field.beforeBirth');
    if (!unitsWith(ctx, 'write:child:unit').includes(input.unitId))
      throw fieldError('unitId', 'field.unitNotYours');
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const unit = await q.query('SELECT name FROM units WHERE municipality_id = $1 AND id = $2', [
        m,
        input.unitId,
      ]);
      if (unit.rowCount === 0) throw fieldError('unitId', 'field.unknownUnit');
      const hash = ctx.cipher.hash(input.cpr);
      const dup = await q.query('SELECT 1 FROM children WHERE municipality_id = $1 AND cpr_hash = $2', [
        m,
        hash,
      ]);
      if ((dup.rowCount ?? 0) > 0) throw fieldError('cpr', 'field.cprTaken');
      const { rows } = await q.query(
        `INSERT INTO children (municipality_id, first_name, last_name, birth_date, gender, cpr_encrypted, cpr_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          m,
          input.firstName,
          input.lastName,
          facts.birthDate,
          input.gender ?? facts.gender,
          ctx.cipher.encrypt(input.cpr),
          hash,
        ],
      );
      const id = rows[0].id as string;
      await q.query(
        'INSERT INTO enrolments (municipality_id, child_id, unit_id, group_name, from_date) VALUES ($1, $2, $3, $4, $5)',
        [m, id, input.unitId, input.groupName ?? null, input.fromDate],
      );
      // The new child's relation: the enrolment just made in the user's unit.
      const relation = { kind: 'enrolment', unitId: input.unitId, unitName: unit.rows[0].name } as const;
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, { relation, action: 'create', entity: 'child', entityId: id, childId: id }),
      );
      return { id };
    });
  },
);
