/** Longest postponement by date: a year, after which the exception must be recorded again if it still holds. */
export const MAX_EXCEPTION_DAYS = 365;

export interface TExceptionEnd {
  untilDate?: string | null;
  untilCaseDecides: boolean;
}

export interface TExceptionProblem {
  field: 'untilDate';
  key: 'field.exceptionNeedsEnd' | 'field.exceptionEndNotFuture' | 'field.exceptionEndTooFar';
  params?: Record<string, unknown>;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * An exception to the duty to inform holds only for a time: it ends on a day after today (at most a year
 * ahead), or when the authority decides — exactly one of the two. The reason is required by the schema.
 */
export function exceptionEndProblem(end: TExceptionEnd, today: string): TExceptionProblem | null {
  const byDate = Boolean(end.untilDate);
  if (byDate === end.untilCaseDecides) return { field: 'untilDate', key: 'field.exceptionNeedsEnd' };
  if (!end.untilDate) return null;
  if (end.untilDate <= today) return { field: 'untilDate', key: 'field.exceptionEndNotFuture' };
  if (end.untilDate > addDays(today, MAX_EXCEPTION_DAYS))
    return { field: 'untilDate', key: 'field.exceptionEndTooFar', params: { days: MAX_EXCEPTION_DAYS } };
  return null;
}

/** Why an active exception ends today, if it does: its day has come, or the authority has decided since. */
export function exceptionEndsBecause(
  exception: { untilDate: string | null; untilCaseDecides: boolean },
  today: string,
  decidedSinceRecorded: boolean,
): 'date' | 'caseDecided' | null {
  if (exception.untilDate && exception.untilDate <= today) return 'date';
  if (exception.untilCaseDecides && decidedSinceRecorded) return 'caseDecided';
  return null;
}
