import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The areas built after the foundation (concerns, meetings, notifications, cases, letters …) test their
 * endpoints × roles in their own suites: `tests/integration/authorization-<area>.test.ts` and the modules'
 * `*.int.test.ts`. This finds, for a documented endpoint, the suite that calls it, so the matrix's
 * "every documented endpoint is tested" check spans them all.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

function suiteFiles(): string[] {
  const here = path.join(ROOT, 'tests/integration');
  const areas = readdirSync(here)
    .filter((f) => /^authorization-.+\.test\.ts$/.test(f) && f !== 'authorization-matrix.test.ts')
    .map((f) => path.join(here, f));
  const modules = path.join(ROOT, 'src/server/modules');
  const moduleSuites = readdirSync(modules, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.int.test.ts'))
    .map((f) => path.join(modules, f));
  return [...areas, ...moduleSuites];
}

/** `GET /api/v1/things/:id/parts` as a pattern matching `/api/v1/things/${thing.id}/parts` and the like. */
function pathPattern(route: string): RegExp {
  const parts = route
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/\'"`\\s?]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`${parts.join('/')}(?![\\w/-]*[\\w-])`);
}

/** The suite files (relative to the repository) that call `endpoint` ("METHOD /path"). */
export function suitesCalling(endpoint: string): string[] {
  const [method, route] = endpoint.split(' ') as [string, string];
  const pattern = pathPattern(route);
  return suiteFiles()
    .filter((file) => {
      const text = readFileSync(file, 'utf8');
      return pattern.test(text) && (method === 'GET' || text.includes(`'${method}'`));
    })
    .map((file) => path.relative(ROOT, file));
}
