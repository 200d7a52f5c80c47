import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { checkAttachments, cleanFileName, sniffAttachmentType } from './attachments.ts';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

describe('sniffAttachmentType', () => {
  it.each([
    [PDF, 'application/pdf'],
    [PNG, 'image/png'],
    [JPEG, 'image/jpeg'],
    [[0x4d, 0x5a, 0x90, 0x00], undefined],
    [[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], undefined],
    [[0x25, 0x50, 0x44], undefined],
    [[], undefined],
  ])('%j → %s', (bytes, type) => {
    expect(sniffAttachmentType(Buffer.from(bytes))).toBe(type);
  });

  it('types a file by its first bytes only, whatever follows', () => {
    fc.assert(
      fc.property(fc.constantFrom(PDF, PNG, JPEG), fc.uint8Array({ maxLength: 200 }), (head, tail) => {
        const type = sniffAttachmentType(Buffer.concat([Buffer.from(head), Buffer.from(tail)]));
        expect(type).toBe(head === PDF ? 'application/pdf' : head === PNG ? 'image/png' : 'image/jpeg');
      }),
    );
  });

  it('refuses bytes that start with none of the signatures', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        fc.pre(![PDF, PNG, JPEG].some((sig) => sig.every((b, i) => bytes[i] === b)));
        expect(sniffAttachmentType(Buffer.from(bytes))).toBeUndefined();
      }),
    );
  });
});

describe('cleanFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\brev.pdf', 'brev.pdf'],
    ['rapport "endelig".pdf', 'rapport _endelig_.pdf'],
    ['', 'bilag'],
    ['æøå.png', 'æøå.png'],
  ])('%s → %s', (name, cleaned) => {
    expect(cleanFileName(name)).toBe(cleaned);
  });

  it('never keeps a path, a quote or a control character, and is never empty or over 200 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const cleaned = cleanFileName(name);
        expect(cleaned.length).toBeGreaterThan(0);
        expect(cleaned.length).toBeLessThanOrEqual(200);
        expect(cleaned).not.toMatch(/[\\/"'<>]/);
        expect([...cleaned].every((ch) => ch.charCodeAt(0) >= 0x20)).toBe(true);
      }),
    );
  });
});

describe('checkAttachments', () => {
  it('names every bad file and keeps nothing when one is bad', () => {
    try {
      checkAttachments([
        { fileName: 'ok.pdf', content: Buffer.from(PDF) },
        { fileName: 'fake.pdf', content: Buffer.from('hello') },
        { fileName: 'big.png', content: Buffer.from(PNG), truncated: true },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const fields = (error as AppError).options.fields ?? {};
      expect(Object.keys(fields).sort()).toEqual(['attachments.1', 'attachments.2']);
      expect(fields['attachments.1']?.key).toBe('field.attachmentType');
      expect(fields['attachments.2']?.key).toBe('field.attachmentTooLarge');
    }
  });

  it('refuses more than five files', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ fileName: `${i}.pdf`, content: Buffer.from(PDF) }));
    expect(() => checkAttachments(six)).toThrow(AppError);
    expect(checkAttachments(six.slice(0, 5))).toHaveLength(5);
  });
});
