import type { TProvider } from '../../../shared/schemas/offer-views.ts';
import type { TUpdateProviderRequest } from '../../../shared/schemas/offers.ts';
import { sql } from '../../db/sql.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { checkProviderUnit } from './provider-checks.ts';
import { selectProviders } from './provider-document.ts';

/** Edits a provider (admin, optimistic locking). A provider set inactive keeps its offers and members. */
export const updateProvider = defineUseCase(
  'manage:offer:municipality',
  async (ctx, providerId: string, input: TUpdateProviderRequest): Promise<TProvider> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        sql`SELECT * FROM offer_providers WHERE municipality_id = ${m} AND id = ${providerId} FOR UPDATE`,
      );
      const row = rows[0];
      if (!row) throw new AppError('NOT_FOUND');
      if (row.version !== input.version) throw new AppError('STALE_VERSION');
      const merged = {
        name: input.name ?? row.name,
        kind: input.kind ?? row.kind,
        unitId: input.unitId !== undefined ? input.unitId : row.unit_id,
        description: input.description ?? row.description,
        website: input.website !== undefined ? input.website || null : row.website,
        email: input.email !== undefined ? input.email || null : row.email,
        phone: input.phone !== undefined ? input.phone || null : row.phone,
        active: input.active ?? row.active,
      };
      await checkProviderUnit(q, m, merged);
      const taken = await q.query(
        sql`SELECT 1 FROM offer_providers WHERE municipality_id = ${m} AND name = ${merged.name} AND id <> ${providerId}`,
      );
      if (taken.rowCount) throw fieldError('name', 'field.nameTaken');
      await q.query(
        sql`UPDATE offer_providers SET name = ${merged.name}, kind = ${merged.kind}, unit_id = ${merged.unitId},
                   description = ${merged.description}, website = ${merged.website}, email = ${merged.email},
                   phone = ${merged.phone}, active = ${merged.active}, version = version + 1
             WHERE municipality_id = ${m} AND id = ${providerId}`,
      );
      return (await selectProviders(q, m, providerId))[0] as TProvider;
    });
  },
);
