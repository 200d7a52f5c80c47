import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The CPR key for development and demo when BESKYT_CPR_KEY is unset: 32 random bytes as 64 hex
 * characters in `<dataDir>/dev-cpr-key`, readable by the owner only. It must survive restarts, as the
 * CPR numbers already stored can only be decrypted with it.
 */
export async function readOrCreateDevKey(dataDir: string): Promise<string> {
  const file = path.join(path.resolve(dataDir), 'dev-cpr-key');
  await mkdir(path.dirname(file), { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    // Written aside, then linked into place: link fails if the key exists, so two processes starting
    // together agree on one key and neither can read a half-written file.
    await writeFile(draft, randomBytes(32).toString('hex'), { mode: 0o600 });
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(draft, { force: true });
  }
  const key = (await readFile(file, 'utf8')).trim();
  if (!/^[0-9a-fA-F]{64}$/.test(key)) throw new Error(`${file} must hold 64 hexadecimal characters`);
  return key;
}
