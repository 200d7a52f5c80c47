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
  /** The HTTP status; 0 when no answer came (the error says why). */
  status: number;
  cells: number;
  error?: string;
}

async function timedRequest(request: TP1Request): Promise<TP1Answer> {
  const start = performance.now();
  try {
    const res = await fetch(request.url, { headers: { cookie: request.cookie } });
    const cells = res.status === 200 ? ((await res.json()) as TMeasurementWire).columns.hidden.length : 0;
    return { ms: performance.now() - start, status: res.status, cells };
  } catch (error) {
    return { ms: performance.now() - start, status: 0, cells: 0, error: String(error) };
  }
}

process.on('message', async (request: TP1Request) => {
  process.send?.(await timedRequest(request));
});
process.send?.('ready');
