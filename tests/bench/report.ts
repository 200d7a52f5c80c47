/** One JSON object per line: what `npm run bench` promises its readers. */
export function report(bench: string, metric: string, value: number, unit: string): void {
  console.log(JSON.stringify({ bench, metric, value: Math.round(value * 100) / 100, unit }));
}
