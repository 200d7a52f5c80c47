import type { TMeasurementDimension, TMeasurementQuery } from '../../../shared/schemas/measurement.ts';
import type { Queryable } from '../../db/client.ts';
import { KeyDictionary, selectBinary, utf8Text } from '../../db/copy-binary.ts';
import { addCondition } from './measurement-sql.ts';
import { sortedKeys, type TRawCells } from './raw-cells.ts';

const PACKED_KEY: readonly TMeasurementDimension[] = ['theme', 'unit', 'period'];

/**
 * The packed rows (migration 0014) answer a grouping that is exactly their key — theme × unit × period in
 * any order — without age band or gender in the grouping or the filters: the dashboard's main table.
 */
export function usesPackedRows(query: TMeasurementQuery, dims: readonly TMeasurementDimension[]): boolean {
  return (
    !query.ageBands &&
    !query.genders &&
    dims.length === PACKED_KEY.length &&
    PACKED_KEY.every((d) => dims.includes(d))
  );
}

/**
 * Theme × unit × period cells from measurement_unit_packed: one row per (period, unit) with every theme's
 * sums in its bytes, and the unit's population for the period beside it. The same cells, figures and
 * population as reading measurement_unit_cells (tested against it), in a seventh of the rows.
 * `themes`: the theme keys to keep.
 */
export async function selectPackedCells(
  q: Queryable,
  municipalityId: string,
  query: TMeasurementQuery,
  dims: TMeasurementDimension[],
  themes: ReadonlySet<string>,
  periods: string[] | undefined,
  units: string[] | null,
): Promise<TRawCells> {
  const params: unknown[] = [municipalityId];
  const where = ['r.municipality_id = $1'];
  const add = (sql: string, value: unknown) => addCondition(params, where, sql, value);
  if (periods) add('r.period = ANY($?::text[])', periods);
  if (units) add('r.unit_id = ANY($?::uuid[])', units);
  if (query.unitIds) add('r.unit_id = ANY($?::uuid[])', query.unitIds);
  if (query.districtIds) add('u.district_id = ANY($?::uuid[])', query.districtIds);
  const join = query.districtIds
    ? 'JOIN units u ON u.municipality_id = r.municipality_id AND u.id = r.unit_id'
    : '';
  const read = await selectBinary(
    q,
    `SELECT r.period, r.unit_id, r.cells, p.children
       FROM measurement_unit_packed r ${join}
       LEFT JOIN measurement_unit_population p
         ON p.municipality_id = r.municipality_id AND p.period = r.period AND p.unit_id = r.unit_id
      WHERE ${where.join(' AND ')}`,
    params,
    ['text', 'uuid', 'bytes', 'int4'],
  );
  const { buf } = read;
  const [periodAt, unitAt] = read.at as [Int32Array, Int32Array];
  const [children] = read.numbers as [Float64Array];
  const [span] = read.spans as [{ start: Int32Array; length: Int32Array }];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);

  const themeKeys = new KeyDictionary(buf, utf8Text);
  // Per theme index: 1 kept, 2 left out, 0 not decided yet.
  let kept = new Uint8Array(16);
  // A row holds each theme at most once: at most one cell per kept theme (the arrays grow if not).
  const capacity = Math.max(1, read.count * themes.size);
  const out = {
    theme: new Int32Array(capacity),
    unit: new Int32Array(capacity),
    period: new Int32Array(capacity),
    n: new Float64Array(capacity),
    sum: new Float64Array(capacity),
    sumSq: new Float64Array(capacity),
    sumRisk: new Float64Array(capacity),
    population: new Float64Array(capacity),
  };
  let count = 0;
  for (let row = 0; row < read.count; row++) {
    let at = span.start[row] as number;
    const end = at + (span.length[row] as number);
    while (at < end) {
      const keyLength = view.getInt16(at);
      const theme = themeKeys.indexOf(at + 2, keyLength);
      at += 2 + keyLength;
      if (theme >= kept.length) kept = grown(kept, theme + 1);
      if (kept[theme] === 0) kept[theme] = themes.has(themeKeys.keys[theme] as string) ? 1 : 2;
      if (kept[theme] === 1) {
        if (count === out.n.length) growAll(out);
        out.theme[count] = theme;
        out.unit[count] = unitAt[row] as number;
        out.period[count] = periodAt[row] as number;
        out.n[count] = view.getInt32(at + 0);
        out.sum[count] = view.getFloat64(at + 4);
        out.sumSq[count] = view.getFloat64(at + 12);
        out.sumRisk[count] = view.getFloat64(at + 20);
        out.population[count] = children[row] as number;
        count++;
      }
      at += 28;
    }
  }
  const byDim = {
    theme: { firstSeen: themeKeys.keys, at: out.theme.subarray(0, count) },
    unit: { firstSeen: read.keys[1] as string[], at: out.unit.subarray(0, count) },
    period: { firstSeen: read.keys[0] as string[], at: out.period.subarray(0, count) },
  };
  const columns = dims.map((d) => byDim[d as keyof typeof byDim]);
  return {
    dims,
    keys: columns.map((c) => sortedKeys(c.firstSeen, c.at)),
    at: columns.map((c) => c.at),
    n: out.n.subarray(0, count),
    sum: out.sum.subarray(0, count),
    sumSq: out.sumSq.subarray(0, count),
    sumRisk: out.sumRisk.subarray(0, count),
    population: out.population.subarray(0, count),
  };
}

function grown<T extends Uint8Array | Int32Array | Float64Array>(from: T, size: number): T {
  const to = new (from.constructor as new (n: number) => T)(Math.max(size, from.length * 2));
  to.set(from);
  return to;
}

function growAll(out: Record<string, Int32Array | Float64Array>): void {
  for (const key of Object.keys(out)) out[key] = grown(out[key] as Int32Array | Float64Array, 0);
}
