import { describe, expect, it } from 'vitest';
import { letterDocument } from '../letter-document.ts';
import { renderPdf } from '../pdf.ts';
import { LETTER_TEMPLATES } from './index.ts';

const recipient = { name: 'Åse Ærø', addressLines: ['Søndergade 1', '9000 Aalborg'] };

/** Plain language: no sentence longer than 25 words. */
function shortSentences(paragraphs: (string | { heading: string })[]): void {
  const body = paragraphs.map((p) => (typeof p === 'string' ? p : p.heading)).join('\n');
  for (const sentence of body.split(/(?<=[.?])\s+/))
    expect(sentence.split(' ').length).toBeLessThanOrEqual(25);
}

describe('the family group conference letters', () => {
  it('invites a network person with the family’s questions and the coordinator to ask', () => {
    const text = LETTER_TEMPLATES.conferenceInvitation.render(
      {
        childFirstName: 'Emma',
        coordinatorName: 'Karin Koordinator',
        coordinatorEmail: 'karin@kommune.dk',
        invitedOn: '2027-03-01',
        questions: ['Hvordan kommer Emma i skole hver dag?', 'Hvem hjælper, når mor er syg?'],
      },
      recipient,
    );
    expect(text.subject).toBe('Invitation til familierådslagning for Emma');
    expect(text.paragraphs).toContain('1. Hvordan kommer Emma i skole hver dag?');
    expect(text.paragraphs.join('\n')).toContain('karin@kommune.dk');
    shortSentences(text.paragraphs);
  });

  it('tells the parents the approved plan in plain Danish: who does what by when, and when we meet again', async () => {
    const text = LETTER_TEMPLATES.conferencePlan.render(
      {
        childFirstName: 'Emma',
        approvedBy: 'Rikke Rådgiver',
        reviewOn: '2027-06-01',
        tasks: [{ what: 'Følger Emma i skole', who: 'Mormor Inge', dueOn: '2027-04-01', checkedBy: 'Mor' }],
      },
      recipient,
    );
    expect(text.subject).toBe('Jeres plan for Emma er godkendt');
    const body = text.paragraphs.map((p) => (typeof p === 'string' ? p : p.heading)).join('\n');
    expect(body).toContain(
      'Følger Emma i skole – Mormor Inge gør det senest den 1. april 2027. Mor holder øje med det.',
    );
    expect(body).toContain('Vi mødes igen den 1. juni 2027.');
    shortSentences(text.paragraphs);
    const pdf = await renderPdf(
      letterDocument({ municipalityName: 'Demo Kommune' }, recipient, text, new Date()),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
