import { describe, expect, it } from 'vitest';
import { noticeTextProblems } from '../../../../domain/notices/notice-text-rules.ts';
import { NOTICE_AUDIENCES, NOTICE_KINDS } from '../../../../shared/schemas/notices.ts';
import { defaultNoticeText } from '../../notices/default-texts.ts';
import { letterDocument } from '../letter-document.ts';
import { renderPdf } from '../pdf.ts';
import { informationNoticeTemplate, namesList, type TInformationNoticeData } from './information-notice.ts';

const recipient = { name: 'Mette Jensen', addressLines: ['Søndergade 1', '9000 Aalborg'] };

function data(over: Partial<TInformationNoticeData> = {}): TInformationNoticeData {
  const audience = over.audience ?? 'guardian';
  const kind = over.kind ?? 'round';
  return {
    kind,
    audience,
    municipalityName: 'Demo Kommune',
    children: [
      { firstName: 'Oliver', place: 'Søndre Skole', basis: null },
      { firstName: 'Ida', place: 'Søndre Skole', basis: null },
    ],
    round: { name: 'Forår 2027', opensOn: '2027-03-01', closesOn: '2027-05-31' },
    texts: {
      da: defaultNoticeText(kind, audience, 'da', 'Demo Kommune'),
      en: defaultNoticeText(kind, audience, 'en', 'Demo Kommune'),
    },
    ...over,
  };
}

const body = (d: TInformationNoticeData) =>
  informationNoticeTemplate
    .render(d, recipient)
    .paragraphs.map((p) => (typeof p === 'string' ? p : `# ${p.heading}`))
    .join('\n');

describe('Beskyt’s default notice texts', () => {
  it.each(
    NOTICE_KINDS.flatMap((k) =>
      NOTICE_AUDIENCES.flatMap((a) => (['da', 'en'] as const).map((l) => [k, a, l] as const)),
    ),
  )('name every required element (%s, %s, %s)', (kind, audience, locale) => {
    expect(noticeTextProblems(defaultNoticeText(kind, audience, locale, 'Demo Kommune'))).toEqual([]);
  });
});

describe('the information notice letter', () => {
  it('names both children of the family in the subject and tells when the round runs', () => {
    const text = informationNoticeTemplate.render(data(), recipient);
    expect(text.subject).toBe('Trivselsvurdering: oplysninger om Oliver og Ida');
    const b = body(data());
    expect(b).toContain('Kære Mette Jensen');
    expect(b).toContain('Runden hedder Forår 2027 og løber fra den 1. marts 2027 til den 31. maj 2027.');
    expect(b).toContain('# Klage');
    expect(b).toContain('Datatilsynet');
    expect(b).toContain('# Information in English');
    expect(b).toContain('runs from 1 March 2027 to 31 May 2027');
    expect(text.closing).toEqual(['Venlig hilsen / Kind regards', 'Demo Kommune']);
  });

  it('speaks to the young person as “du” in the child’s text', () => {
    const d = data({
      audience: 'child',
      children: [{ firstName: 'Oliver', place: 'Søndre Skole', basis: null }],
    });
    expect(informationNoticeTemplate.render(d, recipient).subject).toBe(
      'Trivselsvurdering: oplysninger om dig',
    );
    expect(body(d)).toContain('fordi du er med i kommunens trivselsvurdering');
  });

  it('says for each child of a meeting whether it is discussed with consent or under the legal basis', () => {
    const b = body(
      data({
        kind: 'meetingItem',
        round: null,
        children: [
          { firstName: 'Oliver', place: null, basis: 'consent' },
          { firstName: 'Ida', place: null, basis: 'legalBasis' },
        ],
      }),
    );
    expect(b).toContain('Oliver drøftes med samtykke.');
    expect(b).toContain('Ida drøftes uden samtykke, efter reglerne i barnets lov');
  });

  it.each([
    [['Emma'], 'Emma'],
    [['Emma', 'Oliver'], 'Emma og Oliver'],
    [['Emma', 'Oliver', 'Ida'], 'Emma, Oliver og Ida'],
  ])('lists %j as %s', (names, words) => {
    expect(namesList(names, 'og')).toBe(words);
  });

  it('renders as a real PDF with headings', async () => {
    const text = informationNoticeTemplate.render(data(), recipient);
    const pdf = await renderPdf(
      letterDocument({ municipalityName: 'Demo Kommune' }, recipient, text, new Date()),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/BaseFont /Helvetica-Bold');
  });
});
