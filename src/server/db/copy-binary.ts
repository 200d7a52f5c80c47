import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Queryable } from './client.ts';

/**
 * Large numeric reads (the measurement dashboard: ~41,000 rows of sums) through `COPY (query) TO STDOUT
 * (FORMAT binary)`. PostgreSQL writes numbers with their send functions instead of formatting them as
 * text, and the rows land straight in typed arrays: no row object, no string per value, no float parsing.
 * Measured at Copenhagen scale (41,350 rows): ~105 ms as ordinary rows through `pg`, ~60 ms this way.
 */
/**
 * 'text' and 'uuid' columns are keys (dictionary-encoded); 'int4' and 'float8' numbers; 'bytes' (bytea)
 * is left in the stream's buffer and given as each row's start and length.
 */
export type TCopyColumn = 'text' | 'uuid' | 'int4' | 'float8' | 'bytes';

const isKey = (c: TCopyColumn) => c === 'text' || c === 'uuid';

export interface TCopyResult {
  count: number;
  /** Per key column (a uuid in its text form): its distinct values, in the order first seen. */
  keys: string[][];
  /** Per key column: each row's index into keys. */
  at: Int32Array[];
  /** Per 'int4' or 'float8' column: its values; NULL reads as NaN. */
  numbers: Float64Array[];
  /** Per 'bytes' column: where each row's value is in `buf` (length -1 for NULL). */
  spans: { start: Int32Array; length: Int32Array }[];
  buf: Buffer;
}

// "PGCOPY\n\377\r\n\0": the signature every binary COPY starts with.
const SIGNATURE = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]);

/** A bind parameter as an SQL literal: COPY takes no parameters. */
function literal(value: unknown): string {
  if (Array.isArray(value)) {
    return value.length ? `ARRAY[${value.map((v) => literal(v)).join(',')}]` : `'{}'`;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new Error(`no literal for ${typeof value}`);
  return pg.escapeLiteral(value);
}

/** `$1`, `$2`, … replaced by their values as literals (arrays as ARRAY[…]; the SQL keeps its casts). */
export function inlineParams(text: string, params: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (whole, i: string) => {
    const index = Number(i) - 1;
    if (index < 0 || index >= params.length) throw new Error(`no parameter for ${whole}`);
    return literal(params[index]);
  });
}

class Reader {
  private readonly view: DataView;
  private at = 0;
  constructor(readonly buf: Buffer) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  get offset(): number {
    return this.at;
  }
  skip(n: number): void {
    this.at += n;
  }
  int16(): number {
    const v = this.view.getInt16(this.at);
    this.at += 2;
    return v;
  }
  int32(): number {
    const v = this.view.getInt32(this.at);
    this.at += 4;
    return v;
  }
  float64(): number {
    const v = this.view.getFloat64(this.at);
    this.at += 8;
    return v;
  }
}

/** Parses a whole binary COPY stream whose rows have exactly `columns`. */
export function parseCopyBinary(buf: Buffer, columns: readonly TCopyColumn[]): TCopyResult {
  if (buf.length < 19 || !buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new Error('not a binary COPY stream');
  }
  const r = new Reader(buf);
  r.skip(SIGNATURE.length + 4); // signature, flags
  r.skip(r.int32()); // header extension
  let capacity = 1024;
  const keyCols = columns.filter(isKey);
  let at = keyCols.map(() => new Int32Array(capacity));
  let numbers = columns.filter((c) => c === 'int4' || c === 'float8').map(() => new Float64Array(capacity));
  let spans = columns
    .filter((c) => c === 'bytes')
    .map(() => ({ start: new Int32Array(capacity), length: new Int32Array(capacity) }));
  const dictionaries = keyCols.map((c) => new KeyDictionary(buf, c === 'uuid' ? uuidText : utf8Text));
  let count = 0;
  for (;;) {
    const fields = r.int16();
    if (fields === -1) break;
    if (fields !== columns.length)
      throw new Error(`row ${count} has ${fields} fields, not ${columns.length}`);
    if (count === capacity) {
      capacity *= 2;
      at = at.map((a) => grow(a, new Int32Array(capacity)));
      numbers = numbers.map((a) => grow(a, new Float64Array(capacity)));
      spans = spans.map((sp) => ({
        start: grow(sp.start, new Int32Array(capacity)),
        length: grow(sp.length, new Int32Array(capacity)),
      }));
    }
    let k = 0;
    let v = 0;
    let b = 0;
    for (const column of columns) {
      const length = r.int32();
      if (isKey(column)) {
        if (length < 0) throw new Error(`row ${count}: a key is NULL`);
        (at[k] as Int32Array)[count] = (dictionaries[k] as KeyDictionary).indexOf(r.offset, length);
        r.skip(length);
        k++;
        continue;
      }
      if (column === 'bytes') {
        const span = spans[b++] as { start: Int32Array; length: Int32Array };
        span.start[count] = r.offset;
        span.length[count] = length;
        if (length > 0) r.skip(length);
        continue;
      }
      const out = numbers[v++] as Float64Array;
      if (length < 0) out[count] = Number.NaN;
      else if (column === 'int4' && length === 4) out[count] = r.int32();
      else if (column === 'float8' && length === 8) out[count] = r.float64();
      else throw new Error(`row ${count}: ${length} bytes where an ${column} was expected`);
    }
    count++;
  }
  return {
    count,
    keys: dictionaries.map((d) => d.keys),
    at: at.map((a) => a.subarray(0, count)),
    numbers: numbers.map((a) => a.subarray(0, count)),
    spans: spans.map((sp) => ({ start: sp.start.subarray(0, count), length: sp.length.subarray(0, count) })),
    buf,
  };
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * A key column's distinct values (also used for keys inside a 'bytes' value). A row's key is looked up by a
 * hash of its bytes and confirmed byte by byte against the first occurrence, so a string is built once per
 * distinct value, not once per row.
 */
const FEW_KEYS = 16;

export const utf8Text = (buf: Buffer, start: number, length: number) =>
  buf.toString('utf8', start, start + length);

function uuidText(buf: Buffer, start: number, length: number): string {
  if (length !== 16) throw new Error(`a uuid of ${length} bytes`);
  const hex = buf.toString('hex', start, start + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class KeyDictionary {
  readonly keys: string[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  /** hash → indices of the keys with that hash (almost always one). */
  private readonly byHash = new Map<number, number[]>();
  private last = -1;

  constructor(
    private readonly buf: Buffer,
    private readonly text: (buf: Buffer, start: number, length: number) => string,
  ) {}

  indexOf(start: number, length: number): number {
    // Rows come in key order, so most keys repeat the previous row's or come from a handful of values;
    // keys packed in a row (a theme per entry) come in the same order in every row: try the next one.
    if (this.last >= 0) {
      if (this.equals(this.last, start, length)) return this.last;
      const next = this.last + 1 < this.keys.length ? this.last + 1 : 0;
      if (this.equals(next, start, length)) return this.remember(next);
    }
    if (this.keys.length <= FEW_KEYS) {
      for (let index = 0; index < this.keys.length; index++)
        if (this.equals(index, start, length)) return this.remember(index);
      return this.remember(this.add(start, length, this.hash(start, length)));
    }
    const hash = this.hash(start, length);
    const candidates = this.byHash.get(hash);
    if (candidates) {
      for (const index of candidates) if (this.equals(index, start, length)) return this.remember(index);
    }
    return this.remember(this.add(start, length, hash));
  }

  private remember(index: number): number {
    this.last = index;
    return index;
  }

  private hash(start: number, length: number): number {
    const { buf } = this;
    let hash = 0x811c9dc5;
    for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ (buf[i] as number), 0x01000193);
    return hash & 0x3fffffff; // a small integer: a Map keyed by it never boxes
  }

  private add(start: number, length: number, hash: number): number {
    const index = this.keys.length;
    this.keys.push(this.text(this.buf, start, length));
    this.starts.push(start);
    this.lengths.push(length);
    const candidates = this.byHash.get(hash);
    if (candidates) candidates.push(index);
    else this.byHash.set(hash, [index]);
    return index;
  }

  private equals(index: number, start: number, length: number): boolean {
    if (this.lengths[index] !== length) return false;
    const other = this.starts[index] as number;
    for (let i = 0; i < length; i++) if (this.buf[other + i] !== this.buf[start + i]) return false;
    return true;
  }
}

/**
 * Runs `SELECT …` (with `$n` parameters) as a binary COPY on the caller's connection — inside its
 * transaction, so row-level security and the snapshot are the transaction's — and parses the rows.
 */
export async function selectBinary(
  q: Queryable,
  select: string,
  params: readonly unknown[],
  columns: readonly TCopyColumn[],
): Promise<TCopyResult> {
  const stream = (q as pg.PoolClient).query(
    copyTo(`COPY (${inlineParams(select, params)}) TO STDOUT (FORMAT binary)`),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return parseCopyBinary(Buffer.concat(chunks), columns);
}
