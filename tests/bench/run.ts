import { benchP1 } from './p1-dashboard.ts';
import { benchP2 } from './p2-audited-read.ts';
import { benchP3 } from './p3-caseworker-change.ts';
import { benchP4 } from './p4-load.ts';
import { benchP5 } from './p5-offers.ts';
import { benchP8 } from './p8-first-page.ts';

/** `npm run bench [-- NAME…]`: runs the named benchmarks (all when none named), one JSON line per figure. */
const BENCHES: Record<string, () => Promise<void>> = {
  P1: benchP1,
  P2: benchP2,
  P3: benchP3,
  P4: benchP4,
  P5: benchP5,
  P8: benchP8,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`Unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  await bench();
}
