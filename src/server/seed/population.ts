import { randomUUID } from 'node:crypto';
import type { CprCipher } from '../modules/children/cpr.ts';
import { addYears, dayNumber, isoDate } from './dates.ts';
import { enrolmentsFor, type TEnrolmentRow, type TFamilyPlaces } from './enrolments.ts';
import { createCprAllocator } from './fake-cpr.ts';
import { buildFamilyHome, type TGuardianRow, type THouseholdRow } from './guardians.ts';
import { BOY_NAMES, GIRL_NAMES, LAST_NAMES } from './names.ts';
import type { TOrganisation } from './org.ts';
import type { Rng } from './rng.ts';

export interface TFamilyRow {
  municipality_id: string;
  id: string;
  name: string;
}
export interface TChildRow {
  municipality_id: string;
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  gender: 'female' | 'male';
  cpr_encrypted: Buffer;
  cpr_hash: Buffer;
  family_id: string;
}
export interface TChildHouseholdRow {
  municipality_id: string;
  child_id: string;
  household_id: string;
  is_primary: boolean;
}
export interface TChildGuardianRow {
  municipality_id: string;
  child_id: string;
  guardian_id: string;
  relation: 'mother' | 'father' | 'other';
  has_custody: boolean;
}

export interface TPopulation {
  families: TFamilyRow[];
  households: THouseholdRow[];
  children: TChildRow[];
  childHouseholds: TChildHouseholdRow[];
  guardians: TGuardianRow[];
  childGuardians: TChildGuardianRow[];
  enrolments: TEnrolmentRow[];
}

// Averages about 1.6 children per family, as the register would show for 0–17-year-olds.
export const FAMILY_SIZES = [
  [1, 0.52],
  [2, 0.36],
  [3, 0.1],
  [4, 0.02],
] as const;
const SIBLING_GAP_DAYS = 330;

/** Birth dates between the 18th birthday's eve and today, siblings spaced apart, now and then twins. */
export function siblingBirthDays(rng: Rng, count: number, earliest: number, latest: number): number[] {
  const days: number[] = [];
  while (days.length < count) {
    if (days.length > 0 && rng.chance(0.03)) {
      days.push(days[days.length - 1] as number);
      continue;
    }
    let day = rng.int(earliest, latest);
    for (let tries = 0; tries < 20 && days.some((d) => Math.abs(d - day) < SIBLING_GAP_DAYS); tries++) {
      day = rng.int(earliest, latest);
    }
    days.push(day);
  }
  return days;
}

export function familyName(rng: Rng): string {
  const name = rng.pick(LAST_NAMES);
  if (!rng.chance(0.08)) return name;
  const other = rng.pick(LAST_NAMES);
  return other === name ? name : `${other} ${name}`;
}

/** Synthetic children 0–17 in families with guardians, homes and the enrolments their ages call for. */
export function buildPopulation(
  rng: Rng,
  cipher: CprCipher,
  org: TOrganisation,
  options: { municipalityId: string; children: number; today: string },
): TPopulation {
  const { municipalityId: m, today } = options;
  const latest = dayNumber(today);
  const earliest = dayNumber(addYears(today, -18)) + 1;
  const nextCpr = createCprAllocator();
  const allSchools = org.areas.flatMap((a) => a.schools);
  const pupilsPerGrade = options.children / 18 / Math.max(1, allSchools.length);
  const classLetters = Math.min(4, Math.max(1, Math.ceil(pupilsPerGrade / 22)));
  const p: TPopulation = {
    families: [],
    households: [],
    children: [],
    childHouseholds: [],
    guardians: [],
    childGuardians: [],
    enrolments: [],
  };

  while (p.children.length < options.children) {
    const size = Math.min(rng.weighted(FAMILY_SIZES), options.children - p.children.length);
    const area = rng.pick(org.areas);
    const name = familyName(rng);
    const family: TFamilyRow = { municipality_id: m, id: randomUUID(), name };
    p.families.push(family);
    const home = buildFamilyHome(rng, m, area, name);
    p.households.push(...home.households);
    p.guardians.push(...home.guardians.map((g) => g.row));
    const places: TFamilyPlaces = {
      healthVisitingId: org.healthVisitingId,
      daycareId: rng.pick(area.daycares),
      schoolId: rng.pick(area.schools),
      clubId: rng.pick(area.clubs),
      previousSchoolId: rng.pick(allSchools),
      classLetters,
    };

    const firstNames = new Set<string>();
    for (const day of siblingBirthDays(rng, size, earliest, latest)) {
      const gender = rng.chance(0.5) ? 'female' : 'male';
      let first = rng.pick(gender === 'female' ? GIRL_NAMES : BOY_NAMES);
      while (firstNames.has(first)) first = rng.pick(gender === 'female' ? GIRL_NAMES : BOY_NAMES);
      firstNames.add(first);
      const birthDate = isoDate(day);
      const cpr = nextCpr(birthDate, gender);
      const child: TChildRow = {
        municipality_id: m,
        id: randomUUID(),
        first_name: first,
        last_name: name,
        birth_date: birthDate,
        gender,
        cpr_encrypted: cipher.encrypt(cpr),
        cpr_hash: cipher.hash(cpr),
        family_id: family.id,
      };
      p.children.push(child);
      home.childHouseholdIds.forEach((householdId, i) => {
        p.childHouseholds.push({
          municipality_id: m,
          child_id: child.id,
          household_id: householdId,
          is_primary: i === 0,
        });
      });
      for (const g of home.guardians) {
        p.childGuardians.push({
          municipality_id: m,
          child_id: child.id,
          guardian_id: g.row.id,
          relation: g.relation,
          has_custody: g.hasCustody,
        });
      }
      p.enrolments.push(...enrolmentsFor(rng, m, { id: child.id, birthDate }, places, today));
    }
  }
  return p;
}
