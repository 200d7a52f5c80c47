import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS one')).rows[0].one;
  } finally {
    await client.end();
  }
}

describe('a second process on the same data directory (npm run audit:verify while the server runs)', () => {
  it('connects to the PostgreSQL already running there, and leaves it running when done', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'beskyt-embedded-'));
    dirs.push(dir);
    const server = await startEmbeddedPostgres(dir);
    try {
      const second = await startEmbeddedPostgres(dir);
      expect(await selectOne(second.url('postgres'))).toBe(1);
      await second.stop();
      expect(await selectOne(server.url('postgres'))).toBe(1);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
