/** The vertical axis of a chart of shares: its ends and the shares to mark on it. */
export interface TShareAxis {
  min: number;
  max: number;
  ticks: number[];
}

// Tick steps a reader takes in at a glance: 1, 2, 5, 10, 20 and 25 percentage points.
const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25];
const MAX_INTERVALS = 5;
// Room above and below the data, as a share of its span, and at least this much when it has none.
const PAD = 0.1;
const MIN_PAD = 0.02;

const snap = (v: number) => Math.round(v * 1e9) / 1e9;

/**
 * An axis fitted to the shown values (means and interval ends): their span padded a little and rounded
 * out to whole steps, within 0–100 %. A line between 55 % and 62 % is then drawn across the chart, not
 * squeezed into a sliver of a 0–100 % axis. With nothing to show, the whole 0–100 %.
 */
export function shareAxis(values: readonly number[]): TShareAxis {
  const finite = values.filter(Number.isFinite).map((v) => Math.min(1, Math.max(0, v)));
  if (finite.length === 0) return { min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = Math.max((hi - lo) * PAD, MIN_PAD);
  const from = Math.max(0, lo - pad);
  const to = Math.min(1, hi + pad);
  const step = STEPS.find((s) => snap((to - from) / s) <= MAX_INTERVALS) ?? 0.25;
  const min = snap(Math.max(0, Math.floor(snap(from / step)) * step));
  const max = snap(Math.min(1, Math.ceil(snap(to / step)) * step));
  const ticks: number[] = [];
  for (let i = 0; snap(min + i * step) < max; i++) ticks.push(snap(min + i * step));
  ticks.push(max);
  return { min, max, ticks };
}
