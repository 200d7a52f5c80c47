import { describe, expect, it } from 'vitest';
import { letterDocument } from '../letter-document.ts';
import { renderPdf } from '../pdf.ts';
import { danishDate, danishDateTime } from './format.ts';
import { LETTER_TEMPLATES } from './index.ts';

const recipient = { name: 'Åse Ærø', addressLines: ['Søndergade 1', '9000 Aalborg'] };

describe('letter templates', () => {
  it('tells the family, in plain Danish, who the new caseworker is and how to reach them', () => {
    const text = LETTER_TEMPLATES.caseworkerChange.render(
      {
        childFirstName: 'Emma',
        previousCaseworkerName: 'Rikke Rådgiver',
        newCaseworkerName: 'Niels Nyborg',
        newCaseworkerEmail: 'niels@kommune.dk',
        newCaseworkerPhone: '12 34 56 78',
        teamName: 'Myndighed Team Nord',
        effectiveOn: '2027-03-01',
      },
      recipient,
    );
    expect(text.subject).toBe('Du har fået en ny rådgiver i sagen om Emma');
    const body = text.paragraphs.join('\n');
    expect(text.paragraphs[0]).toBe('Kære Åse Ærø');
    expect(body).toContain('Fra den 1. marts 2027 er din nye rådgiver Niels Nyborg fra Myndighed Team Nord.');
    expect(body).toContain('telefon 12 34 56 78 eller e-mail niels@kommune.dk');
    expect(body).toContain('du skal ikke gøre noget');
    // Plain language: short sentences.
    for (const sentence of body.split(/(?<=\.)\s+/))
      expect(sentence.split(' ').length).toBeLessThanOrEqual(25);
  });

  it('falls back to the municipality when the new caseworker has no phone or e-mail', () => {
    const text = LETTER_TEMPLATES.caseworkerChange.render(
      {
        childFirstName: 'Emma',
        previousCaseworkerName: 'A',
        newCaseworkerName: 'B',
        teamName: 'T',
        effectiveOn: '2027-03-01',
      },
      recipient,
    );
    expect(text.paragraphs.join(' ')).toContain('gennem kommunens hovednummer');
  });

  it('writes the receipt to a professional notifier with the time received in Danish time', () => {
    const text = LETTER_TEMPLATES.notificationReceipt.render(
      { receivedAt: '2027-03-25T22:59:00Z', reference: 'U-7K3M9Q' },
      recipient,
    );
    expect(text.subject).toBe('Vi har modtaget din underretning');
    expect(text.paragraphs[1]).toContain('den 25. marts 2027 kl. 23.59');
    expect(text.paragraphs[1]).toContain('U-7K3M9Q');
  });

  it.each([
    ['2027-12-24', '24. december 2027'],
    ['2027-01-01', '1. januar 2027'],
  ])('writes %s as %s', (iso, words) => {
    expect(danishDate(iso)).toBe(words);
  });

  it('formats a summer instant in Danish summer time', () => {
    expect(danishDateTime('2027-06-30T22:30:00Z')).toBe('1. juli 2027 kl. 00.30');
  });

  it('renders a real PDF with Danish letters in the standard font', async () => {
    const text = LETTER_TEMPLATES.notificationOutcome.render(
      { receivedAt: '2027-03-25T09:00:00Z', reference: 'U-7K3M9Q', investigationStarted: true },
      recipient,
    );
    const pdf = await renderPdf(
      letterDocument({ municipalityName: 'Demo Kommune' }, recipient, text, new Date()),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/BaseFont /Helvetica');
  });
});
