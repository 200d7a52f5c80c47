import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { danishDate } from './templates/format.ts';
import type { TLetterRecipient, TLetterText } from './templates/template.ts';

/** One layout for every letter: sender, recipient's address window, date, subject, text, signature. */
export function letterDocument(
  sender: { municipalityName: string },
  recipient: TLetterRecipient,
  text: TLetterText,
  date: Date,
): TDocumentDefinitions {
  return {
    info: { title: text.subject, author: sender.municipalityName, subject: text.subject },
    language: 'da-DK',
    pageSize: 'A4',
    pageMargins: [60, 60, 60, 60],
    defaultStyle: { font: 'Helvetica', fontSize: 11, lineHeight: 1.3 },
    content: [
      { text: sender.municipalityName, bold: true, fontSize: 13 },
      { text: 'Børn og Familie', margin: [0, 0, 0, 30] },
      { text: [recipient.name, ...recipient.addressLines].join('\n'), margin: [0, 0, 0, 30] },
      { text: danishDate(date), alignment: 'right', margin: [0, 0, 0, 20] },
      { text: text.subject, bold: true, fontSize: 14, margin: [0, 0, 0, 14] },
      ...text.paragraphs.map((p) =>
        typeof p === 'string'
          ? { text: p, margin: [0, 0, 0, 10] as [number, number, number, number] }
          : { text: p.heading, bold: true, margin: [0, 6, 0, 4] as [number, number, number, number] },
      ),
      { text: text.closing.join('\n'), margin: [0, 16, 0, 0] },
    ],
  };
}
