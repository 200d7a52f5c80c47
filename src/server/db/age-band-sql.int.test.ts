import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TTestDatabase } from '../../../tests/fixtures/test-database.ts';
import { ageBand, ageOn } from '../../domain/measurement/age-band.ts';

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('age_on() and age_band() in SQL', () => {
  it('agree with the domain rules on any pair of dates, leap days included', async () => {
    const pairs = fc.sample(fc.tuple(isoDate, isoDate), 2_000);
    pairs.push(['2008-02-29', '2026-02-28'], ['2008-02-29', '2026-03-01'], ['2020-02-29', '2024-02-29']);
    const { rows } = await database.db.system((q) =>
      q.query<{ age: number | null; band: string | null }>(
        `SELECT age_on(b, o) AS age, age_band(age_on(b, o)) AS band
           FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS p(b, o, i) ORDER BY i`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      ),
    );
    rows.forEach((row, i) => {
      const [birth, on] = pairs[i] as [string, string];
      if (on < birth) {
        expect(row).toEqual({ age: null, band: null });
        return;
      }
      expect(row.age).toBe(ageOn(birth, on));
      expect(row.band).toBe(ageBand(birth, on));
    });
  });
});
