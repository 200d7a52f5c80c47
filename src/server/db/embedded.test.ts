import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('importing the embedded database module', () => {
  it('keeps the exit code a process set (a failed test run must fail CI)', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        "await import('./src/server/db/embedded.ts'); process.exitCode = 3;",
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(3);
  });
});
