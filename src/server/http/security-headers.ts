import type { IncomingMessage, ServerResponse } from 'node:http';

type TMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * The headers a middleware such as helmet sets, worked out once: ours are the same on every answer (a
 * static CSP, no nonces), and running helmet's dozen nested middlewares per request was ~10 % of the
 * server's work on the hot read (P2). Applying the list keeps helmet's choices.
 */
export function staticHeaders(middleware: TMiddleware): [string, string | number | string[]][] {
  const headers = new Map<string, [string, string | number | string[]]>();
  const res = {
    setHeader(name: string, value: string | number | string[]) {
      headers.set(name.toLowerCase(), [name, value]);
      return res;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
    getHeader(name: string) {
      return headers.get(name.toLowerCase())?.[1];
    },
  };
  let failure: unknown;
  let done = false;
  middleware(
    { headers: {}, method: 'GET', url: '/' } as IncomingMessage,
    res as unknown as ServerResponse,
    (e) => {
      failure = e;
      done = true;
    },
  );
  if (!done || failure)
    throw new Error(
      `the security headers could not be worked out: ${String(failure ?? 'middleware did not finish')}`,
    );
  return [...headers.values()];
}
