import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { occurrences, winnow } from './winnow';

const options = { kgram: 5, window: 7 };

describe('winnow', () => {
  it('selects a fingerprint in every window, sorted by hash with positions kept', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 11, maxLength: 400 }), (words) => {
        const { hashes, positions } = winnow(Uint32Array.from(words), options);
        for (let i = 1; i < hashes.length; i++) assert.ok(hashes[i - 1] < hashes[i] || (hashes[i - 1] === hashes[i] && positions[i - 1] < positions[i]));
        const chosen = new Set(positions);
        const grams = words.length - options.kgram + 1;
        for (let end = options.window; end <= grams; end++) {
          let found = false;
          for (let p = end - options.window; p < end; p++) found ||= chosen.has(p);
          assert.ok(found, `window ending at ${end} has no fingerprint`);
        }
      }),
    );
  });

  it('gives a shared run of window + kgram - 1 words a shared fingerprint (the winnowing guarantee)', () => {
    const run = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 11, maxLength: 11 });
    const noise = fc.array(fc.integer({ min: 2000, max: 3000 }), { maxLength: 30 });
    fc.assert(
      fc.property(run, noise, noise, noise, (shared, before, after, other) => {
        const a = winnow(Uint32Array.from([...before, ...shared, ...after]), options);
        const b = winnow(Uint32Array.from([...other, ...shared]), options);
        assert.ok([...a.hashes].some((hash) => occurrences(b, hash)[1] > occurrences(b, hash)[0]));
      }),
    );
  });

  it('returns nothing for fewer words than a k-gram, and finds every occurrence of a hash', () => {
    assert.equal(winnow(Uint32Array.from([1, 2, 3]), options).hashes.length, 0);
    const repeated = winnow(Uint32Array.from(Array.from({ length: 60 }, (_, i) => i % 6)), options);
    const [from, to] = occurrences(repeated, repeated.hashes[0]);
    assert.ok(to - from >= 2);
    const [missingFrom, missingTo] = occurrences(repeated, 12345);
    assert.equal(missingTo, missingFrom);
  });
});
