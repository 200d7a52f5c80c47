import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TTestDatabase } from '../../../tests/fixtures/test-database.ts';

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** The day it is in Denmark, from this process's clock. */
const danishToday = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());

describe('every connection counts days in Danish time', () => {
  // Between 23:00 and 24:00 UTC (22:00 in summer) the UTC date is a day behind Denmark's: a round opening
  // on the Danish date would still be "upcoming", a follow-up due today already "overdue" the day after.
  it('current_date is the Danish date on the owner pool and in a tenant transaction', async () => {
    const { db } = database;
    const owner = await db.pool.query<{ today: string; zone: string }>(
      "SELECT current_date::text AS today, current_setting('TimeZone') AS zone",
    );
    expect(owner.rows[0]).toEqual({ today: danishToday(), zone: 'Europe/Copenhagen' });
    const tenant = await db.tenantRead('00000000-0000-4000-8000-000000000000', (q) =>
      q.query<{ zone: string; same: boolean }>(
        `SELECT current_setting('TimeZone') AS zone,
                current_date = (now() AT TIME ZONE 'Europe/Copenhagen')::date AS same`,
      ),
    );
    expect(tenant.rows[0]).toEqual({ zone: 'Europe/Copenhagen', same: true });
  });
});
