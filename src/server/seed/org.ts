import { randomUUID } from 'node:crypto';
import type { TUnitKind } from '../../shared/permissions.ts';
import { CIVIL_SOCIETY_NAMES, DAYCARE_NAMES, DISTRICTS, SCHOOL_NAMES, TOWNS } from './names.ts';
import type { Rng } from './rng.ts';

export interface TDistrictRow {
  municipality_id: string;
  id: string;
  name: string;
}
export interface TUnitRow {
  municipality_id: string;
  id: string;
  district_id: string | null;
  name: string;
  kind: TUnitKind;
}
export interface TTeamRow {
  municipality_id: string;
  id: string;
  unit_id: string | null;
  name: string;
}

/** What a district offers the families living in it. */
export interface TLocalArea {
  districtId: string;
  town: string;
  postalCode: string;
  daycares: string[];
  schools: string[];
  clubs: string[];
}

export interface TOrganisation {
  districts: TDistrictRow[];
  units: TUnitRow[];
  teams: TTeamRow[];
  areas: TLocalArea[];
  healthVisitingId: string;
  civilSocietyIds: string[];
  /** The caseworkers' team the demo caseworker and manager belong to. */
  firstTeamId: string;
}

/** How many daycares, schools and clubs; by default sized from the number of children. */
export interface TUnitCounts {
  daycares: number;
  schools: number;
  clubs: number;
}

export interface TOrganisationOptions {
  /** District names; by default three or four of the demo ones. */
  districts?: readonly string[];
  units?: TUnitCounts;
}

// Sized like a real municipality at scale, but never below a demo-friendly ~30 units.
function unitCounts(children: number, districts: number): TUnitCounts {
  return {
    daycares: Math.max(14, Math.round((children * 0.29) / 50)),
    schools: Math.max(districts, Math.round((children * 0.6) / 450)),
    clubs: Math.max(districts, Math.round(children / 2000)),
  };
}

/** The i-th name from a pool, numbered once the pool runs out so names stay unique. */
function nth(pool: readonly string[], i: number): string {
  const base = pool[i % pool.length] as string;
  return i < pool.length ? base : `${base} ${Math.floor(i / pool.length) + 1}`;
}

export function buildOrganisation(
  rng: Rng,
  municipalityId: string,
  children: number,
  options: TOrganisationOptions = {},
): TOrganisation {
  const districtCount = options.districts?.length ?? rng.int(3, 4);
  const towns = rng.shuffle(TOWNS);
  const postalBase = rng.int(40, 79) * 100;
  const names = options.districts ?? DISTRICTS.slice(0, districtCount);
  const districts: TDistrictRow[] = names.map((name) => ({
    municipality_id: municipalityId,
    id: randomUUID(),
    name,
  }));
  const areas: TLocalArea[] = districts.map((d, i) => ({
    districtId: d.id,
    town: towns[i % towns.length] as string,
    postalCode: String(postalBase + (i + 1) * 10),
    daycares: [],
    schools: [],
    clubs: [],
  }));
  const units: TUnitRow[] = [];
  const addUnit = (name: string, kind: TUnitKind, districtId: string | null) => {
    const id = randomUUID();
    units.push({ municipality_id: municipalityId, id, district_id: districtId, name, kind });
    return id;
  };

  const counts = options.units ?? unitCounts(children, districtCount);
  const daycareNames = rng.shuffle(DAYCARE_NAMES);
  const schoolNames = rng.shuffle(SCHOOL_NAMES);
  for (let i = 0; i < counts.daycares; i++) {
    const area = areas[i % areas.length] as TLocalArea;
    area.daycares.push(addUnit(nth(daycareNames, i), 'daycare', area.districtId));
  }
  for (let i = 0; i < counts.schools; i++) {
    const area = areas[i % areas.length] as TLocalArea;
    area.schools.push(addUnit(nth(schoolNames, i), 'school', area.districtId));
  }
  for (let i = 0; i < counts.clubs; i++) {
    const area = areas[i % areas.length] as TLocalArea;
    const district = districts[i % districts.length]?.name;
    const round = Math.floor(i / areas.length);
    const name =
      round === 0
        ? `Klub ${district}`
        : round === 1
          ? `Ungdomsklubben ${district}`
          : `Klub ${district} ${round}`;
    area.clubs.push(addUnit(name, 'leisure', area.districtId));
  }

  const healthVisitingId = addUnit('Sundhedsplejen', 'healthVisiting', null);
  addUnit('PPR – Pædagogisk Psykologisk Rådgivning', 'ppr', null);
  addUnit('SSP-samarbejdet', 'ssp', null);
  const authorityId = addUnit('Børne- og Familierådgivningen', 'socialServices', null);
  const familyHouseId = addUnit('Familiehuset', 'socialServices', null);
  const civilSocietyIds = CIVIL_SOCIETY_NAMES.map((name) => addUnit(name, 'civilSociety', null));

  const team = (name: string, unitId: string): TTeamRow => ({
    municipality_id: municipalityId,
    id: randomUUID(),
    unit_id: unitId,
    name,
  });
  const teams = [
    ...districts.map((d) => team(`Myndighed Team ${d.name}`, authorityId)),
    team('Ungeteamet', authorityId),
    team('Familiebehandlingen', familyHouseId),
  ];

  return {
    districts,
    units,
    teams,
    areas,
    healthVisitingId,
    civilSocietyIds,
    firstTeamId: (teams[0] as TTeamRow).id,
  };
}
