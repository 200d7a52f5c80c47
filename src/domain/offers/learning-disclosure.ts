import { isHidden, suppressLinked, suppressList } from '../measurement/suppression.ts';
import type { TGroupFigures } from './intervention-learning.ts';

/** Which of a group's figures may be shown. */
export interface TGroupVisibility {
  starters: boolean;
  startersThemes: Map<string, boolean>;
  reference: boolean;
  referenceThemes: Map<string, boolean>;
}

/**
 * Which cells of one line (the last the sum of the others) may be shown. A group with no children is left out of
 * the line: there is nothing to show or to protect, and everyone may know it is empty.
 */
function shownOnLine(counts: readonly number[]): boolean[] {
  const present = counts.flatMap((n, i) => (n > 0 ? [i] : []));
  const v = suppressLinked(
    present.map((i) => counts[i] as number),
    [present.map((_, k) => k)],
  );
  const shown = counts.map(() => false);
  present.forEach((i, k) => {
    shown[i] = !isHidden(v[k] ?? 'primary');
  });
  return shown;
}

/**
 * The disclosure rule of the measurement parameter (src/domain/measurement/suppression.ts) applied to one kind of
 * offer: its offers' starters nearly add up to the kind's (a child starting two offers of a kind counts once in
 * the kind), so the offers and the kind are one line — a single small offer is not left to be recovered from the
 * kind less the others. The same line per theme, where a figure already hidden overall stays hidden. A reference
 * group is its own population: hidden under five children, and with the starters it is compared to.
 */
export function protectKind(
  offers: readonly TGroupFigures[],
  kind: TGroupFigures,
  themeCodes: readonly string[],
): { offers: TGroupVisibility[]; kind: TGroupVisibility } {
  const groups = [...offers, kind];
  const overall = shownOnLine(groups.map((g) => g.starters.overall.n));
  const themes = new Map(
    themeCodes.map((code) => [
      code,
      shownOnLine(
        // A group hidden overall is hidden in every theme: counted as a small cell, so the line protects it.
        groups.map((g, i) => {
          const n = g.starters.themes.get(code)?.n ?? 0;
          return overall[i] || n === 0 ? n : 1;
        }),
      ),
    ]),
  );
  const visibility = groups.map((g, i): TGroupVisibility => {
    const own = (n: number) =>
      overall[i] === true && suppressList([n], { total: false }).cells[0] === 'shown';
    const reference = own(g.reference.overall.n);
    return {
      starters: overall[i] === true,
      startersThemes: new Map(themeCodes.map((code) => [code, themes.get(code)?.[i] === true])),
      reference,
      referenceThemes: new Map(
        themeCodes.map((code) => [code, reference && own(g.reference.themes.get(code)?.n ?? 0)]),
      ),
    };
  });
  return { offers: visibility.slice(0, -1), kind: visibility[visibility.length - 1] as TGroupVisibility };
}
