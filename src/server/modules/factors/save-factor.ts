import type { TCreateFactorRequest, TUpdateFactorRequest } from '../../../shared/schemas/factors.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { lockDraft, setFactorThemes, themeIds } from './draft.ts';
import { selectCatalogue } from './find-catalogue.ts';

const MAX_FACTORS = 64;

export const addFactor = defineUseCase(
  'manage:catalogue:municipality',
  async (ctx, catalogueId: string, input: TCreateFactorRequest) => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      await lockDraft(q, m, catalogueId);
      const themes = await themeIds(q, m, input.themeCodes);
      const taken = await q.query(
        'SELECT 1 FROM factors WHERE municipality_id = $1 AND catalogue_id = $2 AND code = $3',
        [m, catalogueId, input.code],
      );
      if (taken.rowCount) throw fieldError('code', 'field.factorCodeTaken');
      // The lowest free bit: bits of removed factors are reused, so masks stay within 64 bits.
      const { rows: free } = await q.query(
        `SELECT min(b) AS bit FROM generate_series(0, ${MAX_FACTORS - 1}) b
        WHERE b NOT IN (SELECT bit FROM factors WHERE municipality_id = $1 AND catalogue_id = $2)`,
        [m, catalogueId],
      );
      if (free[0]?.bit === null || free[0]?.bit === undefined)
        throw fieldError('code', 'field.catalogueFull');
      const { rows } = await q.query(
        `INSERT INTO factors (municipality_id, catalogue_id, code, kind, domain, age_from, age_to, label_da, label_en,
                            description_da, description_en, evidence_note, bit)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          m,
          catalogueId,
          input.code,
          input.kind,
          input.domain,
          input.ageFrom,
          input.ageTo,
          input.labelDa,
          input.labelEn,
          input.descriptionDa,
          input.descriptionEn,
          input.evidenceNote,
          free[0].bit,
        ],
      );
      await setFactorThemes(q, m, rows[0].id, themes);
      return selectCatalogue(q, m, catalogueId);
    });
  },
);

export const updateFactor = defineUseCase(
  'manage:catalogue:municipality',
  async (ctx, catalogueId: string, factorId: string, input: TUpdateFactorRequest) => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      await lockDraft(q, m, catalogueId);
      const themes = input.themeCodes ? await themeIds(q, m, input.themeCodes) : null;
      const { rows } = await q
        .query(
          `UPDATE factors SET kind = coalesce($4, kind), domain = coalesce($5, domain), age_from = coalesce($6, age_from),
              age_to = coalesce($7, age_to), label_da = coalesce($8, label_da), label_en = coalesce($9, label_en),
              description_da = coalesce($10, description_da), description_en = coalesce($11, description_en),
              evidence_note = coalesce($12, evidence_note)
        WHERE municipality_id = $1 AND catalogue_id = $2 AND id = $3 RETURNING age_from, age_to`,
          [
            m,
            catalogueId,
            factorId,
            input.kind ?? null,
            input.domain ?? null,
            input.ageFrom ?? null,
            input.ageTo ?? null,
            input.labelDa ?? null,
            input.labelEn ?? null,
            input.descriptionDa ?? null,
            input.descriptionEn ?? null,
            input.evidenceNote ?? null,
          ],
        )
        .catch((error: { code?: string }) => {
          if (error.code === '23514') throw fieldError('ageTo', 'field.ageRange');
          throw error;
        });
      if (!rows[0]) throw new AppError('NOT_FOUND');
      if (themes) await setFactorThemes(q, m, factorId, themes);
      return selectCatalogue(q, m, catalogueId);
    });
  },
);

export const removeFactor = defineUseCase(
  'manage:catalogue:municipality',
  async (ctx, catalogueId: string, factorId: string) => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      await lockDraft(q, m, catalogueId);
      const { rowCount } = await q.query(
        'DELETE FROM factors WHERE municipality_id = $1 AND catalogue_id = $2 AND id = $3',
        [m, catalogueId, factorId],
      );
      if (!rowCount) throw new AppError('NOT_FOUND');
      return selectCatalogue(q, m, catalogueId);
    });
  },
);
