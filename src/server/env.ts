import { z } from 'zod';
import { DEFAULT_POOL_SIZE } from './db/client.ts';

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** 32 bytes as 64 hex characters; encrypts CPR numbers and keys their look-up hash. */
  BESKYT_CPR_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  /** Set to true behind a TLS-terminating proxy so cookies are marked Secure. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Where the file-drop letter transport writes PDFs and envelopes; default <DATA_DIR>/outbox. */
  LETTERS_OUTBOX_DIR: z.string().min(1).optional(),
  /**
   * Tenant connections per app instance (half as many more serve sessions, audit and jobs). A 2-core
   * database server does the most work with a handful of busy connections: 20 measured slower than 8.
   */
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(DEFAULT_POOL_SIZE),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type TEnv = z.infer<typeof ZEnv>;

/** Parses the environment once at the door; a bad value stops the start with a message naming it. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production') {
    if (!env.DATABASE_URL) throw new Error('Invalid environment:\n  DATABASE_URL: required in production');
    if (!env.BESKYT_CPR_KEY)
      throw new Error('Invalid environment:\n  BESKYT_CPR_KEY: required in production');
  }
  return env;
}
