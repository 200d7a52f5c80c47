import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('package-lock.json', () => {
  it('lists every optional platform package of Biome, or `npm ci` refuses to install', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
    const biome = lock.packages['node_modules/@biomejs/biome'];
    for (const name of Object.keys(biome.optionalDependencies ?? {})) {
      expect(
        lock.packages[`node_modules/${name}`],
        `${name} (run scripts/complete-lockfile.py)`,
      ).toBeDefined();
    }
  });
});
