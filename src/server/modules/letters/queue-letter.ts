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

async function existing(q: Queryable, municipalityId: string, key: string): Promise<string | undefined> {
  const { rows } = await q.query(
    'SELECT id FROM letters WHERE municipality_id = $1 AND idempotency_key = $2',
    [municipalityId, key],
  );
  return rows[0]?.id;
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
  const m = input.municipalityId;
  const already = await existing(q, m, input.idempotencyKey);
  if (already) return { id: already, created: false };
  const template = LETTER_TEMPLATES[input.template];
  if (!template) throw new AppError('VALIDATION_FAILED', { fields: { template: { key: 'field.invalid' } } });
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
  const { rows } = await q.query(
    `INSERT INTO letters (municipality_id, kind, idempotency_key, template, data, subject, recipient_name,
                          recipient_address, child_id, guardian_id, pdf, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (municipality_id, idempotency_key) DO NOTHING
     RETURNING id`,
    [
      m,
      input.kind,
      input.idempotencyKey,
      input.template,
      JSON.stringify(parsed.data),
      text.subject,
      recipient.name,
      recipient.addressLines,
      input.recipient.childId ?? null,
      input.recipient.guardianId ?? null,
      pdf,
      input.createdBy ?? null,
    ],
  );
  if (rows[0]) return { id: rows[0].id, created: true };
  // Another transaction queued the same key meanwhile.
  return { id: (await existing(q, m, input.idempotencyKey)) as string, created: false };
}
