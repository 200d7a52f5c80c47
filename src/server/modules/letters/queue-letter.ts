import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { letterDocument } from './letter-document.ts';
import { renderPdf } from './pdf.ts';
import { LETTER_TEMPLATES, type TLetterTemplateData, type TLetterTemplateName } from './templates/index.ts';

export interface TLetterRecipientInput {
  name: string;
  /** Street, postal code and town, one line each. */
  addressLines: string[];
  childId?: string | null;
  guardianId?: string | null;
}

export interface TQueueLetterInput<N extends TLetterTemplateName = TLetterTemplateName> {
  municipalityId: string;
  /** What the letter is for, e.g. 'notificationReceipt' or 'caseworkerChange' (letters/letters in the outbox view). */
  kind: string;
  recipient: TLetterRecipientInput;
  template: N;
  data: TLetterTemplateData<N>;
  /** Unique per municipality: queueing the same key again writes nothing and returns the first letter. */
  idempotencyKey: string;
  createdBy?: string | null;
  /** The letter's date; today unless told. */
  date?: Date;
}

export interface TQueuedLetter {
  id: string;
  /** False when a letter with this idempotency key was already queued (nothing was written). */
  created: boolean;
}

const municipalityNames = new Map<string, string>();

async function municipalityName(q: Queryable, municipalityId: string): Promise<string> {
  const known = municipalityNames.get(municipalityId);
  if (known) return known;
  const { rows } = await q.query('SELECT name FROM municipalities WHERE id = $1', [municipalityId]);
  const name = (rows[0]?.name as string | undefined) ?? '';
  municipalityNames.set(municipalityId, name);
  return name;
}

/**
 * Renders a letter to PDF and queues it in the outbox, in the caller's transaction (so the letter exists
 * exactly when the change it tells about does). The PDF is rendered now, not when sent: what the outbox
 * shows is what the citizen gets. Idempotent on (municipality, idempotencyKey). The sender job
 * (send-due-letters.ts) delivers it.
 */
export async function queueLetter<N extends TLetterTemplateName>(
  q: Queryable,
  input: TQueueLetterInput<N>,
): Promise<TQueuedLetter> {
  return (await queueLetters(q, [input]))[0] as TQueuedLetter;
}

/**
 * Many letters of one municipality at once (a caseworker change): one look-up of the keys already queued,
 * the new ones rendered, one insert. Answers in the order given; same guarantees as queueLetter.
 */
export async function queueLetters(
  q: Queryable,
  inputs: readonly TQueueLetterInput[],
): Promise<TQueuedLetter[]> {
  if (inputs.length === 0) return [];
  const m = (inputs[0] as TQueueLetterInput).municipalityId;
  if (inputs.some((i) => i.municipalityId !== m)) throw new Error('queueLetters: one municipality per call');
  const keys = inputs.map((i) => i.idempotencyKey);
  const found = new Map<string, string>(
    (
      await q.query(
        'SELECT idempotency_key, id FROM letters WHERE municipality_id = $1 AND idempotency_key = ANY($2::text[])',
        [m, keys],
      )
    ).rows.map((r) => [r.idempotency_key as string, r.id as string]),
  );
  const fresh: { input: TQueueLetterInput; data: unknown; subject: string; pdf: Buffer }[] = [];
  const seen = new Set(found.keys());
  for (const input of inputs) {
    if (seen.has(input.idempotencyKey)) continue;
    seen.add(input.idempotencyKey);
    const template = LETTER_TEMPLATES[input.template];
    if (!template)
      throw new AppError('VALIDATION_FAILED', { fields: { template: { key: 'field.invalid' } } });
    const parsed = template.schema.safeParse(input.data);
    if (!parsed.success)
      throw new AppError('VALIDATION_FAILED', { fields: { data: { key: 'field.invalid' } } });
    const recipient = { name: input.recipient.name, addressLines: input.recipient.addressLines };
    // biome-ignore lint/suspicious/noExplicitAny: the template and its data were matched by name above
    const text = template.render(parsed.data as any, recipient);
    const pdf = await renderPdf(
      letterDocument(
        { municipalityName: await municipalityName(q, m) },
        recipient,
        text,
        input.date ?? new Date(),
      ),
    );
    fresh.push({ input, data: parsed.data, subject: text.subject, pdf });
  }
  const created = new Set<string>();
  if (fresh.length > 0) {
    const col = <T>(f: (x: (typeof fresh)[number]) => T) => fresh.map(f);
    const { rows } = await q.query(
      `INSERT INTO letters (municipality_id, kind, idempotency_key, template, data, subject, recipient_name,
                            recipient_address, child_id, guardian_id, pdf, created_by)
       SELECT $1, x.kind, x.key, x.template, x.data, x.subject, x.name,
              ARRAY(SELECT jsonb_array_elements_text(x.address)), x.child_id, x.guardian_id, x.pdf, x.created_by
         FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::jsonb[],
                     $9::uuid[], $10::uuid[], $11::bytea[], $12::uuid[])
              AS x(kind, key, template, data, subject, name, address, child_id, guardian_id, pdf, created_by)
       ON CONFLICT (municipality_id, idempotency_key) DO NOTHING
       RETURNING id, idempotency_key`,
      [
        m,
        col((x) => x.input.kind),
        col((x) => x.input.idempotencyKey),
        col((x) => x.input.template),
        col((x) => JSON.stringify(x.data)),
        col((x) => x.subject),
        col((x) => x.input.recipient.name),
        col((x) => JSON.stringify(x.input.recipient.addressLines)),
        col((x) => x.input.recipient.childId ?? null),
        col((x) => x.input.recipient.guardianId ?? null),
        col((x) => x.pdf),
        col((x) => x.input.createdBy ?? null),
      ],
    );
    for (const r of rows) {
      found.set(r.idempotency_key, r.id);
      created.add(r.idempotency_key);
    }
  }
  // Keys another transaction queued meanwhile.
  const missing = keys.filter((k) => !found.has(k));
  if (missing.length > 0)
    for (const r of (
      await q.query(
        'SELECT idempotency_key, id FROM letters WHERE municipality_id = $1 AND idempotency_key = ANY($2::text[])',
        [m, missing],
      )
    ).rows)
      found.set(r.idempotency_key, r.id);
  const reported = new Set<string>();
  return inputs.map((i) => {
    const first = created.has(i.idempotencyKey) && !reported.has(i.idempotencyKey);
    reported.add(i.idempotencyKey);
    return { id: found.get(i.idempotencyKey) as string, created: first };
  });
}
