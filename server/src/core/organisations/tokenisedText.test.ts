import { strict as assert } from 'assert';
import fc from 'fast-check';
import { isStopWord } from '../stopwords';
import { firstTokenOnLine, tokeniseText } from './tokenisedText';
import { Tokens, tokenise } from './tokens';

/** Every token's index, to look at the tokens as a list. */
function indices(tokens: Tokens): number[] {
  return Array.from({ length: tokens.length }, (_, i) => i);
}

describe('tokenised texts', () => {
  it('tells title-case lines from prose', () => {
    const text = tokeniseText('Hate Crime on The Rise in Time of Extremism\nNHS England and the Care Quality Commission said so.\n', isStopWord);
    assert.equal(text.isTitleLine(0), true);
    assert.equal(text.isTitleLine(1), false);
    assert.ok(text.writtenInLowerCase('said'));
    assert.ok(!text.writtenInLowerCase('england'));
  });

  /** Headings, prose, blank lines and bullets, some long enough to be hard-wrapped: lines of every kind. */
  const lines = fc.array(
    fc.constantFrom('Royal College of Nursing Annual Report', 'the charity Mind said it would help staff across the region and beyond', 'Staff said so.', '', '* NHS England', 'Care Quality Commission'),
    { maxLength: 12 },
  );

  it('finds the first token of a line as a scan from the start would', () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: -1, max: 14 }), (texts, line) => {
        const tokens = tokenise(texts.join('\n'));
        const scanned = indices(tokens).find((i) => tokens.line(i) >= line) ?? tokens.length;
        assert.equal(firstTokenOnLine(tokens, line), scanned);
      }),
    );
  });

  it('tells title-case lines the same whichever order the lines are asked about', () => {
    fc.assert(
      fc.property(lines, (texts) => {
        const text = texts.join('\n');
        const numbers = Array.from({ length: texts.length + 1 }, (_, line) => line);
        const inOrder = tokeniseText(text, isStopWord);
        const reversed = tokeniseText(text, isStopWord);
        const backwards = [...numbers].reverse().map((line) => reversed.isTitleLine(line)).reverse();
        assert.deepEqual(numbers.map((line) => inOrder.isTitleLine(line)), backwards);
      }),
    );
  });

  it('tells words written in lower case in a long text as in a short one', () => {
    // Thousands of distinct words: past the scanned size, and enough to fill the bitmap.
    const filler = Array.from({ length: 6000 }, (_, n) => `w${n.toString(36)}x`).join(' ');
    const ending = ' The Kings and the kings. Café owners met in a café; King’s Fund staff said the fund’s aims were health/care.';
    const short = tokeniseText(ending, isStopWord);
    const long = tokeniseText(`${filler}.${ending}`, isStopWord);
    assert.ok(long.tokens.length > 6000);
    for (const key of ['kings', 'café', 'owners', 'funds', 'king', 'staff', 'health', 'fund', 'the', 'care', 'aims', 'w2x', 'zzz', '']) {
      assert.equal(long.writtenInLowerCase(key), short.writtenInLowerCase(key) || /^w[0-9a-z]+x$/.test(key), key);
    }
  });

  it('tells words written in lower case, with either apostrophe and outside ASCII', () => {
    const text = tokeniseText('The Kings and the kings. Café owners met in a café; King’s Fund staff said the fund’s aims were health/care.', isStopWord);
    assert.ok(text.writtenInLowerCase('kings'));
    assert.ok(text.writtenInLowerCase('café'));
    assert.ok(text.writtenInLowerCase('owners'));
    assert.ok(!text.writtenInLowerCase('funds'), 'an apostrophe makes "fund’s" another spelling');
    assert.ok(!text.writtenInLowerCase('king'));
    assert.ok(text.writtenInLowerCase('staff'));
    assert.ok(!text.writtenInLowerCase('health'), '"health/care" is one word');
    assert.ok(!text.writtenInLowerCase(''));
  });
});
