import { type Sql, sql } from '../../db/sql.ts';
import type { TOfferFields } from './offer-write-checks.ts';

/** Each request field of an offer and its column (the schedule is stored as JSON). */
const COLUMN: Record<keyof TOfferFields, string> = {
  kind: 'kind',
  name: 'name',
  description: 'description',
  ageFrom: 'age_from',
  ageTo: 'age_to',
  eligibility: 'eligibility',
  costDkk: 'cost_dkk',
  costNote: 'cost_note',
  leisurePass: 'leisure_pass',
  districtId: 'district_id',
  placeName: 'place_name',
  address: 'address',
  postalCode: 'postal_code',
  city: 'city',
  schedule: 'schedule',
  scheduleNote: 'schedule_note',
  languages: 'languages',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
  access: 'access',
  status: 'status',
  capacityTotal: 'capacity_total',
  capacityFree: 'capacity_free',
  factorCodes: 'factor_codes',
  ownerId: 'owner_id',
};

/** The columns and bound values for the fields given (an insert's lists, or an update's assignments). */
export function offerColumns(fields: Partial<TOfferFields>): { names: Sql[]; values: Sql[] } {
  const names: Sql[] = [];
  const values: Sql[] = [];
  for (const [key, value] of Object.entries(fields) as [keyof TOfferFields, unknown][]) {
    if (value === undefined) continue;
    names.push(sql.ident(COLUMN[key]));
    values.push(key === 'schedule' ? sql`${JSON.stringify(value)}::jsonb` : sql`${value}`);
  }
  return { names, values };
}

/** The offer's stored row as request fields, to merge an edit into before the rules are checked. */
export function offerFieldsFromRow(r: Record<string, unknown>): TOfferFields {
  return Object.fromEntries(
    (Object.entries(COLUMN) as [keyof TOfferFields, string][]).map(([key, column]) => [key, r[column]]),
  ) as TOfferFields;
}
