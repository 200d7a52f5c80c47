type TBinaryGender = 'female' | 'male';

// For years 2000–2036 the 7th digits 4–8 all mean "born in the 2000s" (CPR-kontoret's century table).
const CENTURY_DIGITS = [4, 5, 6, 7, 8] as const;
/** Distinct numbers available per birth date and gender: 7th digit × two middle digits × five last digits. */
export const CPRS_PER_DATE_AND_GENDER = CENTURY_DIGITS.length * 100 * 5;
// Coprime with CPRS_PER_DATE_AND_GENDER, so stepping by it visits every serial once but not in order.
const STRIDE = 1601;

/**
 * Hands out fictional CPR numbers that agree with a birth date and gender and never repeat
 * within one allocator: the n-th number for a (date, gender) is a bijection of n.
 */
export function createCprAllocator(): (birthDate: string, gender: TBinaryGender) => string {
  const issued = new Map<string, number>();
  return (birthDate, gender) => {
    const [year, month, day] = birthDate.split('-');
    if (!year || !month || !day || Number(year) < 2000 || Number(year) > 2036) {
      throw new Error(`Fictional CPR numbers are only made for births 2000–2036, not ${birthDate}`);
    }
    const key = `${birthDate}${gender}`;
    const n = issued.get(key) ?? 0;
    if (n >= CPRS_PER_DATE_AND_GENDER) throw new Error(`No CPR numbers left for ${birthDate} ${gender}`);
    issued.set(key, n + 1);
    const serial = (n * STRIDE + Number(day) * 37 + Number(month) * 11) % CPRS_PER_DATE_AND_GENDER;
    const last = (serial % 5) * 2 + (gender === 'male' ? 1 : 0);
    const century = CENTURY_DIGITS[Math.floor(serial / 5) % CENTURY_DIGITS.length] as number;
    const middle = Math.floor(serial / 25);
    return `${day}${month}${year.slice(2)}-${century}${String(middle).padStart(2, '0')}${last}`;
  };
}
