import { randomUUID } from 'node:crypto';
import { dayNumber, gradeOn, isoDate, schoolYearOf, yearOf } from './dates.ts';
import { KINDERGARTEN_GROUPS, NURSERY_GROUPS } from './names.ts';
import type { Rng } from './rng.ts';

export interface TEnrolmentRow {
  municipality_id: string;
  id: string;
  child_id: string;
  unit_id: string;
  group_name: string | null;
  from_date: string;
  to_date: string | null;
}

/** The units a family's children would use: siblings share daycare, school and club. */
export interface TFamilyPlaces {
  healthVisitingId: string;
  daycareId: string;
  schoolId: string;
  clubId: string;
  /** Where a child who changed school came from. */
  previousSchoolId: string;
  classLetters: number;
}

// Infants are followed by the health visitor until they start daycare at about ten months.
const DAYCARE_START_DAYS = 300;

function clubGroup(grade: number): string {
  if (grade <= 3) return 'Fritidshjem';
  return grade <= 6 ? 'Juniorklub' : 'Ungdomsklub';
}

/**
 * A child's enrolments on `today`, by age: health visiting, daycare, school (0.–10. klasse), sometimes a club.
 * A few children also get a past enrolment (left daycare for school, or changed school).
 */
export function enrolmentsFor(
  rng: Rng,
  municipalityId: string,
  child: { id: string; birthDate: string },
  places: TFamilyPlaces,
  today: string,
): TEnrolmentRow[] {
  const rows: TEnrolmentRow[] = [];
  const enrol = (unitId: string, group: string | null, from: number, to: number | null = null) =>
    rows.push({
      municipality_id: municipalityId,
      id: randomUUID(),
      child_id: child.id,
      unit_id: unitId,
      group_name: group,
      from_date: isoDate(from),
      to_date: to === null ? null : isoDate(to),
    });
  const born = dayNumber(child.birthDate);
  const now = dayNumber(today);
  const ageDays = now - born;
  const grade = gradeOn(today, child.birthDate);
  const daycareStart = born + DAYCARE_START_DAYS + rng.int(0, 90);

  if (grade < 0) {
    if (ageDays < DAYCARE_START_DAYS) {
      enrol(places.healthVisitingId, null, Math.min(born + 7, now));
    } else {
      const groups = ageDays < 3 * 365 ? NURSERY_GROUPS : KINDERGARTEN_GROUPS;
      enrol(places.daycareId, rng.pick(groups), Math.min(daycareStart, now));
    }
    return rows;
  }

  const firstSchoolDay = dayNumber(`${yearOf(child.birthDate) + 6}-08-01`);
  const letter = () => String.fromCharCode(65 + rng.int(0, places.classLetters - 1));
  const inSchool = grade <= 9 || (grade === 10 && rng.chance(0.5));
  if (inSchool) {
    if (grade === 0) enrol(places.daycareId, rng.pick(KINDERGARTEN_GROUPS), daycareStart, firstSchoolDay - 1);
    const changedSchool = grade >= 2 && places.previousSchoolId !== places.schoolId && rng.chance(0.06);
    if (changedSchool) {
      const moved = rng.int(firstSchoolDay + 365, now - 30);
      enrol(
        places.previousSchoolId,
        `${gradeOn(isoDate(moved - 1), child.birthDate)}.${letter()}`,
        firstSchoolDay,
        moved - 1,
      );
      enrol(places.schoolId, `${grade}.${letter()}`, moved);
    } else {
      enrol(places.schoolId, `${grade}.${letter()}`, firstSchoolDay);
    }
  }
  if (rng.chance(inSchool ? 0.35 : 0.4)) {
    const joinedYear = schoolYearOf(today) - rng.int(0, Math.min(2, grade));
    enrol(places.clubId, clubGroup(grade), dayNumber(`${joinedYear}-08-01`));
  }
  return rows;
}
