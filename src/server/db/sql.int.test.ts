import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TTestDatabase } from '../../../tests/fixtures/test-database.ts';
import { currentEnrolment } from '../access/enrolment.ts';
import { type Sql, sql } from './sql.ts';

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('sql`…` on PostgreSQL', () => {
  it('binds every value of nested fragments to its own place (property)', async () => {
    // A random tree of fragments holding numbers: PostgreSQL must hand back every number in the order
    // it was written, however deep it was nested.
    type TNode = number | { nested: TNode[] };
    const { tree } = fc.letrec<{ tree: TNode[]; node: TNode }>((tie) => ({
      tree: fc.array(tie('node'), { minLength: 1, maxLength: 5 }),
      node: fc.oneof(
        { depthSize: 'small' },
        fc.integer(),
        tie('tree').map((nested) => ({ nested })),
      ),
    }));
    const flatten = (nodes: TNode[]): number[] =>
      nodes.flatMap((n) => (typeof n === 'number' ? [n] : flatten(n.nested)));
    const build = (nodes: TNode[]): Sql =>
      sql.join(
        nodes.map((n) => (typeof n === 'number' ? sql`${n}::int` : sql`${build(n.nested)}`)),
        ', ',
      );
    for (const nodes of fc.sample(tree, 50)) {
      const { rows } = await database.db.system((q) => q.query(sql`SELECT ARRAY[${build(nodes)}] AS v`));
      expect(rows[0].v).toEqual(flatten(nodes));
    }
  });

  it('reads a current enrolment as one that has begun and not ended before today', async () => {
    const { rows } = await database.db.system((q) =>
      q.query(
        sql`SELECT k, ${currentEnrolment('e')} AS current
              FROM (VALUES ('started today', current_date, NULL::date),
                           ('starts tomorrow', current_date + 1, NULL),
                           ('ends today', current_date - 10, current_date),
                           ('ended yesterday', current_date - 10, current_date - 1),
                           ('open', current_date - 10, NULL)) AS e(k, from_date, to_date)
             ORDER BY k`,
      ),
    );
    expect(Object.fromEntries(rows.map((r) => [r.k, r.current]))).toEqual({
      'started today': true,
      'starts tomorrow': false,
      'ends today': true,
      'ended yesterday': false,
      open: true,
    });
  });
});
