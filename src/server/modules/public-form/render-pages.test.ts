import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZCitizenNotificationForm } from '../../../shared/schemas/notifications.ts';
import { escapeHtml, html } from './html.ts';
import { renderNotificationForm } from './render-pages.ts';

describe('the citizen form page', () => {
  it('escapes what the citizen typed when the form comes back', () => {
    const page = renderNotificationForm({
      municipalityName: 'Demo <Kommune>',
      action: '/borger/demo/underretning',
      values: {
        childName: '"><script>alert(1)</script>',
        description: '</textarea><img src=x onerror=alert(1)>',
      },
      errors: { childName: 'Skal udfyldes.' },
    });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&quot;&gt;&lt;script&gt;');
    expect(page).toContain('Demo &lt;Kommune&gt;');
    expect(page).toContain('<title>Fejl: ');
    expect(page).toContain('href="#f-childName"');
  });

  it('never lets free text open a tag or leave an attribute', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const out = html`<input value="${text}"><p>${text}</p>`.value;
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(out).toBe(`<input value="${escaped}"><p>${escaped}</p>`);
      }),
    );
  });
});

describe('ZCitizenNotificationForm', () => {
  const fields = [
    'childCpr',
    'childName',
    'childBirthDate',
    'childAddress',
    'description',
    'anonymous',
    'notifierName',
    'notifierPhone',
    'notifierEmail',
    'notifierRelation',
  ];

  it('answers any free-form input with data or problems named by field, never an exception', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), fc.string({ maxLength: 50 })), (input) => {
        const result = ZCitizenNotificationForm.safeParse(input);
        if (!result.success)
          for (const issue of result.error.issues) expect(fields).toContain(String(issue.path[0]));
      }),
    );
  });

  it.each([
    [
      {
        childName: 'A B',
        childBirthDate: '24-12-2016',
        childAddress: 'Vej 1',
        description: 'x',
        anonymous: 'yes',
      },
      true,
    ],
    [
      {
        childName: 'A B',
        childBirthDate: '2016-12-24',
        childAddress: 'Vej 1',
        description: 'x',
        anonymous: 'yes',
      },
      true,
    ],
    [
      {
        childName: 'A B',
        childBirthDate: '31-02-2016',
        childAddress: 'Vej 1',
        description: 'x',
        anonymous: 'yes',
      },
      false,
    ],
    [{ childName: 'A B', childAddress: 'Vej 1', description: 'x', anonymous: 'yes' }, false],
    [{ childCpr: '010115-4001', description: 'x', anonymous: 'yes' }, true],
    [{ childCpr: '010115-4001', description: '   ', anonymous: 'yes' }, false],
    [{ childCpr: '010115-4001', description: 'x', anonymous: 'no' }, false],
    [{ childCpr: '010115-4001', description: 'x', anonymous: 'no', notifierName: 'Hanne' }, true],
  ])('%j → valid %s', (input, valid) => {
    expect(ZCitizenNotificationForm.safeParse(input).success).toBe(valid);
  });
});
