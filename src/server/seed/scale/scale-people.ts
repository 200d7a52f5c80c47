import type { CprCipher } from '../../modules/children/cpr.ts';
import { addYears, dayNumber, isoDate } from '../dates.ts';
import { createCprAllocator } from '../fake-cpr.ts';
import { BOY_NAMES, GIRL_NAMES } from '../names.ts';
import { FAMILY_SIZES, familyName, siblingBirthDays } from '../population.ts';
import type { Rng } from '../rng.ts';

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

export interface TStagedChunk {
  families: TStagedFamily[];
  children: TStagedChild[];
}

/** How many children turned 18 between `firstDay` and `today`, for `children` children 0–17 today. */
export function formerChildren(children: number, today: string, firstDay: string): number {
  const adult = dayNumber(addYears(today, -18));
  const firstAdult = dayNumber(addYears(firstDay, -18));
  return Math.max(0, Math.round((children * (adult - firstAdult)) / (dayNumber(today) - adult)));
}

/**
 * `children` children aged 0–17 today, in families spread over `areas` districts, then the young people
 * who were children at `firstDay` (the first round) and have turned 18 since: a register that kept their
 * assessments, so every past round had a full 0–17 population. Only this part runs in JS: CPR numbers
 * must be encrypted with the app's key (AES-GCM, a few µs each). Yields chunks of about `chunk` children,
 * so the caller can load one while the next is made.
 */
export function* stagePeople(
  rng: Rng,
  cipher: CprCipher,
  options: { children: number; areas: number; today: string; firstDay: string; chunk: number },
): Generator<TStagedChunk> {
  const today = dayNumber(options.today);
  const adult = dayNumber(addYears(options.today, -18));
  const firstAdult = dayNumber(addYears(options.firstDay, -18));
  const nextCpr = createCprAllocator();
  let families = 0;
  let children = 0;
  let chunk: TStagedChunk = { families: [], children: [] };
  function* cohort(count: number, earliest: number, latest: number): Generator<TStagedChunk> {
    const target = children + count;
    while (children < target) {
      const size = Math.min(rng.weighted(FAMILY_SIZES), target - children);
      const family: TStagedFamily = {
        ord: families++,
        name: familyName(rng),
        area: rng.int(0, options.areas - 1),
        guardians: rng.chance(0.8) ? 2 : 1,
      };
      chunk.families.push(family);
      const firstNames = new Set<string>();
      for (const day of siblingBirthDays(rng, size, earliest, latest)) {
        const gender = rng.chance(0.5) ? 'female' : 'male';
        const names = gender === 'female' ? GIRL_NAMES : BOY_NAMES;
        let first = rng.pick(names);
        for (let tries = 0; firstNames.has(first) && tries < 10; tries++) first = rng.pick(names);
        firstNames.add(first);
        const birthDate = isoDate(day);
        const cpr = nextCpr(birthDate, gender);
        chunk.children.push({
          ord: children++,
          family_ord: family.ord,
          birth_date: birthDate,
          gender,
          first_name: first,
          last_name: family.name,
          cpr_encrypted: cipher.encrypt(cpr),
          cpr_hash: cipher.hash(cpr),
        });
      }
      if (chunk.children.length >= options.chunk) {
        yield chunk;
        chunk = { families: [], children: [] };
      }
    }
  }
  yield* cohort(options.children, adult + 1, today);
  yield* cohort(formerChildren(options.children, options.today, options.firstDay), firstAdult + 1, adult);
  if (chunk.children.length > 0) yield chunk;
}
