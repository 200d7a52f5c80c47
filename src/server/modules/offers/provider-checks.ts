import type { TCreateProviderRequest } from '../../../shared/schemas/offers.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';

/** A municipal unit's provider names one of the municipality's units; no other provider names a unit. */
export async function checkProviderUnit(
  q: Queryable,
  m: string,
  provider: Pick<TCreateProviderRequest, 'kind' | 'unitId'>,
): Promise<void> {
  if (provider.kind !== 'municipalUnit') {
    if (provider.unitId !== null) throw fieldError('unitId', 'field.providerUnitOnlyMunicipal');
    return;
  }
  if (provider.unitId === null) throw fieldError('unitId', 'field.providerUnitRequired');
  const { rowCount } = await q.query(
    sql`SELECT 1 FROM units WHERE municipality_id = ${m} AND id = ${provider.unitId}`,
  );
  if (!rowCount) throw fieldError('unitId', 'field.unknownUnit');
}
