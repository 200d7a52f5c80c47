import type { TChildProfile } from '../../../shared/schemas/children-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { RawJson } from '../../http/raw-json.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childRelation, childRelationFromRow, readableUnits } from './children.access.ts';

type TProfileRow = Parameters<typeof childRelationFromRow>[0] & {
  id: string;
  sibling_ids: string[];
  doc: string;
};

/**
 * The child's profile in one query: relation check, the stored document (facts, enrolments, guardians,
 * households) and the family with its siblings.
 * No relation (or another municipality) reads as 404, so a child's existence is never confirmed.
 * Answers only after the audit event of this read is durable.
 */
export const getChildProfile = defineUseCase(
  'read:child:unit',
  async (ctx, childId: string): Promise<RawJson<TChildProfile>> => {
    const units = readableUnits(ctx);
    // One statement, one round trip on a connection already bound to the municipality (decision 011).
    const { rows } = await ctx.db.tenantQuery<TProfileRow>(ctx.user.municipalityId, {
      // The document is built by PostgreSQL and passed through as text: the hot path parses and
      // re-serialises nothing. Its viewer-independent part (facts, enrolments, guardians, households) is
      // stored in child_profiles, kept by triggers (decision 017); a child whose document is not built yet
      // (a bulk build, until the fill job ran) gets it computed live — COALESCE evaluates that only then.
      // The relation and the family (siblings carry the viewer's `accessible`) are appended here.
      name: 'child-profile',
      ...sql`SELECT c.id, rel.*, sib.ids AS sibling_ids,
         left(coalesce(p.doc, child_profile_doc(c.municipality_id, c.id)), -1)
         || ', "relation" : ' || json_build_object('kind', 'enrolment', 'unitId', rel.rel_unit_id, 'unitName', rel.rel_unit_name)::text
         || ', "family" : ' || CASE WHEN f.id IS NULL THEN 'null'
                                   ELSE json_build_object('id', f.id, 'name', f.name, 'siblings', sib.list)::text END
         || '}' AS doc
       FROM children c
       JOIN LATERAL (${childRelation(units)}) rel ON true
       LEFT JOIN child_profiles p ON p.municipality_id = c.municipality_id AND p.child_id = c.id
       LEFT JOIN families f ON f.municipality_id = c.municipality_id AND f.id = c.family_id
       CROSS JOIN LATERAL (
         SELECT coalesce(array_agg(s.id ORDER BY s.birth_date, s.id), '{}') AS ids,
                coalesce(json_agg(json_build_object('id', s.id, 'firstName', s.first_name, 'lastName', s.last_name,
                  'birthDate', s.birth_date, 'accessible', EXISTS (SELECT 1 FROM enrolments se
                    WHERE se.municipality_id = s.municipality_id AND se.child_id = s.id AND se.unit_id = ANY(${units}::uuid[])
                      AND ${currentEnrolment('se')}))
                  ORDER BY s.birth_date, s.id), '[]') AS list
           FROM children s
          WHERE s.municipality_id = c.municipality_id AND s.family_id = c.family_id AND s.id <> c.id) sib
      WHERE c.municipality_id = ${ctx.user.municipalityId} AND c.id = ${childId}`.query(),
    });
    const row = rows[0];
    if (!row) throw new AppError('NOT_FOUND');
    await ctx.audit.record(
      auditEvent(ctx, {
        relation: childRelationFromRow(row),
        action: 'read',
        entity: 'child',
        entityId: row.id,
        childId: row.id,
        // Siblings' names appear on the profile, so they are named in the event too.
        detail: { view: 'profile', siblingIds: row.sibling_ids },
      }),
    );
    return new RawJson(row.doc);
  },
);
