/**
 * SQL that numbers its own parameters (decision 021). `sql\`… ${value} …\`` keeps the text and the values
 * apart and writes `$1 … $n` itself, so a predicate written once (a current enrolment, a case relation)
 * can be placed inside any query without knowing which parameter numbers the query already uses. A
 * fragment inside a fragment is spliced in and renumbered; everything else interpolated is a bound value,
 * never text. Text that is not a value goes in only through `sql.raw` (trusted constants) or `sql.ident`.
 *
 * A fragment is a `pg` query config: `q.query(fragment)` or `q.query({ name, ...fragment.query() })`.
 */
export class Sql {
  /** `strings.length === values.length + 1`; values never hold a fragment (nested ones are spliced in). */
  private constructor(
    readonly strings: readonly string[],
    readonly values: unknown[],
  ) {}

  /** The text with `$1 … $n`, in the order of `values`. */
  get text(): string {
    let text = this.strings[0] ?? '';
    for (let i = 1; i < this.strings.length; i++) {
      const after = this.strings[i] ?? '';
      // `${v}1` would read as a different parameter number ($11): refuse rather than pair wrongly.
      if (/^\d/.test(after)) throw new Error('a value in sql`…` must not be followed directly by a digit');
      text += `$${i}${after}`;
    }
    return text;
  }

  /** What `pg` takes as a query config (a plain object, so a prepared statement name can be added). */
  query(): { text: string; values: unknown[] } {
    return { text: this.text, values: [...this.values] };
  }

  /** Builds a fragment from template parts, splicing nested fragments in. */
  static build(parts: readonly string[], inserts: readonly unknown[]): Sql {
    const strings: string[] = [parts[0] ?? ''];
    const values: unknown[] = [];
    for (let i = 0; i < inserts.length; i++) {
      const value = inserts[i];
      const next = parts[i + 1] ?? '';
      if (value instanceof Sql) {
        strings[strings.length - 1] += value.strings[0] ?? '';
        for (let j = 0; j < value.values.length; j++) {
          values.push(value.values[j]);
          strings.push(value.strings[j + 1] ?? '');
        }
        strings[strings.length - 1] += next;
      } else {
        values.push(value);
        strings.push(next);
      }
    }
    return new Sql(strings, values);
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

interface TSqlTag {
  (strings: TemplateStringsArray, ...values: unknown[]): Sql;
  /** Trusted text (a constant of the code, never input) spliced in as it is. */
  raw(text: string): Sql;
  /**
   * An identifier (a table alias, a column) spliced in as it is. Only plain lower-case names are
   * accepted, so no input can ever smuggle text through here.
   */
  ident(name: string): Sql;
  /** Fragments joined by a separator (`, `, ` AND ` …). */
  join(fragments: readonly Sql[], separator: string): Sql;
  /** The empty fragment (an optional clause left out). */
  empty: Sql;
}

export const sql: TSqlTag = Object.assign(
  (strings: TemplateStringsArray, ...values: unknown[]) => Sql.build(strings, values),
  {
    raw: (text: string) => Sql.build([text], []),
    ident: (name: string) => {
      if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
      return Sql.build([name], []);
    },
    join: (fragments: readonly Sql[], separator: string) =>
      Sql.build(
        fragments.length === 0 ? [''] : ['', ...fragments.slice(1).map(() => separator), ''],
        fragments,
      ),
    empty: Sql.build([''], []),
  },
);
