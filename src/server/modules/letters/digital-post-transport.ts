import type { TLetterTransport } from './transport.ts';

/**
 * The adapter point for the national Digital Post (Digital Post via NgDP / MeMo messages). Beskyt does not
 * ship a client: a municipality connects through its own agreement and certificate (OCES/FOCES) with the
 * Agency for Digital Government or a broker. To connect, implement `TDigitalPostClient` and start the
 * sender with `digitalPostTransport(client)` instead of the file drop (see docs/decisions/010-letters-outbox.md).
 *
 * Mapping: `messageUuid` = the letter id (Digital Post deduplicates on it, which makes a resend after a
 * crash harmless); the recipient is found by the guardian's CPR number, looked up by the client from
 * `guardianId` — CPR numbers never sit in the outbox.
 */
export interface TDigitalPostMessage {
  messageUuid: string;
  municipalityId: string;
  guardianId: string | null;
  title: string;
  pdf: Buffer;
}

export interface TDigitalPostClient {
  /** Delivers a MeMo message; resolves with the receipt id from Digital Post, throws on failure. */
  deliver(message: TDigitalPostMessage): Promise<string>;
}

export function digitalPostTransport(client: TDigitalPostClient): TLetterTransport {
  return {
    name: 'digitalPost',
    async send(letter) {
      const ref = await client.deliver({
        messageUuid: letter.id,
        municipalityId: letter.municipalityId,
        guardianId: letter.guardianId,
        title: letter.subject,
        pdf: letter.pdf,
      });
      return { ref };
    },
  };
}
