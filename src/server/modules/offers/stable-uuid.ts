import { createHash } from 'node:crypto';

/**
 * A UUID that is always the same for the same name (RFC 4122 version 5 layout over SHA-1), for records an
 * export derives from a stored one (an offer's location, its cost option): re-exporting gives the same ids,
 * so a consumer can update rather than duplicate.
 */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(`beskyt:${name}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
