import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { staticHeaders } from './security-headers.ts';

describe('staticHeaders', () => {
  it('gives exactly the headers helmet sets on a real response', async () => {
    for (const hsts of [true, false]) {
      const middleware = helmet({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] },
        },
        crossOriginEmbedderPolicy: false,
        strictTransportSecurity: hsts ? undefined : false,
      });
      const res = new ServerResponse(new IncomingMessage(new Socket()));
      res.setHeader('X-Powered-By', 'something');
      await new Promise<void>((resolve, reject) =>
        middleware(res.req, res, (e?: unknown) => (e ? reject(e) : resolve())),
      );
      const fromHelmet = res.getHeaders();
      const computed = Object.fromEntries(staticHeaders(middleware).map(([n, v]) => [n.toLowerCase(), v]));
      expect(computed).toEqual(fromHelmet);
      expect(Object.keys(computed)).toContain('content-security-policy');
      expect('strict-transport-security' in computed).toBe(hsts);
    }
  });
});
