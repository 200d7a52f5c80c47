import { randomUUID } from 'node:crypto';
import { LAST_NAMES, MEN_NAMES, STREETS, WOMEN_NAMES } from './names.ts';
import type { TLocalArea } from './org.ts';
import type { Rng } from './rng.ts';

export interface THouseholdRow {
  municipality_id: string;
  id: string;
  address: string;
  postal_code: string;
  city: string;
}
export interface TGuardianRow {
  municipality_id: string;
  id: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  household_id: string;
}

/** A guardian as every child of the family relates to them. */
export interface TFamilyGuardian {
  row: TGuardianRow;
  relation: 'mother' | 'father' | 'other';
  hasCustody: boolean;
}

export interface TFamilyHome {
  households: THouseholdRow[];
  guardians: TFamilyGuardian[];
  /** The children's homes; the first is the primary one. */
  childHouseholdIds: string[];
}

type TSetup = 'together' | 'separated' | 'separatedOneCustody' | 'single';

function address(rng: Rng): string {
  const number = `${rng.int(1, 140)}${rng.chance(0.08) ? rng.pick(['A', 'B', 'C']) : ''}`;
  const floor = rng.chance(0.3) ? `, ${rng.int(0, 4) || 'st'}. ${rng.pick(['th.', 'tv.', 'mf.'])}` : '';
  return `${rng.pick(STREETS)} ${number}${floor}`;
}

function ascii(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replaceAll(' ', '');
}

// Danish subscriber numbers never begin with 1 (that series holds short codes), and .example is
// reserved (RFC 2606): a letter or text sent from a demo can never reach a real person.
function contact(rng: Rng, first: string, last: string) {
  const digits = `1${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  return {
    phone: rng.chance(0.85) ? `+45 ${digits.replace(/(\d\d)(?=\d)/g, '$1 ')}` : null,
    email: rng.chance(0.7) ? `${ascii(first)}.${ascii(last)}${rng.int(1, 99)}@mail.example` : null,
  };
}

/** The adults with custody (or without) and the homes of one family living in `area`. */
export function buildFamilyHome(
  rng: Rng,
  municipalityId: string,
  area: TLocalArea,
  familyName: string,
): TFamilyHome {
  const households: THouseholdRow[] = [];
  const newHousehold = () => {
    const row = {
      municipality_id: municipalityId,
      id: randomUUID(),
      address: address(rng),
      postal_code: area.postalCode,
      city: area.town,
    };
    households.push(row);
    return row.id;
  };
  const guardians: TFamilyGuardian[] = [];
  const addGuardian = (
    relation: TFamilyGuardian['relation'],
    householdId: string,
    hasCustody: boolean,
    lastName: string,
  ) => {
    const first = rng.pick(
      relation === 'father' || (relation === 'other' && rng.chance(0.3)) ? MEN_NAMES : WOMEN_NAMES,
    );
    guardians.push({
      relation,
      hasCustody,
      row: {
        municipality_id: municipalityId,
        id: randomUUID(),
        first_name: first,
        last_name: lastName,
        household_id: householdId,
        ...contact(rng, first, lastName),
      },
    });
  };
  const ownName = (share: number) => (rng.chance(share) ? familyName : rng.pick(LAST_NAMES));

  const setup = rng.weighted<TSetup>([
    ['together', 0.62],
    ['separated', 0.16],
    ['separatedOneCustody', 0.06],
    ['single', 0.16],
  ]);
  const home = newHousehold();
  if (setup === 'single') {
    const relation = rng.weighted<TFamilyGuardian['relation']>([
      ['mother', 0.82],
      ['father', 0.14],
      ['other', 0.04],
    ]);
    addGuardian(relation, home, true, relation === 'other' ? rng.pick(LAST_NAMES) : familyName);
    return { households, guardians, childHouseholdIds: [home] };
  }
  addGuardian('mother', home, true, ownName(0.75));
  if (setup === 'together') {
    addGuardian('father', home, true, ownName(0.9));
    return { households, guardians, childHouseholdIds: [home] };
  }
  // After a break-up the father usually has his own address; without custody the children do not live there.
  const fathersHome = newHousehold();
  const sharedCustody = setup === 'separated';
  addGuardian('father', fathersHome, sharedCustody, ownName(0.9));
  return { households, guardians, childHouseholdIds: sharedCustody ? [home, fathersHome] : [home] };
}
