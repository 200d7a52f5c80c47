import type { CprCipher } from '../modules/children/cpr.ts';
import { addYears, dayNumber, isoDate } from './dates.ts';
import { createCprAllocator } from './fake-cpr.ts';
import { BOY_NAMES, GIRL_NAMES } from './names.ts';
import { FAMILY_SIZES, familyName, siblingBirthDays } from './population.ts';
import type { Rng } from './rng.ts';

/** A family as staged for the set-based build: SQL gives it ids, a home and guardians. */
export interface TStagedFamily {
  ord: number;
  name: string;
  area: number;
  guardians: number;
}

/** A child as staged: everything the register needs that SQL cannot make, i.e. the encrypted CPR. */
export interface TStagedChild {
  ord: number;
  family_ord: number;
  birth_date: string;
  gender: 'female' | 'male';
  first_name: string;
  last_name: string;
  cpr_encrypted: Buffer;
  cpr_hash: Buffer;
}

export interface TStagedPeople {
  families: TStagedFamily[];
  children: TStagedChild[];
  /** Children aged 0–17 today; the rest turned 18 since the first round and keep their assessments. */
  current: number;
}

/**
 * `children` children aged 0–17 today, in families spread over `areas` districts, plus the young people
 * who were children at `firstDay` (the first round) and have turned 18 since: a register that kept their
 * assessments, so every past round had a full 0–17 population. Only this part runs in JS: CPR numbers
 * must be encrypted with the app's key (AES-GCM, a few µs each).
 */
export function stagePeople(
  rng: Rng,
  cipher: CprCipher,
  options: { children: number; areas: number; today: string; firstDay: string },
): TStagedPeople {
  const today = dayNumber(options.today);
  const adult = dayNumber(addYears(options.today, -18));
  const firstAdult = dayNumber(addYears(options.firstDay, -18));
  const former = Math.max(0, Math.round((options.children * (adult - firstAdult)) / (today - adult)));
  const nextCpr = createCprAllocator();
  const people: TStagedPeople = { families: [], children: [], current: options.children };
  const cohort = (count: number, earliest: number, latest: number) => {
    const target = people.children.length + count;
    while (people.children.length < target) {
      const size = Math.min(rng.weighted(FAMILY_SIZES), target - people.children.length);
      const family: TStagedFamily = {
        ord: people.families.length,
        name: familyName(rng),
        area: rng.int(0, options.areas - 1),
        guardians: rng.chance(0.8) ? 2 : 1,
      };
      people.families.push(family);
      const firstNames = new Set<string>();
      for (const day of siblingBirthDays(rng, size, earliest, latest)) {
        const gender = rng.chance(0.5) ? 'female' : 'male';
        const names = gender === 'female' ? GIRL_NAMES : BOY_NAMES;
        let first = rng.pick(names);
        for (let tries = 0; firstNames.has(first) && tries < 10; tries++) first = rng.pick(names);
        firstNames.add(first);
        const birthDate = isoDate(day);
        const cpr = nextCpr(birthDate, gender);
        people.children.push({
          ord: people.children.length,
          family_ord: family.ord,
          birth_date: birthDate,
          gender,
          first_name: first,
          last_name: family.name,
          cpr_encrypted: cipher.encrypt(cpr),
          cpr_hash: cipher.hash(cpr),
        });
      }
    }
  };
  cohort(options.children, adult + 1, today);
  if (former > 0) cohort(former, firstAdult + 1, adult);
  return people;
}
