import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyDictionary, utf8Text } from './copy-binary.ts';

describe('KeyDictionary', () => {
  it('gives equal keys one index and different keys different ones, in any order of rows', () => {
    const word = fc.constantFrom('all', 'a', 'ab', 'school', 'skole', 'leisure', 'æøå', '', 'x'.repeat(20));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), (words) => {
        const buf = Buffer.from(words.join(''));
        const dictionary = new KeyDictionary(buf, utf8Text);
        let at = 0;
        const indices = words.map((w) => {
          const length = Buffer.byteLength(w);
          const index = dictionary.indexOf(at, length);
          at += length;
          return index;
        });
        expect(indices.map((i) => dictionary.keys[i])).toEqual(words);
        expect(new Set(dictionary.keys).size).toBe(dictionary.keys.length);
      }),
      { numRuns: 500 },
    );
  });

  it('tells keys apart beyond the few it scans one by one', () => {
    const words = Array.from({ length: 40 }, (_, i) => `unit-${i % 20}`).concat(['unit-3', 'unit-19']);
    const buf = Buffer.from(words.join(''));
    const dictionary = new KeyDictionary(buf, utf8Text);
    let at = 0;
    const indices = words.map((w) => {
      const index = dictionary.indexOf(at, w.length);
      at += w.length;
      return index;
    });
    expect(dictionary.keys).toHaveLength(20);
    expect(indices.map((i) => dictionary.keys[i])).toEqual(words);
  });
});
