import type { TMeasurementColumns, TMeasurementWire } from '../../../shared/measurement-wire.ts';
import { JsonWriter } from '../../http/json-writer.ts';

type TColumn = Float64Array;

/** Figures of a summary in wire form (whole ten-thousandths); NaN where the wire has null. */
export interface TSummaryColumns {
  n: TColumn;
  mean: TColumn;
  lo: TColumn;
  hi: TColumn;
  coverage: TColumn;
}

/**
 * The answer of GET /api/v1/measurement before it is written: the wire's columns (measurement-wire.ts) as
 * typed arrays. The endpoint writes it straight to JSON bytes; the export turns it into the wire object.
 */
export interface TMeasurementTable extends TSummaryColumns {
  head: Omit<TMeasurementWire, 'columns'>;
  count: number;
  /** The cells' places in the grid of keys as runs, [start, length, …] (TMeasurementColumns.runs). */
  runs: number[];
  /** Per cell: 0 shown, 1 hidden (n < 5), 2 hidden by complementary suppression. */
  hidden: Uint8Array;
  riskLoad: TColumn;
  baseline?: TSummaryColumns;
  delta?: TColumn;
  /** 1 significant, 0 not, NaN nothing to compare. */
  significant?: TColumn;
}

export function summaryColumns(count: number): TSummaryColumns {
  return {
    n: new Float64Array(count),
    mean: new Float64Array(count),
    lo: new Float64Array(count),
    hi: new Float64Array(count),
    coverage: new Float64Array(count),
  };
}

const SUMMARY = ['n', 'mean', 'lo', 'hi', 'coverage'] as const;

/** '0', '1' or '2' per cell. */
const hiddenText = (hidden: Uint8Array) => Buffer.from(hidden.map((h) => h + 48)).toString('latin1');
const orNull = (v: number) => (Number.isNaN(v) ? null : v);
const list = (column: TColumn) => Array.from(column, orNull);

/** The wire object (for the export and other in-process readers). */
export function toWireObject(table: TMeasurementTable): TMeasurementWire {
  const columns: TMeasurementColumns = {
    runs: table.runs,
    hidden: hiddenText(table.hidden),
    n: list(table.n),
    mean: list(table.mean),
    lo: list(table.lo),
    hi: list(table.hi),
    coverage: list(table.coverage),
    riskLoad: list(table.riskLoad),
  };
  if (table.baseline) {
    const b = table.baseline;
    columns.baseline = {
      n: list(b.n),
      mean: list(b.mean),
      lo: list(b.lo),
      hi: list(b.hi),
      coverage: list(b.coverage),
    };
  }
  if (table.delta) columns.delta = list(table.delta);
  if (table.significant) columns.significant = list(table.significant) as (0 | 1 | null)[];
  return { ...table.head, columns };
}

/** The same answer as JSON.stringify(toWireObject(table)), written straight into bytes. */
export function toWireJson(table: TMeasurementTable): Buffer {
  // About 30 bytes of figures per cell (more with a baseline), besides the keys and labels.
  const w = new JsonWriter(64 * 1024 + table.count * (table.baseline ? 64 : 32));
  const { head } = table;
  w.raw('{').key('groupBy', true).value(head.groupBy).key('definition').value(head.definition);
  w.key('scale').value(head.scale).key('dimensions').value(head.dimensions);
  // In the order toTable adds them to the head, so the bytes equal JSON.stringify of the wire object.
  if (head.selection) w.key('selection').value(head.selection);
  if (head.periodsWithoutAssessments)
    w.key('periodsWithoutAssessments').value(head.periodsWithoutAssessments);
  w.key('columns').raw('{').key('runs', true).integers(table.runs);
  w.key('hidden').raw(JSON.stringify(hiddenText(table.hidden)));
  for (const name of SUMMARY) w.key(name).integers(table[name]);
  w.key('riskLoad').integers(table.riskLoad);
  if (table.baseline) {
    const b = table.baseline;
    w.key('baseline').raw('{');
    SUMMARY.forEach((name, i) => {
      w.key(name, i === 0).integers(b[name]);
    });
    w.raw('}');
  }
  if (table.delta) w.key('delta').integers(table.delta);
  if (table.significant) w.key('significant').integers(table.significant);
  return w.raw('}}').toBuffer();
}
