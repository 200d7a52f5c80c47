import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TTestDatabase } from '../../../tests/fixtures/test-database.ts';
import { inlineParams, selectBinary } from './copy-binary.ts';

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const read = (select: string, params: unknown[], columns: Parameters<typeof selectBinary>[3]) =>
  database.db.system((q) => selectBinary(q, select, params, columns));

describe('selectBinary (COPY … TO STDOUT in binary)', () => {
  it('reads text and uuid keys once per distinct value, numbers exactly and NULL as NaN', async () => {
    const result = await read(
      `SELECT k, u, i, f, b FROM (VALUES
         ('b', '7d7c5a2e-0f5b-4c4e-9a51-6f1d2c3b4a59'::uuid, 1, 0.1::float8, '\\x0102'::bytea),
         ('a', '7d7c5a2e-0f5b-4c4e-9a51-6f1d2c3b4a59'::uuid, NULL, -2.5e-300::float8, NULL),
         ('b', '00000000-0000-0000-0000-000000000001'::uuid, 2147483647, 'NaN'::float8, ''::bytea),
         ('æøå', '00000000-0000-0000-0000-000000000001'::uuid, -7, 1e300::float8, '\\xff'::bytea)
       ) v(k, u, i, f, b)`,
      [],
      ['text', 'uuid', 'int4', 'float8', 'bytes'],
    );
    expect(result.count).toBe(4);
    expect(result.keys).toEqual([
      ['b', 'a', 'æøå'],
      ['7d7c5a2e-0f5b-4c4e-9a51-6f1d2c3b4a59', '00000000-0000-0000-0000-000000000001'],
    ]);
    expect([...(result.at[0] ?? [])]).toEqual([0, 1, 0, 2]);
    expect([...(result.at[1] ?? [])]).toEqual([0, 0, 1, 1]);
    expect([...(result.numbers[0] ?? [])]).toEqual([1, Number.NaN, 2147483647, -7]);
    expect([...(result.numbers[1] ?? [])]).toEqual([0.1, -2.5e-300, Number.NaN, 1e300]);
    const span = result.spans[0];
    const bytes = [0, 1, 2, 3].map((i) =>
      span && (span.length[i] ?? -1) >= 0
        ? [...result.buf.subarray(span.start[i], (span.start[i] ?? 0) + (span.length[i] ?? 0))]
        : null,
    );
    expect(bytes).toEqual([[1, 2], null, [], [255]]);
  });

  it('reads many rows with the key of each, as plain rows would', async () => {
    const result = await read(
      `SELECT 'k' || (g % 37), g, g / 7.0::float8 FROM generate_series(1, $1::int) g`,
      [5000],
      ['text', 'int4', 'float8'],
    );
    expect(result.count).toBe(5000);
    for (let i = 0; i < 5000; i++) {
      const g = i + 1;
      expect(result.keys[0]?.[result.at[0]?.[i] ?? -1]).toBe(`k${g % 37}`);
      expect(result.numbers[0]?.[i]).toBe(g);
      expect(result.numbers[1]?.[i]).toBeCloseTo(g / 7, 12);
    }
  });

  it('passes any text parameter through as the same value (COPY takes no bind parameters)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000')),
        fc.array(
          fc.string({ maxLength: 10 }).filter((s) => !s.includes('\u0000')),
          { maxLength: 4 },
        ),
        async (text, list) => {
          const result = await read(
            'SELECT $1::text, cardinality($2::text[]), array_to_string($2::text[], $3)',
            [text, list, '\u0001'],
            ['text', 'int4', 'text'],
          );
          expect(result.keys[0]?.[0]).toBe(text);
          expect(result.numbers[0]?.[0]).toBe(list.length);
          expect(result.keys[1]?.[0]).toBe(list.join('\u0001'));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names a column whose type is not the one asked for', async () => {
    await expect(read('SELECT 1.5::numeric', [], ['float8'])).rejects.toThrow(/float8/);
  });

  it('refuses a placeholder without a value rather than sending it', () => {
    expect(() => inlineParams('SELECT $2', ['a'])).toThrow(/\$2/);
  });
});
