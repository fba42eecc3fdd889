import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anyLine, anyText } from '../../../test/property/adversarialText';
import { endsSentence, isBlank, isByline, isNavigation, lineShape, wordCount } from './lines';

const SHAPES = ['blank', 'bullet', 'heading', 'byline', 'navigation', 'prose'];

describe('line shapes (properties)', () => {
  it('gives every line one shape, without throwing, blank exactly when it trims to nothing', () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        const shape = lineShape(line);
        assert.ok(SHAPES.includes(shape), shape);
        assert.equal(shape === 'blank', line.trim() === '');
        assert.equal(isBlank(line), shape === 'blank');
        const trimmed = line.trim();
        // The predicates the splitter calls directly must not throw on anything either.
        for (const answer of [isBlank(line), isByline(trimmed), endsSentence(trimmed), isNavigation(trimmed)]) {
          assert.equal(typeof answer, 'boolean');
        }
      }),
    );
  });

  it('does not depend on the whitespace around a line', () => {
    const padding = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\u2009'), maxLength: 4 });
    fc.assert(
      fc.property(anyLine, padding, padding, (line, before, after) => {
        assert.equal(lineShape(before + line + after), lineShape(line));
      }),
    );
  });

  it('only calls short lines navigation', () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        if (isNavigation(line.trim())) assert.ok(line.trim().length <= 40);
      }),
    );
  });
});

describe('wordCount (properties)', () => {
  it('is a count no larger than the number of space-separated tokens', () => {
    fc.assert(
      fc.property(anyText(200), (text) => {
        const count = wordCount(text);
        assert.ok(Number.isInteger(count) && count >= 0);
        assert.ok(count <= text.split(/[ \t\n\r\u00a0\u2000-\u200b\u3000]+/).filter(Boolean).length);
      }),
    );
  });

  it('adds up over texts joined by a space or a line break', () => {
    fc.assert(
      fc.property(anyLine, anyLine, fc.constantFrom(' ', '\n', '\r\n'), (a, b, between) => {
        assert.equal(wordCount(`${a}${between}${b}`), wordCount(a) + wordCount(b));
      }),
    );
  });

  it('counts no words in ASCII punctuation', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'.,;:!?-()[]{}"\'*#/\\|<>~`@%^&_= \t') }), (text) => {
        assert.equal(wordCount(text), 0);
      }),
    );
  });
});
