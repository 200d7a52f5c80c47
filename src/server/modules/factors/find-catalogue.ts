import type {
  TCatalogue,
  TCatalogueVersion,
  TPolicyTheme,
} from '../../../shared/schemas/factor-catalogue.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** One catalogue version with its factors and their theme codes, in bit order. */
export async function selectCatalogue(
  q: Queryable,
  municipalityId: string,
  catalogueId: string,
): Promise<TCatalogue | undefined> {
  const { rows } = await q.query(
    `SELECT c.id, c.version, c.status, c.published_at AS "publishedAt",
       coalesce((SELECT json_agg(json_build_object('id', f.id, 'code', f.code, 'kind', f.kind, 'domain', f.domain,
                 'ageFrom', f.age_from, 'ageTo', f.age_to, 'labelDa', f.label_da, 'labelEn', f.label_en,
                 'descriptionDa', f.description_da, 'descriptionEn', f.description_en, 'evidenceNote', f.evidence_note,
                 'bit', f.bit,
                 'themeCodes', (SELECT coalesce(json_agg(t.code ORDER BY t.sort_order), '[]')
                                  FROM factor_themes ft JOIN policy_themes t ON t.municipality_id = ft.municipality_id AND t.id = ft.theme_id
                                 WHERE ft.municipality_id = f.municipality_id AND ft.factor_id = f.id))
                 ORDER BY f.bit)
          FROM factors f WHERE f.municipality_id = c.municipality_id AND f.catalogue_id = c.id), '[]') AS factors
       FROM factor_catalogues c WHERE c.municipality_id = $1 AND c.id = $2`,
    [municipalityId, catalogueId],
  );
  return rows[0];
}

export async function currentCatalogueId(q: Queryable, municipalityId: string): Promise<string | undefined> {
  const { rows } = await q.query(
    `SELECT id FROM factor_catalogues WHERE municipality_id = $1 AND status = 'published' ORDER BY version DESC LIMIT 1`,
    [municipalityId],
  );
  return rows[0]?.id;
}

export const findCatalogue = defineUseCase(
  'read:catalogue:municipality',
  async (ctx, catalogueId: string | 'current'): Promise<TCatalogue> => {
    const m = ctx.user.municipalityId;
    const catalogue = await ctx.db.tenantRead(m, async (q) => {
      const id = catalogueId === 'current' ? await currentCatalogueId(q, m) : catalogueId;
      return id ? selectCatalogue(q, m, id) : undefined;
    });
    if (!catalogue) throw new AppError('NOT_FOUND');
    return catalogue;
  },
);

export const findCatalogueVersions = defineUseCase(
  'read:catalogue:municipality',
  async (ctx): Promise<{ items: TCatalogueVersion[] }> => {
    const { rows } = await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
      q.query(
        `SELECT c.id, c.version, c.status, c.published_at AS "publishedAt",
              (SELECT count(*)::int FROM factors f WHERE f.municipality_id = c.municipality_id AND f.catalogue_id = c.id) AS "factorCount"
         FROM factor_catalogues c WHERE c.municipality_id = $1 ORDER BY c.version DESC`,
        [ctx.user.municipalityId],
      ),
    );
    return { items: rows };
  },
);

export const findPolicyThemes = defineUseCase(
  'read:catalogue:municipality',
  async (ctx): Promise<{ items: TPolicyTheme[] }> => {
    const { rows } = await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
      q.query(
        `SELECT id, code, name_da AS "nameDa", name_en AS "nameEn" FROM policy_themes
        WHERE municipality_id = $1 ORDER BY sort_order, code`,
        [ctx.user.municipalityId],
      ),
    );
    return { items: rows };
  },
);
