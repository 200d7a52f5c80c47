import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../server/http/errors';
import { parseInput } from '../../server/http/validation';
import { type TLocale, translate } from '../../shared/i18n/errors';
import { ZCreateFactorRequest, ZUpdateFactorRequest } from '../../shared/schemas/factors';
import { validationError } from './validation-error';

/** What the server's 400 says per field, in the user's language. */
function serverMessages(schema: z.ZodType, data: unknown, locale: TLocale): Record<string, string> {
  try {
    parseInput(schema, data);
    return {};
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fields = error.options.fields ?? {};
    return Object.fromEntries(
      Object.entries(fields).map(([path, p]) => [path, translate(locale, p.key, p.params)]),
    );
  }
}

/** What the form shows per field when the browser checks the same input with the same schema first. */
function formMessages(schema: z.ZodType, data: unknown, locale: TLocale): Record<string, string> {
  const parsed = schema.safeParse(data, { reportInput: true });
  return parsed.success ? {} : validationError(parsed.error.issues, locale).fields;
}

const noNul = fc.string().filter((s) => !s.includes('\u0000'));
const value = fc.oneof(
  noNul,
  fc.constantFrom('', ' ', 'risk', 'protective', 'development', 'AB-12', 'x'.repeat(130)),
  fc.integer({ min: -5, max: 30 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(noNul, { maxLength: 12 }),
);
const factorInput = fc.record(
  {
    code: value,
    kind: value,
    domain: value,
    ageFrom: value,
    ageTo: value,
    labelDa: value,
    labelEn: value,
    descriptionDa: value,
    themeCodes: value,
    unexpected: value,
  },
  { requiredKeys: [] },
);

describe('the factor form names a problem as the server would', () => {
  it('gives the server’s message for every field of any factor input', () => {
    fc.assert(
      fc.property(factorInput, fc.constantFrom<TLocale>('da', 'en'), (data, locale) => {
        expect(formMessages(ZCreateFactorRequest, data, locale)).toEqual(
          serverMessages(ZCreateFactorRequest, data, locale),
        );
        expect(formMessages(ZUpdateFactorRequest, data, locale)).toEqual(
          serverMessages(ZUpdateFactorRequest, data, locale),
        );
      }),
    );
  });

  it('says a date, an e-mail address or an id is malformed, as the server does', () => {
    const schema = z.strictObject({ opensOn: z.iso.date(), email: z.email(), unitId: z.uuid() });
    const data = { opensOn: 'tomorrow', email: 'not-an-address', unitId: '42' };
    const form = formMessages(schema, data, 'da');
    expect(form).toEqual(serverMessages(schema, data, 'da'));
    expect(form.opensOn).toBe(translate('da', 'field.invalidDate'));
    expect(form.email).toBe(translate('da', 'field.invalidEmail'));
    expect(form.unitId).toBe(translate('da', 'field.invalidUuid'));
  });

  it('says an empty date or e-mail address must be filled in, as the server does', () => {
    const schema = z.strictObject({ opensOn: z.iso.date(), email: z.email() });
    const data = { opensOn: '', email: '' };
    const form = formMessages(schema, data, 'da');
    expect(form).toEqual(serverMessages(schema, data, 'da'));
    expect(form.opensOn).toBe(translate('da', 'field.required'));
    expect(form.email).toBe(translate('da', 'field.required'));
  });

  it('names an unknown field as the server does', () => {
    const data = { kind: 'risk', surprise: 1 };
    expect(formMessages(ZUpdateFactorRequest, data, 'en')).toEqual({
      surprise: translate('en', 'field.unknown'),
    });
  });
});
