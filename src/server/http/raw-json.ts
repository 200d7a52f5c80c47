/** A JSON document already serialised (by PostgreSQL, or written as bytes); the route wrapper sends it as it is. */
export class RawJson {
  constructor(readonly text: string | Buffer) {}
}
