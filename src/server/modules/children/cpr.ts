import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** CPR numbers: AES-256-GCM at rest, HMAC-SHA-256 for exact look-up. Both keys derive from one 32-byte secret. */
export interface CprCipher {
  encrypt(cpr: string): Buffer;
  decrypt(blob: Buffer): string;
  hash(cpr: string): Buffer;
}

export function createCprCipher(secretHex: string): CprCipher {
  const secret = Buffer.from(secretHex, 'hex');
  if (secret.length !== 32) throw new Error('The CPR key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'beskyt cpr encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'beskyt cpr lookup', 32));
  return {
    encrypt(cpr) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(normalizeCpr(cpr), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(blob) {
      const decipher = createDecipheriv('aes-256-gcm', encKey, blob.subarray(0, 12));
      decipher.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
    },
    hash(cpr) {
      return createHmac('sha256', macKey).update(normalizeCpr(cpr)).digest();
    },
  };
}

/** `ddmmyyxxxx` from `ddmmyy-xxxx` or `ddmmyyxxxx`. */
export function normalizeCpr(cpr: string): string {
  return cpr.replace('-', '');
}

/** Shown everywhere unless revealed with a reason: the birth date part only. */
export function maskCpr(cpr: string): string {
  return `${normalizeCpr(cpr).slice(0, 6)}-xxxx`;
}
