import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sql, sql } from './sql.ts';

describe('sql', () => {
  it('numbers the values it is given in order', () => {
    const q = sql`SELECT * FROM children WHERE municipality_id = ${'m1'} AND id = ${'c1'}`;
    expect(q.text).toBe('SELECT * FROM children WHERE municipality_id = $1 AND id = $2');
    expect(q.values).toEqual(['m1', 'c1']);
  });

  it('renumbers a fragment placed inside another', () => {
    const inner = sql`e.unit_id = ANY(${['u1', 'u2']}::uuid[]) AND e.child_id = ${'c1'}`;
    const q = sql`SELECT 1 FROM enrolments e WHERE e.municipality_id = ${'m1'} AND ${inner} LIMIT ${5}`;
    expect(q.text).toBe(
      'SELECT 1 FROM enrolments e WHERE e.municipality_id = $1 AND e.unit_id = ANY($2::uuid[]) AND e.child_id = $3 LIMIT $4',
    );
    expect(q.values).toEqual(['m1', ['u1', 'u2'], 'c1', 5]);
  });

  it('gives a fragment used twice its own numbers each time', () => {
    const user = sql`c.caseworker_id = ${'user-1'}`;
    const q = sql`${user} OR ${user}`;
    expect(q.text).toBe('c.caseworker_id = $1 OR c.caseworker_id = $2');
    expect(q.values).toEqual(['user-1', 'user-1']);
  });

  it('binds text that looks like SQL as a value, never as text', () => {
    const q = sql`SELECT ${"'); DROP TABLE children; --"}`;
    expect(q.text).toBe('SELECT $1');
  });

  it('splices raw text and plain identifiers, and refuses anything else as an identifier', () => {
    expect(sql`SELECT ${sql.ident('se')}.id ${sql.raw('FOR UPDATE')}`.text).toBe('SELECT se.id FOR UPDATE');
    expect(() => sql.ident('e; DROP TABLE x')).toThrow();
    expect(() => sql.ident('"E"')).toThrow();
  });

  it('joins fragments with a separator, and an empty list to nothing', () => {
    const q = sql.join([sql`a = ${1}`, sql`b = ${2}`, sql`c`], ' AND ');
    expect(q.text).toBe('a = $1 AND b = $2 AND c');
    expect(q.values).toEqual([1, 2]);
    expect(sql.join([], ', ').text).toBe('');
    expect(sql`x${sql.empty}y`.text).toBe('xy');
  });

  it('is a query config pg accepts', () => {
    const q = sql`SELECT ${1}::int`;
    expect({ name: 'one', ...q.query() }).toEqual({ name: 'one', text: 'SELECT $1::int', values: [1] });
  });

  // A fragment tree: text pieces, values and nested fragments, in any order and depth.
  type TNode = { text: string } | { value: { id: number } } | { nested: TNode[] };
  const text = fc.string({ unit: fc.constantFrom('a', ' ', '=', '(', ')', ',', '1', '\n'), maxLength: 6 });
  const { tree } = fc.letrec<{ tree: TNode[]; node: TNode }>((tie) => ({
    tree: fc.array(tie('node'), { maxLength: 6 }),
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text.map((t) => ({ text: t })),
      fc.nat().map((id) => ({ value: { id } })),
      tie('tree').map((nested) => ({ nested })),
    ),
  }));

  function build(nodes: TNode[]): Sql {
    const parts: string[] = [''];
    const inserts: unknown[] = [];
    for (const n of nodes) {
      if ('text' in n) parts[parts.length - 1] += n.text;
      else {
        inserts.push('value' in n ? n.value : build(n.nested));
        parts.push('');
      }
    }
    return Sql.build(parts, inserts);
  }

  // What the tree says, with each value written where it stands: the oracle, built without numbering.
  function inline(nodes: TNode[]): string {
    return nodes
      .map((n) => ('text' in n ? n.text : 'value' in n ? `<${n.value.id}>` : inline(n.nested)))
      .join('');
  }

  it('pairs every $n with the value written at that place, however fragments are nested', () => {
    fc.assert(
      fc.property(tree, (nodes) => {
        const q = build(nodes);
        if (q.strings.slice(1).some((s) => /^\d/.test(s))) {
          // A digit right after a value would change its number; the text refuses to be written.
          expect(() => q.text).toThrow();
          return;
        }
        const numbers = [...q.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
        // $1 … $n each once, in order, one per value.
        expect(numbers).toEqual(q.values.map((_, i) => i + 1));
        const rendered = q.text.replace(
          /\$(\d+)/g,
          (_, n) => `<${(q.values[Number(n) - 1] as { id: number }).id}>`,
        );
        expect(rendered).toBe(inline(nodes));
      }),
    );
  });
});
