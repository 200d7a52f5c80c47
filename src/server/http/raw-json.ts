/**
 * A JSON document already serialised (by PostgreSQL, or written as bytes); the route wrapper sends it as it
 * is. `T` names the answer's type (a schema's in src/shared/schemas) for the reader; the tests check the
 * text against the schema, as no compiler can.
 */
export class RawJson<T = unknown> {
  declare readonly answer?: T;
  constructor(readonly text: string | Buffer) {}
}
