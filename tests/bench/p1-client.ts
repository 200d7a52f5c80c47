/**
 * P1's browser stand-in, in its own process: on each message it fetches the measurement answer, parses it
 * and reports how long that took. The SQL comparators run in the parent; in one process their garbage
 * (~100 MB of row objects every few runs) was collected during the endpoint's runs and set its p95.
 */
import type { TMeasurementWire } from '../../src/shared/measurement-wire.ts';

export interface TP1Request {
  url: string;
  cookie: string;
}

export interface TP1Answer {
  ms: number;
  status: number;
  cells: number;
}

process.on('message', async (request: TP1Request) => {
  const start = performance.now();
  const res = await fetch(request.url, { headers: { cookie: request.cookie } });
  const cells = res.status === 200 ? ((await res.json()) as TMeasurementWire).columns.hidden.length : 0;
  const answer: TP1Answer = { ms: performance.now() - start, status: res.status, cells };
  process.send?.(answer);
});
process.send?.('ready');
