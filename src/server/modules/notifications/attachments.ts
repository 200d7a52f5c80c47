import {
  type ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
} from '../../../shared/schemas/notifications.ts';
import { AppError, type TFieldProblem } from '../../http/errors.ts';

export type TAttachmentType = (typeof ATTACHMENT_TYPES)[number];

export interface TAttachmentInput {
  fileName: string;
  content: Buffer;
  /** The file was cut at the size limit while it was read (multipart). */
  truncated?: boolean;
}

export interface TCheckedAttachment {
  fileName: string;
  mediaType: TAttachmentType;
  content: Buffer;
}

const SIGNATURES: [TAttachmentType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** The file's type by its first bytes, whatever its name or declared type says; undefined if not allowed. */
export function sniffAttachmentType(content: Buffer): TAttachmentType | undefined {
  for (const [type, bytes] of SIGNATURES) {
    if (content.length >= bytes.length && bytes.every((b, i) => content[i] === b)) return type;
  }
  return undefined;
}

/** A name safe to store and to offer back in a download header. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .trim()
    .slice(0, 200);
  return cleaned || 'bilag';
}

/**
 * Checks every file for type and size; one problem per file, keyed `attachments.<n>`. Throws a 400 naming
 * them, so nothing is written when one file is wrong.
 */
export function checkAttachments(files: TAttachmentInput[]): TCheckedAttachment[] {
  const fields: Record<string, TFieldProblem> = {};
  if (files.length > MAX_ATTACHMENTS)
    fields.attachments = { key: 'field.tooManyAttachments', params: { max: MAX_ATTACHMENTS } };
  const checked: TCheckedAttachment[] = [];
  files.forEach((f, i) => {
    const name = cleanFileName(f.fileName);
    if (f.truncated || f.content.length > MAX_ATTACHMENT_BYTES) {
      fields[`attachments.${i}`] = {
        key: 'field.attachmentTooLarge',
        params: { name, max: MAX_ATTACHMENT_BYTES / 1024 / 1024 },
      };
      return;
    }
    const mediaType = sniffAttachmentType(f.content);
    if (!mediaType) {
      fields[`attachments.${i}`] = { key: 'field.attachmentType', params: { name } };
      return;
    }
    checked.push({ fileName: name, mediaType, content: f.content });
  });
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  return checked;
}
