import { consentStatus, type TInfoKind } from '../../../domain/sharing/sharing-rule.ts';
import type { TConsent } from '../../../shared/schemas/consents.ts';
import type { Queryable } from '../../db/client.ts';

/** The child's consents, newest first, with their status on `today`. */
export async function selectConsents(
  q: Queryable,
  municipalityId: string,
  where: { childId?: string; consentId?: string },
  today: string,
): Promise<TConsent[]> {
  const { rows } = await q.query(
    `SELECT k.*, k.withdrawn_at IS NOT NULL AS withdrawn, cu.name AS created_by_name,
            (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.first_name || ' ' || g.last_name) ORDER BY g.last_name), '[]')
               FROM guardians g WHERE g.municipality_id = k.municipality_id AND g.id = ANY(k.guardian_ids)) AS guardians,
            (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name), '[]')
               FROM units u WHERE u.municipality_id = k.municipality_id AND u.id = ANY(k.recipient_unit_ids)) AS units,
            (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name), '[]')
               FROM offer_providers p WHERE p.municipality_id = k.municipality_id AND p.id = ANY(k.recipient_provider_ids)) AS providers
       FROM consents k JOIN users cu ON cu.municipality_id = k.municipality_id AND cu.id = k.created_by
      WHERE k.municipality_id = $1 AND ($2::uuid IS NULL OR k.child_id = $2) AND ($3::uuid IS NULL OR k.id = $3)
      ORDER BY k.valid_to DESC, k.created_at DESC`,
    [municipalityId, where.childId ?? null, where.consentId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    childId: r.child_id,
    guardians: r.guardians,
    youngPerson: r.young_person,
    infoKinds: r.info_kinds as TInfoKind[],
    recipientUnits: r.units,
    recipientProfessions: r.recipient_professions,
    recipientProviders: r.providers,
    purpose: r.purpose,
    signedOn: r.signed_on,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: consentStatus({ validFrom: r.valid_from, validTo: r.valid_to, withdrawn: r.withdrawn }, today),
    withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by_name,
    version: r.version,
  }));
}

export async function today(q: Queryable): Promise<string> {
  const { rows } = await q.query('SELECT current_date::text AS today');
  return rows[0].today;
}
