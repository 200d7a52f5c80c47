import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { currentCatalogueId, selectCatalogue } from './find-catalogue.ts';

/** A new draft version: a copy of the latest published one (factors, bits and themes), or empty if none. */
export const createDraft = defineUseCase('manage:catalogue:municipality', async (ctx) => {
  const m = ctx.user.municipalityId;
  return ctx.db.tenant(m, async (q) => {
    const existing = await q.query(
      "SELECT 1 FROM factor_catalogues WHERE municipality_id = $1 AND status = 'draft'",
      [m],
    );
    if (existing.rowCount) throw new AppError('DRAFT_EXISTS');
    const source = await currentCatalogueId(q, m);
    const { rows } = await q.query(
      `INSERT INTO factor_catalogues (municipality_id, version, status)
       SELECT $1, coalesce(max(version), 0) + 1, 'draft' FROM factor_catalogues WHERE municipality_id = $1 RETURNING id`,
      [m],
    );
    const draftId = rows[0].id as string;
    if (source) {
      await q.query(
        `WITH copied AS (
           INSERT INTO factors (municipality_id, catalogue_id, code, kind, domain, age_from, age_to, label_da, label_en,
                                description_da, description_en, evidence_note, bit)
           SELECT municipality_id, $3, code, kind, domain, age_from, age_to, label_da, label_en,
                  description_da, description_en, evidence_note, bit
             FROM factors WHERE municipality_id = $1 AND catalogue_id = $2
           RETURNING id, code)
         INSERT INTO factor_themes (municipality_id, factor_id, theme_id)
         SELECT $1, copied.id, ft.theme_id
           FROM copied JOIN factors old ON old.municipality_id = $1 AND old.catalogue_id = $2 AND old.code = copied.code
           JOIN factor_themes ft ON ft.municipality_id = $1 AND ft.factor_id = old.id`,
        [m, source, draftId],
      );
    }
    return selectCatalogue(q, m, draftId);
  });
});
