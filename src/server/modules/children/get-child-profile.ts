import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission, roleFor } from '../../http/permissions.ts';
import { RawJson } from '../../http/raw-json.ts';
import { readableUnits, relationFromRow, relationPurpose, relationSql } from './children.access.ts';

type TProfileRow = Parameters<typeof relationFromRow>[0] & { id: string; sibling_ids: string[]; doc: string };

/**
 * The child's profile in one query: relation check, facts, enrolments, guardians, households and family.
 * No relation (or another municipality) reads as 404, so a child's existence is never confirmed.
 * Answers only after the audit event of this read is durable.
 */
export async function getChildProfile(ctx: TCtx, childId: string): Promise<RawJson> {
  requirePermission(ctx, 'read:child:unit');
  const units = readableUnits(ctx);
  // One statement, one round trip on a connection already bound to the municipality.
  const { rows } = await ctx.db.tenantQuery<TProfileRow>(ctx.user.municipalityId, {
    // The document is built by PostgreSQL and passed through as text: the hot path parses and
    // re-serialises nothing. The masked CPR is the birth date part, which is what ddmmyy in a CPR number is.
    name: 'child-profile',
    text: `SELECT c.id, rel.*,
         ARRAY(SELECT s.id FROM children s WHERE s.municipality_id = c.municipality_id AND s.family_id = c.family_id
                 AND s.id <> c.id) AS sibling_ids,
         json_build_object(
         'id', c.id, 'firstName', c.first_name, 'lastName', c.last_name, 'birthDate', c.birth_date, 'gender', c.gender,
         'cprMasked', to_char(c.birth_date, 'DDMMYY') || '-xxxx', 'version', c.version,
         'relation', json_build_object('kind', 'enrolment', 'unitId', rel.rel_unit_id, 'unitName', rel.rel_unit_name),
         'enrolments', (SELECT coalesce(json_agg(json_build_object('id', e.id, 'unitId', e.unit_id, 'unitName', u.name, 'unitKind', u.kind,
                   'groupName', e.group_name, 'fromDate', e.from_date, 'toDate', e.to_date) ORDER BY e.from_date DESC), '[]')
            FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
           WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id),
         'guardians', (SELECT coalesce(json_agg(json_build_object('id', g.id, 'firstName', g.first_name, 'lastName', g.last_name,
                   'relation', cg.relation, 'hasCustody', cg.has_custody, 'phone', g.phone, 'email', g.email)
                   ORDER BY cg.has_custody DESC, g.last_name), '[]')
            FROM child_guardians cg JOIN guardians g ON g.municipality_id = cg.municipality_id AND g.id = cg.guardian_id
           WHERE cg.municipality_id = c.municipality_id AND cg.child_id = c.id),
         'households', (SELECT coalesce(json_agg(json_build_object('id', h.id, 'address', h.address, 'postalCode', h.postal_code,
                   'city', h.city, 'isPrimary', ch.is_primary) ORDER BY ch.is_primary DESC), '[]')
            FROM child_households ch JOIN households h ON h.municipality_id = ch.municipality_id AND h.id = ch.household_id
           WHERE ch.municipality_id = c.municipality_id AND ch.child_id = c.id),
         'family', (SELECT json_build_object('id', f.id, 'name', f.name, 'siblings',
                   (SELECT coalesce(json_agg(json_build_object('id', s.id, 'firstName', s.first_name, 'lastName', s.last_name,
                             'birthDate', s.birth_date, 'accessible', EXISTS (SELECT 1 FROM enrolments se
                               WHERE se.municipality_id = s.municipality_id AND se.child_id = s.id AND se.unit_id = ANY($3::uuid[])
                                 AND se.from_date <= current_date AND (se.to_date IS NULL OR se.to_date >= current_date)))
                             ORDER BY s.birth_date), '[]')
                      FROM children s WHERE s.municipality_id = c.municipality_id AND s.family_id = f.id AND s.id <> c.id))
            FROM families f WHERE f.municipality_id = c.municipality_id AND f.id = c.family_id)
       )::text AS doc
       FROM children c JOIN LATERAL (${relationSql('$3')}) rel ON true
      WHERE c.municipality_id = $1 AND c.id = $2`,
    values: [ctx.user.municipalityId, childId, units],
  });
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  const relation = relationFromRow(row);
  await ctx.audit.record({
    municipalityId: ctx.user.municipalityId,
    userId: ctx.user.userId,
    role: roleFor(ctx, 'read:child:unit', relation.unitId),
    action: 'read',
    entity: 'child',
    entityId: row.id,
    childId: row.id,
    purpose: relationPurpose(relation),
    ip: ctx.ip,
    // Siblings' names appear on the profile, so they are named in the event too.
    detail: { view: 'profile', siblingIds: row.sibling_ids },
  });
  return new RawJson(row.doc);
}
