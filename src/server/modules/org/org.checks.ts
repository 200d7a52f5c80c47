import type { Queryable } from '../../db/client.ts';
import { fieldError } from '../../http/errors.ts';

export async function assertDistrictExists(
  q: Queryable,
  municipalityId: string,
  districtId: string | null | undefined,
) {
  if (!districtId) return;
  const { rowCount } = await q.query('SELECT 1 FROM districts WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    districtId,
  ]);
  if (!rowCount) throw fieldError('districtId', 'field.unknownDistrict');
}

export async function assertUnitNameFree(
  q: Queryable,
  municipalityId: string,
  name: string,
  exceptId?: string,
) {
  const { rowCount } = await q.query(
    'SELECT 1 FROM units WHERE municipality_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3',
    [municipalityId, name, exceptId ?? null],
  );
  if (rowCount) throw fieldError('name', 'field.nameTaken');
}
