import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/server/db/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * One PostgreSQL server for the run: the one in DATABASE_URL when set (CI's server), else an embedded one
 * in a temporary directory. Each test file creates and drops its own database on it.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL);
    admin.pathname = '/postgres';
    project.provide('pgAdminUrl', admin.toString());
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'beskyt-test-'));
  const pg = await startEmbeddedPostgres(dir);
  project.provide('pgAdminUrl', pg.url('postgres'));
  return async () => {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
