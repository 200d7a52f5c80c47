import type { Queryable } from '../../db/client.ts';
import { AppError, fieldError } from '../../http/errors.ts';

/** Locks the catalogue row and refuses anything but a draft: published versions never change. */
export async function lockDraft(q: Queryable, municipalityId: string, catalogueId: string): Promise<void> {
  const { rows } = await q.query(
    'SELECT status FROM factor_catalogues WHERE municipality_id = $1 AND id = $2 FOR UPDATE',
    [municipalityId, catalogueId],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND');
  if (rows[0].status !== 'draft') throw new AppError('CATALOGUE_PUBLISHED');
}

/** Theme ids for codes; every code must be one of the municipality's policy themes. */
export async function themeIds(q: Queryable, municipalityId: string, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const { rows } = await q.query(
    'SELECT id, code FROM policy_themes WHERE municipality_id = $1 AND code = ANY($2)',
    [municipalityId, codes],
  );
  const known = new Set(rows.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw fieldError('themeCodes', 'field.unknownTheme', { codes: unknown.join(', ') });
  return rows.map((r) => r.id);
}

export async function setFactorThemes(q: Queryable, municipalityId: string, factorId: string, ids: string[]) {
  await q.query('DELETE FROM factor_themes WHERE municipality_id = $1 AND factor_id = $2', [
    municipalityId,
    factorId,
  ]);
  if (ids.length === 0) return;
  await q.query(
    'INSERT INTO factor_themes (municipality_id, factor_id, theme_id) SELECT $1, $2, unnest($3::uuid[])',
    [municipalityId, factorId, ids],
  );
}
