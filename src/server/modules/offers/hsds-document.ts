import type { TOffer, TProvider } from '../../../shared/schemas/offer-views.ts';
import { stableUuid } from './stable-uuid.ts';

/**
 * The published catalogue as Open Referral HSDS 3.0 (issue 15, item 2): one `organization` per provider, one
 * `service` per active offer, a `location` per place (shared by offers at the same address), and a
 * `service_at_location` joining them with the weekly sessions as iCal-style `schedules`. Ages, cost (DKK per
 * year), languages, contact e-mail and phone, and eligibility go to the service fields the standard has;
 * what it has no field for — kind of offer, referral or direct access, the leisure pass, places in all and
 * free, the protective factors — goes into `attributes` under a taxonomy of Beskyt's own.
 *
 * Nothing personal is written: no child or guardian (offers hold none), and not the offer's contact person
 * or owner by name — only the provider's and the offer's contact e-mail and phone.
 */

type TJson = Record<string, unknown>;

export interface THsdsExport {
  hsds_version: '3.0';
  generated_at: string;
  publisher: { name: string };
  organizations: TJson[];
  services: TJson[];
  locations: TJson[];
  service_at_locations: TJson[];
}

const TAXONOMY = 'Beskyt: tilbud til børn og unge';

/** Leaves out empty values: HSDS fields are typed, and an absent field says "not known" better than "". */
function compact(o: TJson): TJson {
  return Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

function attribute(
  linkId: string,
  linkEntity: string,
  linkType: string,
  value: string,
  term: string,
  description: string,
) {
  const termId = stableUuid(`taxonomy:${linkType}:${value}`);
  return {
    id: stableUuid(`attribute:${linkEntity}:${linkId}:${linkType}:${value}`),
    link_id: linkId,
    link_type: linkType,
    link_entity: linkEntity,
    value,
    taxonomy_term_id: termId,
    taxonomy_term: { id: termId, code: value, name: term, description, taxonomy: TAXONOMY, language: 'da' },
  };
}

function phones(owner: { key: string; field: string; id: string }, number: string): TJson[] {
  if (!number) return [];
  return [{ id: stableUuid(`phone:${owner.key}`), [owner.field]: owner.id, number, type: 'voice' }];
}

function organization(p: TProvider): TJson {
  return compact({
    id: p.id,
    name: p.name,
    description: p.description || p.name,
    email: p.email,
    website: p.website,
    phones: phones({ key: `organization:${p.id}`, field: 'organization_id', id: p.id }, p.phone),
    attributes: [attribute(p.id, 'organization', 'provider_kind', p.kind, p.kind, 'Slags udbyder')],
  });
}

function hasAddress(o: TOffer): boolean {
  return o.address !== '' && o.postalCode !== '' && o.city !== '';
}

function locationKey(o: TOffer): string {
  return `location:${o.provider.id}:${o.placeName}:${o.address}:${o.postalCode}`.toLowerCase();
}

function location(o: TOffer, id: string, municipality: string): TJson {
  return compact({
    id,
    location_type: 'physical',
    organization_id: o.provider.id,
    name: o.placeName || o.address,
    addresses: [
      {
        id: stableUuid(`address:${id}`),
        location_id: id,
        address_1: o.address,
        city: o.city,
        state_province: o.district ? `${municipality}, ${o.district.name}` : municipality,
        postal_code: o.postalCode,
        country: 'DK',
        address_type: 'physical',
      },
    ],
  });
}

function schedules(o: TOffer, link: { field: 'service_id' | 'service_at_location_id'; id: string }): TJson[] {
  return o.schedule.map((s, i) =>
    compact({
      id: stableUuid(`schedule:${o.id}:${i}`),
      [link.field]: link.id,
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: s.day,
      opens_at: s.opensAt,
      closes_at: s.closesAt,
      description: o.scheduleNote,
    }),
  );
}

function fees(o: TOffer): string {
  const price = o.costDkk === 0 ? 'Gratis' : `${o.costDkk} kr. om året`;
  return [price, o.leisurePass ? 'kan betales med fritidspas' : '', o.costNote].filter(Boolean).join('; ');
}

function service(o: TOffer, withSchedules: boolean): TJson {
  const attrs = [
    attribute(o.id, 'service', 'offer_kind', o.kind, o.kindLabel, 'Slags tilbud'),
    attribute(
      o.id,
      'service',
      'access',
      o.access,
      o.access === 'referral' ? 'Kræver henvisning' : 'Direkte adgang',
      'Hvordan man kommer i gang',
    ),
    ...(o.leisurePass
      ? [attribute(o.id, 'service', 'leisure_pass', 'true', 'Fritidspas', 'Kan betales med fritidspas')]
      : []),
    ...(o.capacity
      ? [
          attribute(
            o.id,
            'service',
            'places_total',
            String(o.capacity.total),
            'Pladser i alt',
            'Pladser i alt',
          ),
          attribute(
            o.id,
            'service',
            'places_free',
            String(o.capacity.free),
            'Ledige pladser',
            'Ledige pladser',
          ),
          attribute(
            o.id,
            'service',
            'places_updated_at',
            o.capacity.updatedAt,
            'Pladser opdateret',
            'Hvornår pladserne sidst blev opdateret',
          ),
        ]
      : []),
    ...o.factors.map((f) =>
      attribute(
        o.id,
        'service',
        'protective_factor',
        f.code,
        f.label,
        'Beskyttelsesfaktor, tilbuddet skal styrke',
      ),
    ),
  ];
  const contactId = stableUuid(`contact:${o.id}`);
  const contact = compact({
    id: contactId,
    service_id: o.id,
    email: o.contactEmail,
    phones: phones({ key: `contact:${o.id}`, field: 'contact_id', id: contactId }, o.contactPhone),
  });
  return compact({
    id: o.id,
    organization_id: o.provider.id,
    name: o.name,
    description: o.description,
    email: o.contactEmail,
    status: 'active',
    application_process:
      o.access === 'referral'
        ? 'Kræver henvisning fra en medarbejder i kommunen, med forældrenes samtykke.'
        : 'Man kan henvende sig direkte.',
    fees_description: fees(o),
    eligibility_description: o.eligibility,
    minimum_age: o.ageFrom,
    maximum_age: o.ageTo,
    last_modified: o.updatedAt,
    languages: o.languages.map((code) => ({
      id: stableUuid(`language:${o.id}:${code}`),
      service_id: o.id,
      code,
    })),
    cost_options: [
      compact({
        id: stableUuid(`cost:${o.id}`),
        service_id: o.id,
        option: 'Pr. barn pr. år',
        currency: 'DKK',
        amount: o.costDkk,
        amount_description: o.costNote,
      }),
    ],
    contacts: Object.keys(contact).length > 2 ? [contact] : [],
    schedules: withSchedules ? schedules(o, { field: 'service_id', id: o.id }) : [],
    attributes: attrs,
  });
}

/** The export for the offers given (the caller passes the published ones) and their providers. */
export function toHsds(
  offers: readonly TOffer[],
  providers: readonly TProvider[],
  municipality: string,
  generatedAt: Date,
): THsdsExport {
  const used = new Set(offers.map((o) => o.provider.id));
  const locations = new Map<string, TJson>();
  const services: TJson[] = [];
  const serviceAtLocations: TJson[] = [];
  for (const o of offers) {
    if (!hasAddress(o)) {
      services.push(service(o, true));
      continue;
    }
    services.push(service(o, false));
    const locationId = stableUuid(locationKey(o));
    if (!locations.has(locationId)) locations.set(locationId, location(o, locationId, municipality));
    const salId = stableUuid(`service_at_location:${o.id}:${locationId}`);
    serviceAtLocations.push(
      compact({
        id: salId,
        service_id: o.id,
        location_id: locationId,
        schedules: schedules(o, { field: 'service_at_location_id', id: salId }),
      }),
    );
  }
  return {
    hsds_version: '3.0',
    generated_at: generatedAt.toISOString(),
    publisher: { name: municipality },
    organizations: providers.filter((p) => used.has(p.id)).map(organization),
    services,
    locations: [...locations.values()],
    service_at_locations: serviceAtLocations,
  };
}
