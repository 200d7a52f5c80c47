import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

let root: string;
const app = Fastify();
const script = `console.log(${JSON.stringify('x'.repeat(5000))});`;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'beskyt-web-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Beskyt</title>');
  await writeFile(path.join(root, 'assets', 'index-AbC123xy.js'), script);
  await writeFile(path.join(root, 'assets', 'index-AbC123xy.js.br'), brotliCompressSync(script));
  await writeFile(path.join(root, 'assets', 'index-AbC123xy.js.gz'), gzipSync(script));
  await registerWebApp(app, root);
  app.setNotFoundHandler((_req, reply) => reply.type('text/html').sendFile('index.html'));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

describe('the web app as a browser on a slow line gets it', () => {
  it('sends a hashed asset compressed with brotli, cached for good', async () => {
    const res = await app.inject({
      url: '/assets/index-AbC123xy.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that asks for neither', async () => {
    const gz = await app.inject({ url: '/assets/index-AbC123xy.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/index-AbC123xy.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('never caches index.html, which names the current assets', async () => {
    const res = await app.inject({ url: '/index.html' });
    expect(res.headers['cache-control']).toBe('no-cache');
    const route = await app.inject({ url: '/boern' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
  });
});
