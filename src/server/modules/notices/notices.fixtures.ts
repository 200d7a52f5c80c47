import { randomUUID } from 'node:crypto';
import type { TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * Families made through SQL for the notice tests, enrolled in a unit of the caller's choosing: who has
 * custody, who has an address, and how old each child is are exactly what the test says.
 */
export interface TTestGuardian {
  first: string;
  custody?: boolean;
  /** False: no registered address (the follow-up list). */
  address?: boolean;
}

export interface TTestChild {
  first: string;
  /** Age in whole years today (born this many years and 30 days ago). */
  age: number;
  /** False: no home of its own registered. */
  home?: boolean;
}

export interface TTestFamily {
  familyId: string;
  lastName: string;
  children: { id: string; first: string }[];
  guardians: { id: string; first: string }[];
}

let counter = 0;

function fakeCpr(birthDate: string): string {
  const [y, m, d] = birthDate.split('-');
  counter += 1;
  return `${d}${m}${y?.slice(2)}-${String(4000 + ((Date.now() + counter * 7919) % 6000)).padStart(4, '0')}`;
}

/** A family: its children enrolled in `unitId` from a year ago, its guardians related to every child. */
export async function insertFamily(
  t: TTestApp,
  municipalityId: string,
  unitId: string,
  spec: { children: TTestChild[]; guardians: TTestGuardian[] },
): Promise<TTestFamily> {
  const m = municipalityId;
  const lastName = `Oplysning${randomUUID().slice(0, 6)}`;
  const q = t.db.pool;
  const familyId = (
    await q.query('INSERT INTO families (municipality_id, name) VALUES ($1, $2) RETURNING id', [m, lastName])
  ).rows[0].id;
  const home = (
    await q.query(
      `INSERT INTO households (municipality_id, address, postal_code, city) VALUES ($1, $2, '9000', 'Aalborg') RETURNING id`,
      [m, `Søndergade ${++counter}`],
    )
  ).rows[0].id;
  const children: TTestFamily['children'] = [];
  for (const c of spec.children) {
    const { rows } = await q.query(
      'SELECT ((current_date - make_interval(years => $1::int))::date - 30)::text AS d',
      [c.age],
    );
    const birth: string = rows[0].d;
    let id: string | undefined;
    while (!id) {
      const cpr = fakeCpr(birth);
      const inserted = await q.query(
        `INSERT INTO children (municipality_id, first_name, last_name, birth_date, gender, cpr_encrypted, cpr_hash, family_id)
         VALUES ($1, $2, $3, $4, 'female', $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
        [m, c.first, lastName, birth, t.cipher.encrypt(cpr), t.cipher.hash(cpr), familyId],
      );
      id = inserted.rows[0]?.id;
    }
    if (c.home !== false)
      await q.query(
        'INSERT INTO child_households (municipality_id, child_id, household_id) VALUES ($1, $2, $3)',
        [m, id, home],
      );
    await q.query(
      `INSERT INTO enrolments (municipality_id, child_id, unit_id, from_date) VALUES ($1, $2, $3, current_date - 365)`,
      [m, id, unitId],
    );
    children.push({ id, first: c.first });
  }
  const guardians: TTestFamily['guardians'] = [];
  for (const g of spec.guardians) {
    const { rows } = await q.query(
      `INSERT INTO guardians (municipality_id, first_name, last_name, household_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [m, g.first, lastName, g.address === false ? null : home],
    );
    for (const c of children)
      await q.query(
        `INSERT INTO child_guardians (municipality_id, child_id, guardian_id, relation, has_custody)
         VALUES ($1, $2, $3, 'other', $4)`,
        [m, c.id, rows[0].id, g.custody !== false],
      );
    guardians.push({ id: rows[0].id, first: g.first });
  }
  return { familyId, lastName, children, guardians };
}

/** The information notices naming a child, oldest first, with their letters' subjects. */
export async function noticesOf(t: TTestApp, childId: string) {
  const { rows } = await t.db.pool.query(
    `SELECT n.id, n.kind, n.scope, n.audience, n.guardian_id, n.recipient_child_id, n.recipient_name, n.child_ids,
            n.status, n.follow_up_reason, n.letter_id, n.text_versions, l.subject, l.pdf, l.data
       FROM notices n LEFT JOIN letters l ON l.municipality_id = n.municipality_id AND l.id = n.letter_id
      WHERE $1::uuid = ANY(n.child_ids) ORDER BY n.created_at, n.id`,
    [childId],
  );
  return rows;
}
