/**
 * Line and bar colours, each at least 3:1 against white (WCAG 1.4.11), with a dash pattern too so a
 * line can be told apart without colour (1.4.1). The first is kept for "all protective factors".
 */
export const SERIES_STYLES: readonly { color: string; dash: string }[] = [
  { color: '#212529', dash: '' },
  { color: '#1864ab', dash: '8 4' },
  { color: '#c92a2a', dash: '2 3' },
  { color: '#2b8a3e', dash: '10 3 2 3' },
  { color: '#862e9c', dash: '4 4' },
  { color: '#d9480f', dash: '12 4' },
  { color: '#087f5b', dash: '2 6' },
  { color: '#364fc7', dash: '6 2 2 2' },
  { color: '#a61e4d', dash: '14 3 3 3' },
];

export function seriesStyle(index: number): { color: string; dash: string } {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? { color: '#212529', dash: '' };
}
