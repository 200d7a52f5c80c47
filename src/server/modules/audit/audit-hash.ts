import { createHash } from 'node:crypto';

export const GENESIS_HASH = Buffer.alloc(32);

export interface TAuditRecord {
  municipalityId: string;
  seq: number;
  at: Date;
  userId: string | null;
  role: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  childId: string | null;
  purpose: string;
  ip: string | null;
  detail: unknown;
}

/** JSON with object keys sorted, so jsonb's own key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash = SHA-256(previous hash ‖ canonical event); changing, removing or reordering any event breaks the chain. */
export function chainHash(prev: Buffer, r: TAuditRecord): Buffer {
  const body = canonicalJson([
    r.municipalityId,
    r.seq,
    r.at.toISOString(),
    r.userId,
    r.role,
    r.action,
    r.entity,
    r.entityId,
    r.childId,
    r.purpose,
    r.ip,
    r.detail ?? null,
  ]);
  return createHash('sha256').update(prev).update(body).digest();
}
