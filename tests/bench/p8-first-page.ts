import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ROLES } from '../../src/shared/permissions.ts';
import { report } from './report.ts';

const WEB = path.resolve(process.env.WEB_OUT_DIR ?? 'dist/web');

/** A built file's size as the server sends it to a browser that accepts brotli: its .br beside it, else itself. */
async function sentBytes(file: string): Promise<number> {
  const br = `${file}.br`;
  return (await stat(existsSync(br) ? br : file)).size;
}

/** The scripts a module imports statically (`import"./x.js"`, `from"./x.js"`): fetched before it runs. */
async function staticImports(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  const found = [...text.matchAll(/(?:import|from)\s*["'](\.\/[^"']+\.js)["']/g)].map((m) =>
    path.join(path.dirname(file), m[1] ?? ''),
  );
  return [...new Set(found)];
}

/**
 * P8: the kilobytes of JavaScript and CSS a browser downloads, compressed as the server sends them (brotli),
 * to show the login page and then a role's first page: what index.html loads (its scripts, their static
 * imports, its style sheets). Every role lands on "/" after signing in, which the entry bundle renders; every
 * other page is a chunk of its own, fetched when its route is first visited (or hovered), so it is not counted.
 * Run `npm run build:web` first.
 */
export async function benchP8(): Promise<void> {
  const index = path.join(WEB, 'index.html');
  if (!existsSync(index))
    throw new Error(`P8 needs the built web app: run npm run build:web (looked in ${WEB})`);
  const html = await readFile(index, 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) =>
    path.join(WEB, m[1] ?? ''),
  );
  const seen = new Set<string>();
  const queue = [...referenced];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...(await staticImports(file)));
  }
  let bytes = 0;
  for (const file of seen) bytes += await sentBytes(file);
  report('P8', 'login_page_kb', bytes / 1024, 'KB');
  for (const role of ROLES) report('P8', `${role}_first_page_kb`, bytes / 1024, 'KB');
}
