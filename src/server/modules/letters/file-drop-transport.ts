import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TLetterTransport } from './transport.ts';

/**
 * Writes each letter as `<letter id>.pdf` plus `<letter id>.json` (an envelope: recipient, subject, kind,
 * ids) into a folder per municipality, for a print-and-post service or a mail robot to pick up. Files are
 * written under a temporary name and renamed, so a reader never sees half a letter; a letter sent again
 * overwrites its own files.
 */
export function fileDropTransport(folder: string): TLetterTransport {
  return {
    name: 'fileDrop',
    async send(letter) {
      const dir = path.join(folder, letter.municipalityId);
      await mkdir(dir, { recursive: true });
      const base = path.join(dir, letter.id);
      const envelope = {
        letterId: letter.id,
        municipalityId: letter.municipalityId,
        kind: letter.kind,
        subject: letter.subject,
        recipient: { name: letter.recipientName, address: letter.recipientAddress },
        childId: letter.childId,
        guardianId: letter.guardianId,
        createdAt: letter.createdAt.toISOString(),
        pdf: `${letter.id}.pdf`,
      };
      await writeFile(`${base}.pdf.tmp`, letter.pdf);
      await rename(`${base}.pdf.tmp`, `${base}.pdf`);
      await writeFile(`${base}.json.tmp`, `${JSON.stringify(envelope, null, 2)}\n`);
      await rename(`${base}.json.tmp`, `${base}.json`);
      return { ref: path.relative(folder, `${base}.pdf`) };
    },
  };
}
