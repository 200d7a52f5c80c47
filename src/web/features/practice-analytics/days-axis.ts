/**
 * The right end of an axis of days that starts at 0: the largest value rounded up to 1, 2 or 5 times a
 * power of ten (at least 5 days), so the scale reads in round numbers. Five equal steps mark it in
 * whole days.
 */
export function daysAxis(values: readonly number[]): { max: number; ticks: number[] } {
  const largest = Math.max(0, ...values.filter(Number.isFinite));
  let max = 5;
  for (let power = 1; max < largest; power *= 10) {
    max = [1, 2, 5, 10].map((m) => m * power).find((m) => m >= largest && m >= 5) ?? 10 * power;
  }
  return { max, ticks: [0, 1, 2, 3, 4, 5].map((i) => (max * i) / 5) };
}
