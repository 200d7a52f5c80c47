import type { TProvider } from '../../../shared/schemas/offer-views.ts';
import type { TCreateProviderRequest } from '../../../shared/schemas/offers.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { checkProviderUnit } from './provider-checks.ts';
import { selectProviders } from './provider-document.ts';

/** Adds a provider of offers (admin): a municipal unit, a civil-society organisation, an association or a business. */
export const createProvider = defineUseCase(
  'manage:offer:municipality',
  async (ctx, input: TCreateProviderRequest): Promise<TProvider> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      await checkProviderUnit(q, m, input);
      const { rows } = await q.query(
        sql`INSERT INTO offer_providers (municipality_id, name, kind, unit_id, description, website, email, phone, active)
            VALUES (${m}, ${input.name}, ${input.kind}, ${input.unitId}, ${input.description},
                    ${input.website || null}, ${input.email || null}, ${input.phone || null}, ${input.active})
            ON CONFLICT (municipality_id, name) DO NOTHING RETURNING id`,
      );
      if (!rows[0]) throw fieldError('name', 'field.nameTaken');
      return (await selectProviders(q, m, rows[0].id))[0] as TProvider;
    });
  },
);
