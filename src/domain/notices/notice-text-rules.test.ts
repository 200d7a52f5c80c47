import { describe, expect, it } from 'vitest';
import type { TNoticeSections } from '../../shared/schemas/notices.ts';
import { noticeTextProblems } from './notice-text-rules.ts';

const complete: TNoticeSections = {
  intro: '',
  categories: 'Navn, alder, trivselsvurderinger og bekymringer.',
  purpose: 'At opdage mistrivsel tidligt og hjælpe barnet.',
  legalBasis: 'Barnets lov og databeskyttelsesforordningens artikel 6, stk. 1, litra e.',
  recipients: 'Pædagoger, lærere og ledere i barnets dagtilbud eller skole.',
  retention: 'Vi gemmer oplysningerne i fem år efter den sidste registrering.',
  rights: 'Du har ret til indsigt, berigtigelse og til at gøre indsigelse.',
  complaint: 'Du kan klage til Datatilsynet, www.datatilsynet.dk.',
  controllerContact: 'Kommunens databeskyttelsesrådgiver, dpo@kommune.dk.',
};

describe('noticeTextProblems', () => {
  it('accepts a text naming every element, with an empty introduction', () => {
    expect(noticeTextProblems(complete)).toEqual([]);
  });

  it.each([
    ['legalBasis', ''],
    ['retention', '   '],
    ['categories', '—'],
    ['purpose', 'Se hjemmesiden.'],
    ['recipients', ''],
    ['rights', '-'],
    ['controllerContact', ''],
    ['complaint', ''],
  ] as const)('names %s when it is %j', (element, text) => {
    expect(noticeTextProblems({ ...complete, [element]: text })).toEqual([
      { element, key: 'field.noticeElementMissing' },
    ]);
  });

  it('refuses a complaint element that does not name Datatilsynet', () => {
    expect(
      noticeTextProblems({ ...complete, complaint: 'Du kan klage til kommunens borgerrådgiver.' }),
    ).toEqual([{ element: 'complaint', key: 'field.noticeComplaintAuthority' }]);
  });

  it('names every missing element, in a fixed order', () => {
    const problems = noticeTextProblems({ ...complete, retention: '', legalBasis: '', complaint: '' });
    expect(problems.map((p) => p.element)).toEqual(['legalBasis', 'retention', 'complaint']);
  });
});
