import { NOTICE_ELEMENTS, type TNoticeElement, type TNoticeSections } from '../../shared/schemas/notices.ts';

export interface TNoticeTextProblem {
  element: TNoticeElement;
  key: 'field.noticeElementMissing' | 'field.noticeComplaintAuthority';
}

/** Fewer letters than this in an element is not an answer to what it asks (a dash, "se hjemmesiden"). */
export const MIN_ELEMENT_LENGTH = 20;

/**
 * What a notice text lacks before it may be published (GDPR articles 13 and 14): every element named, in
 * words, and the complaint element naming the supervisory authority, Datatilsynet. One problem per element,
 * in the order of NOTICE_ELEMENTS, so the 400 names each missing element.
 */
export function noticeTextProblems(sections: TNoticeSections): TNoticeTextProblem[] {
  const problems: TNoticeTextProblem[] = [];
  for (const element of NOTICE_ELEMENTS) {
    const text = sections[element].trim();
    if (text.replace(/[^\p{L}]/gu, '').length < MIN_ELEMENT_LENGTH)
      problems.push({ element, key: 'field.noticeElementMissing' });
    else if (element === 'complaint' && !/datatilsynet/i.test(text))
      problems.push({ element, key: 'field.noticeComplaintAuthority' });
  }
  return problems;
}
