import type { Db, Queryable } from '../../db/client.ts';
import { chainHash, GENESIS_HASH, type TAuditRecord } from './audit-hash.ts';

export type TAuditEvent = Omit<TAuditRecord, 'seq' | 'at'> & { at?: Date };

interface Pending {
  event: TAuditEvent;
  resolve: () => void;
  reject: (e: unknown) => void;
}

const MAX_BATCH = 1000;

/** Serialises chain extension per municipality across transactions and app instances. */
async function lockChainHead(q: Queryable, municipalityId: string): Promise<{ seq: number; hash: Buffer }> {
  await q.query("SELECT pg_advisory_xact_lock(hashtextextended('audit:' || $1::text, 0))", [municipalityId]);
  const head = await q.query<{ seq: number; hash: Buffer }>(
    'SELECT seq, hash FROM audit_events WHERE municipality_id = $1 ORDER BY seq DESC LIMIT 1',
    [municipalityId],
  );
  return head.rows[0] ?? { seq: 0, hash: GENESIS_HASH };
}

async function insertChained(q: Queryable, municipalityId: string, events: TAuditEvent[]): Promise<void> {
  let { seq, hash } = await lockChainHead(q, municipalityId);
  const cols: unknown[][] = Array.from({ length: 14 }, () => []);
  for (const e of events) {
    seq += 1;
    const record: TAuditRecord = { ...e, municipalityId, seq, at: e.at ?? new Date() };
    const next = chainHash(hash, record);
    const values = [
      municipalityId,
      seq,
      record.at,
      e.userId,
      e.role,
      e.action,
      e.entity,
      e.entityId,
      e.childId,
      e.purpose,
      e.ip,
      e.detail === undefined || e.detail === null ? null : JSON.stringify(e.detail),
      hash,
      next,
    ];
    for (const [i, v] of values.entries()) cols[i]?.push(v);
    hash = next;
  }
  await q.query(
    `INSERT INTO audit_events (municipality_id, seq, at, user_id, role, action, entity, entity_id, child_id, purpose, ip, detail, prev_hash, hash)
     SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                          $8::uuid[], $9::uuid[], $10::text[], $11::text[], $12::jsonb[], $13::bytea[], $14::bytea[])`,
    cols,
  );
}

/**
 * The audit log's only writer. Reads: `record()` queues the event and resolves once its batch has committed —
 * one flusher per process writes whatever queued meanwhile in one transaction (group commit), so the chain
 * head is locked once per batch, not once per request. Writes: `inTransaction()` appends inside the caller's
 * transaction, so the change and its audit event commit or vanish together.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  record(event: TAuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event: { ...event, at: event.at ?? new Date() }, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  inTransaction(q: Queryable, event: TAuditEvent): Promise<void> {
    return insertChained(q, event.municipalityId, [event]);
  }

  /**
   * Many events of one municipality in the caller's transaction, in one statement: a bulk write (an
   * import) holds the chain head for one insert, not one per event.
   */
  inTransactionBatch(q: Queryable, municipalityId: string, events: TAuditEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return insertChained(
      q,
      municipalityId,
      events.map((e) => ({ ...e, municipalityId })),
    );
  }

  /** Resolves when everything queued so far is durable. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.writeBatch(batch.map((p) => p.event));
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  private async writeBatch(events: TAuditEvent[]): Promise<void> {
    const byMunicipality = new Map<string, TAuditEvent[]>();
    for (const e of events) {
      const list = byMunicipality.get(e.municipalityId) ?? [];
      list.push(e);
      byMunicipality.set(e.municipalityId, list);
    }
    // Sorted lock order: two instances flushing the same municipalities cannot deadlock.
    const municipalities = [...byMunicipality.keys()].sort();
    await this.db.system(async (q) => {
      for (const m of municipalities) await insertChained(q, m, byMunicipality.get(m) ?? []);
    });
  }
}
