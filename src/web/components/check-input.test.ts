import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/errors';
import { ZChildConversationRequest, ZFollowUpRequest } from '../../shared/schemas/cases';
import { checkInput, danishToday } from './check-input';

function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('checkInput: the case forms refuse in the browser what the server refuses', () => {
  const today = danishToday();

  it('a held conversation without what the child said is refused on the note', () => {
    const problem = checkInput(ZChildConversationRequest, { outcome: 'held', onDate: today }, 'da', {
      onDate: today,
    });
    expect(problem?.fields.note).toBe(translate('da', 'field.conversationNoteRequired'));
    expect(problem?.fields.onDate).toBeUndefined();
  });

  it('a follow-up without what it showed is refused; with it, it is accepted', () => {
    expect(checkInput(ZFollowUpRequest, { heldOn: today }, 'en')?.fields.note).toBe(
      translate('en', 'field.followUpNoteRequired'),
    );
    expect(checkInput(ZFollowUpRequest, { heldOn: today, note: 'Det går bedre.' }, 'da')).toBeNull();
  });

  it('an empty held date must be filled in', () => {
    const problem = checkInput(ZFollowUpRequest, { heldOn: '', note: 'x' }, 'da', { heldOn: '' });
    expect(problem?.fields.heldOn).toBe(translate('da', 'field.required'));
  });

  it('a held date is refused exactly when it is after today in Denmark', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const heldOn = shiftDays(today, offset);
        const problem = checkInput(ZFollowUpRequest, { heldOn, note: 'Holdt.' }, 'da', { heldOn });
        if (offset > 0) expect(problem?.fields.heldOn).toBe(translate('da', 'field.heldInFuture'));
        else expect(problem).toBeNull();
      }),
    );
  });
});
