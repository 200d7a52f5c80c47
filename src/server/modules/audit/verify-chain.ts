import type { Db } from '../../db/client.ts';
import { chainHash, GENESIS_HASH } from './audit-hash.ts';

export interface TChainBreak {
  municipalityId: string;
  seq: number;
  reason: 'gap' | 'prevHash' | 'hash';
}

export interface TChainReport {
  municipalities: number;
  events: number;
  firstBreak: TChainBreak | null;
}

const PAGE = 5000;

/** Recomputes every municipality's chain from its first event; names the first event that does not fit. */
export async function verifyAuditChain(db: Db): Promise<TChainReport> {
  const { rows: municipalities } = await db.pool.query<{ id: string }>(
    'SELECT id FROM municipalities ORDER BY id',
  );
  let events = 0;
  for (const { id } of municipalities) {
    let expectedSeq = 1;
    let prev = GENESIS_HASH;
    for (;;) {
      const { rows } = await db.pool.query(
        `SELECT seq, at, user_id, role, action, entity, entity_id, child_id, purpose, ip, detail, prev_hash, hash
         FROM audit_events WHERE municipality_id = $1 AND seq >= $2 ORDER BY seq LIMIT ${PAGE}`,
        [id, expectedSeq],
      );
      for (const r of rows) {
        events += 1;
        if (r.seq !== expectedSeq)
          return report(municipalities.length, events, {
            municipalityId: id,
            seq: expectedSeq,
            reason: 'gap',
          });
        if (!prev.equals(r.prev_hash))
          return report(municipalities.length, events, {
            municipalityId: id,
            seq: r.seq,
            reason: 'prevHash',
          });
        const hash = chainHash(prev, {
          municipalityId: id,
          seq: r.seq,
          at: r.at,
          userId: r.user_id,
          role: r.role,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          childId: r.child_id,
          purpose: r.purpose,
          ip: r.ip,
          detail: r.detail,
        });
        if (!hash.equals(r.hash))
          return report(municipalities.length, events, { municipalityId: id, seq: r.seq, reason: 'hash' });
        prev = r.hash;
        expectedSeq += 1;
      }
      if (rows.length < PAGE) break;
    }
  }
  return report(municipalities.length, events, null);
}

function report(municipalities: number, events: number, firstBreak: TChainBreak | null): TChainReport {
  return { municipalities, events, firstBreak };
}
