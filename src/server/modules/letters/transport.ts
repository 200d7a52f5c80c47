/** A letter as handed to a transport: the rendered PDF and who it is for. */
export interface TOutgoingLetter {
  id: string;
  municipalityId: string;
  kind: string;
  subject: string;
  recipientName: string;
  recipientAddress: string[];
  childId: string | null;
  guardianId: string | null;
  createdAt: Date;
  pdf: Buffer;
}

/**
 * Delivers one letter. Must be idempotent on `letter.id`: the sender guarantees a letter is handed over by
 * one instance at a time, but after a crash between delivery and the status update the same letter is
 * handed over again — the transport must then not deliver a second copy (the file drop overwrites the same
 * file; Digital Post deduplicates on the message UUID). Throws to have the sender retry later.
 */
export interface TLetterTransport {
  readonly name: string;
  send(letter: TOutgoingLetter): Promise<{ ref: string }>;
}
