import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSearchTerm } from './search-term.ts';

describe('parseSearchTerm', () => {
  it.each([
    ['', { kind: 'all' }],
    ['010115-4001', { kind: 'cpr', cpr: '010115-4001' }],
    ['0101154001', { kind: 'cpr', cpr: '0101154001' }],
    ['320115-4001', { kind: 'invalidCpr' }],
    ['03-05-2018', { kind: 'birthDate', date: '2018-05-03' }],
    ['3.5.2018', { kind: 'birthDate', date: '2018-05-03' }],
    ['2018-05-03', { kind: 'birthDate', date: '2018-05-03' }],
    ['Emma Hansen', { kind: 'name', words: ['Emma', 'Hansen'] }],
    ['31-02-2018', { kind: 'name', words: ['31-02-2018'] }],
    ['100%_', { kind: 'name', words: ['100'] }],
  ])('reads %j as %j', (input, expected) => {
    expect(parseSearchTerm(input)).toEqual(expected);
  });

  it('never lets LIKE wildcards through and never yields more than five words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const term = parseSearchTerm(s);
        if (term.kind === 'name') {
          expect(term.words.length).toBeLessThanOrEqual(5);
          for (const w of term.words) expect(w).not.toMatch(/[%_\\\s]/);
        }
      }),
    );
  });
});
