/**
 * The reference date of a measurement period (docs/measurement.md): 1 March for H1, 1 September for H2 —
 * the first days of the usual round windows, after the school year has started in August, so a child
 * counts where the autumn round assesses it. Population and numerator take a child's enrolments, age band
 * and gender on this one day. Migration 0016's measurement_reference_date() says the same (tested equal).
 */
export function referenceDate(period: string): string {
  return `${period.slice(0, 4)}-${period.endsWith('H1') ? '03' : '09'}-01`;
}
