import type { Queryable } from '../../db/client.ts';
import type { TLetterRecipientInput } from './queue-letter.ts';

export interface TCustodyRecipient extends TLetterRecipientInput {
  childId: string;
  guardianId: string;
}

/** The parents with custody of these children, as letter recipients with their household's address. */
export async function custodyRecipients(
  q: Queryable,
  municipalityId: string,
  childIds: readonly string[],
): Promise<TCustodyRecipient[]> {
  const { rows } = await q.query(
    `SELECT cg.child_id, g.id, g.first_name || ' ' || g.last_name AS name, h.address, h.postal_code, h.city
       FROM child_guardians cg
       JOIN guardians g ON g.municipality_id = cg.municipality_id AND g.id = cg.guardian_id
       LEFT JOIN households h ON h.municipality_id = g.municipality_id AND h.id = g.household_id
      WHERE cg.municipality_id = $1 AND cg.has_custody AND cg.child_id = ANY($2::uuid[])
      ORDER BY g.id`,
    [municipalityId, childIds],
  );
  return rows.map((g) => ({
    name: g.name,
    addressLines: g.address ? [g.address, `${g.postal_code} ${g.city}`] : [],
    childId: g.child_id,
    guardianId: g.id,
  }));
}
