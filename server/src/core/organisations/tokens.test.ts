import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anyDocument } from '../../../../test/property/adversarialText';
import { NO_TOKENS, TokenColumns, Tokens, keyHash, numberOfKey, tokenise } from './tokens';

/** Every token's index, to look at the tokens as a list. */
function indices(tokens: Tokens): number[] {
  return Array.from({ length: tokens.length }, (_, i) => i);
}

/** What the tokens say of each token, one line each, to compare two tokenisations. */
function described(tokens: Tokens): string[] {
  return indices(tokens).map((i) =>
    [tokens.start(i), tokens.end(i), tokens.line(i), tokens.isWord(i), tokens.cap(i), tokens.upper(i), tokens.sentenceStart(i), tokens.possessiveAt(i), tokens.key(i)].join(' '),
  );
}

describe('organisation tokens', () => {
  it('has tokens of no text to keep, whose every index is outside them', () => {
    assert.equal(NO_TOKENS.length, 0);
    assert.equal(NO_TOKENS.capitalised.length, 0);
    for (const i of [-1, 0, 1]) assert.deepEqual([NO_TOKENS.line(i), NO_TOKENS.text(i), NO_TOKENS.key(i), NO_TOKENS.isWord(i)], [-1, '', '', false]);
  });

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

  it('keeps a plural possessive inside a name, and a closing quotation mark apart', () => {
    const text = 'Guy’s and St Thomas’ NHS Foundation Trust and the Company Chemists\' Association met ‘Friends of the Hospices’ and the nurses’ union.';
    const tokens = tokenise(text);
    const words = indices(tokens).map((i) => tokens.text(i));
    assert.ok(words.includes('Thomas’') && words.includes("Chemists'"), words.join(' | '));
    assert.ok(words.includes('Hospices') && words.includes('nurses'), 'a quotation mark or a possessive not followed by a name stays apart');
    const thomas = words.indexOf('Thomas’');
    assert.equal(tokens.key(thomas), 'thomas');
    assert.equal(tokens.possessiveAt(thomas), -1);
    assert.equal(tokens.cap(thomas), true);
  });

  it('ends a text on a plural possessive without reading past it', () => {
    for (const text of ["care at St Thomas' ", "the Chemists'", "Kings’ \u00a0"]) {
      const tokens = tokenise(text);
      const words = indices(tokens).map((i) => tokens.text(i));
      assert.ok(!words.some((word) => word.length > 1 && /['’]$/.test(word)), `the mark stays apart at the end: ${words.join(' | ')}`);
    }
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

  it('reads the characters of the text as they are, and only those, whatever was read before', () => {
    const short = 'Royal Coll.';
    const alone = described(tokenise(short));
    // Longer than the buffer first set aside for a text's characters, which then holds "Royal College …": a "g" after the full stop would join it to "Coll".
    tokenise('Royal College of Nursing. '.repeat(3000));
    assert.deepEqual(described(tokenise(short)), alone);
    fc.assert(
      fc.property(anyDocument, (text) => {
        const tokens = tokenise(text);
        let covered = 0;
        for (const i of indices(tokens)) {
          assert.ok(/^\s*$/u.test(text.slice(covered, tokens.start(i))), 'only white space between tokens');
          const first = String.fromCodePoint(text.codePointAt(tokens.start(i)) ?? 0);
          assert.equal(tokens.isWord(i), /[\p{L}\p{N}\p{M}]/u.test(first), tokens.text(i));
          assert.equal(tokens.cap(i), /\p{Lu}/u.test(first), tokens.text(i));
          covered = tokens.end(i);
        }
        assert.ok(/^\s*$/u.test(text.slice(covered)));
        // However V8 holds the text: a slice of a longer string, or two strings joined.
        assert.deepEqual(described(tokenise(('#'.repeat(20) + text).slice(20))), described(tokens));
        const half = text.length >> 1;
        assert.deepEqual(described(tokenise(text.slice(0, half) + text.slice(half))), described(tokens));
      }),
    );
  });

  it('keeps the tokens of every text apart, however many are kept at once and however long', () => {
    const texts = Array.from({ length: 3000 }, (_, i) => (i % 1000 === 999 ? 'The Royal College of Nursing said so. '.repeat(3000) : `Text ${i}: NHS England met ${'x'.repeat(i % 50)} Mind (${i}).`));
    const kept = texts.map((text) => tokenise(text));
    texts.forEach((text, i) => {
      assert.deepEqual(described(kept[i]), described(tokenise(text)), text.slice(0, 40));
      assert.deepEqual([...kept[i].capitalised], indices(kept[i]).filter((t) => kept[i].cap(t)));
    });
  });

  it('reads the tokens of text after text from the same columns as from columns of their own', () => {
    const columns = new TokenColumns(4);
    fc.assert(
      fc.property(anyDocument, (text) => {
        const reused = tokenise(text, columns);
        assert.deepEqual(described(reused), described(tokenise(text)));
        assert.deepEqual([...reused.capitalised], indices(reused).filter((i) => reused.cap(i)));
      }),
    );
    tokenise('the charity said', columns);
    // The words in lower case of the text before are forgotten: this text has none.
    assert.equal(tokenise('NHS England', columns).mayBeLowerCaseWord(keyHash('charity')!), false);
  });

  it('lists exactly the capitalised tokens, in order, however long the text', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const tokens = tokenise(text);
        assert.deepEqual([...tokens.capitalised], indices(tokens).filter((i) => tokens.cap(i)));
      }),
    );
    const long = tokenise('The Royal College of Nursing said so. '.repeat(3000));
    assert.equal(long.capitalised.length, 4 * 3000);
    assert.equal(long.text(long.capitalised[long.capitalised.length - 1]), 'Nursing');
  });

  it('numbers the key of a token as numberOfKey numbers the key, or not at all when the key has no number', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const tokens = tokenise(text);
        for (const i of indices(tokens)) {
          const number = tokens.keyNumber(i);
          // A dictionary that numbers its names' first words relies on both (see NameDictionary.startsName).
          if (number >= 0) assert.equal(numberOfKey(tokens.key(i)), number, tokens.text(i));
          if (numberOfKey(tokens.key(i)) < 0) assert.equal(number, -1, tokens.text(i));
        }
      }),
    );
    const tokens = tokenise('King’s & Ökumenische');
    assert.deepEqual([0, 1, 2].map((i) => tokens.keyNumber(i) >= 0), [true, false, false]);
    assert.equal(tokens.keyNumber(3), -1);
  });

  it('copes with empty text and unusual characters', () => {
    assert.equal(tokenise('').length, 0);
    const odd = tokenise('\u200b\ud83d\ude00 Ünïcödé — 𝔘𝔫𝔦 \u0000');
    assert.ok(indices(odd).some((i) => odd.text(i) === 'Ünïcödé' && odd.cap(i)));
  });
});
