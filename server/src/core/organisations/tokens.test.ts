import { strict as assert } from 'assert';
import fc from 'fast-check';
import { isStopWord } from '../stopwords';
import { Tokens, firstTokenOnLine, nameKey, organisationId, tokenise, tokeniseText, tokensKey } from './tokens';

/** Every token's index, to look at the tokens as a list. */
function indices(tokens: Tokens): number[] {
  return Array.from({ length: tokens.length }, (_, i) => i);
}

describe('organisation tokens', () => {
  it('keeps NHSE/I, hyphenated and apostrophe names whole, and marks possessives', () => {
    const tokens = tokenise('NHSE/I met Bromley-by-Bow and King’s Fund’s staff.');
    assert.deepEqual(
      indices(tokens).map((i) => tokens.text(i)),
      ['NHSE/I', 'met', 'Bromley-by-Bow', 'and', 'King’s', 'Fund’s', 'staff', '.'],
    );
    assert.equal(tokens.upper(0), true);
    assert.equal(tokens.upper(2), false);
    assert.equal(tokens.possessiveKey(5), 'fund');
    assert.equal(tokens.possessiveAt(5), 'NHSE/I met Bromley-by-Bow and King’s Fund'.length);
    assert.equal(tokens.possessiveAt(6), -1);
    assert.equal(tokens.key(4), 'kings');
  });

  it('marks sentence starts after full stops, colons, line breaks and opening quotes', () => {
    const tokens = tokenise('Anna wrote: In May. “We said\nNext line (the end)');
    const starts = indices(tokens).filter((i) => tokens.sentenceStart(i)).map((i) => tokens.text(i));
    assert.deepEqual(starts, ['Anna', 'In', 'We', 'Next']);
    assert.equal(tokens.line(indices(tokens).find((i) => tokens.text(i) === 'Next') ?? -1), 1);
  });

  it('counts CRLF and CR line breaks as one each', () => {
    const tokens = tokenise('a\r\nb\rc\n\nd');
    assert.deepEqual(indices(tokens).map((i) => tokens.line(i)), [0, 1, 2, 4]);
  });

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

  it('keeps a hard-wrapped paragraph on one line, not a heading, a bullet or a short line', () => {
    const wrapped = tokenise('Peer support workers saw 42 new mothers, according to the Royal College of\nPsychiatrists. Staff agreed.');
    const psychiatrists = indices(wrapped).find((i) => wrapped.text(i) === 'Psychiatrists') ?? -1;
    assert.equal(wrapped.line(psychiatrists), 0);
    assert.equal(wrapped.sentenceStart(psychiatrists), false);
    // A sentence that ends the line, a blank line, a bullet, a short line or a title-case line all break it.
    for (const text of [
      'Peer support workers saw 42 new mothers, as the survey had found.\nNext line',
      'Peer support workers saw 42 new mothers, according to the survey\n\nNext line',
      'Peer support workers saw 42 new mothers, according to the survey\n* Next line',
      'Short line without a stop\nNext line',
      'Hate Crime on The Rise Across Northern Trust Areas Of England\nNext line',
    ]) {
      const tokens = tokenise(text);
      const next = indices(tokens).find((i) => tokens.text(i) === 'Next') ?? -1;
      assert.notEqual(tokens.line(next), 0, text);
      assert.equal(tokens.sentenceStart(next), true, text);
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

  it('makes the same key and id for every spelling of a name', () => {
    assert.equal(nameKey('The King’s Fund'), nameKey("King's Fund"));
    assert.equal(nameKey('Kings Fund'), 'kings fund');
    assert.equal(nameKey("Sue Ryder's"), 'sue ryder');
    assert.equal(nameKey("Barnardo's"), 'barnardos');
    assert.equal(organisationId('The King’s Fund'), 'kings-fund');
    assert.equal(organisationId('Health & Care Trust'), 'health-and-care-trust');
    assert.equal(organisationId('!!!'), 'organisation');
  });

  it('answers for any index, outside the tokens too', () => {
    const tokens = tokenise('NHS (a)');
    for (const i of [-1, tokens.length, tokens.length + 5]) {
      assert.equal(tokens.text(i), '');
      assert.equal(tokens.key(i), '');
      assert.equal(tokens.line(i), -1);
      assert.equal(tokens.isWord(i) || tokens.cap(i) || tokens.upper(i) || tokens.sentenceStart(i), false);
      assert.equal(tokens.is(i, '('), false);
      assert.equal(tokens.possessiveAt(i), -1);
    }
    assert.equal(tokens.is(1, '('), true);
    assert.equal(tokens.is(1, ')'), false);
  });

  it('grows past its first guess of the number of tokens', () => {
    const text = 'a;'.repeat(5000);
    const tokens = tokenise(text);
    assert.equal(tokens.length, 10000);
    assert.equal(tokens.text(9998), 'a');
    assert.equal(tokens.start(9999), 9999);
  });

  it('keys a run of tokens as the name made of them would be keyed', () => {
    const source = 'staff at The King’s Fund’s office and the Health & Care Trust (HCT)';
    const tokens = tokenise(source);
    const find = (word: string): number => indices(tokens).find((i) => tokens.text(i) === word) ?? -1;
    assert.equal(tokensKey(tokens, find('The'), find('Fund’s')), nameKey('The King’s Fund'));
    assert.equal(tokensKey(tokens, find('Health'), find('Trust')), nameKey('Health & Care Trust'));
    assert.equal(tokensKey(tokens, find('Fund’s'), find('Fund’s')), 'funds', 'a lone possessive word keeps its "s"');
    assert.equal(tokensKey(tokens, find('('), find('(')), '');
  });

  it('copes with empty text and unusual characters', () => {
    assert.equal(tokenise('').length, 0);
    const odd = tokenise('\u200b\ud83d\ude00 Ünïcödé — 𝔘𝔫𝔦 \u0000');
    assert.ok(indices(odd).some((i) => odd.text(i) === 'Ünïcödé' && odd.cap(i)));
  });
});
