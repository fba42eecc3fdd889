import { strict as assert } from 'assert';
import { isStopWord } from '../stopwords';
import { nameKey, organisationId, tokenise, tokeniseText } from './tokens';

describe('organisation tokens', () => {
  it('keeps NHSE/I, hyphenated and apostrophe names whole, and marks possessives', () => {
    const tokens = tokenise('NHSE/I met Bromley-by-Bow and King’s Fund’s staff.');
    assert.deepEqual(
      tokens.map((token) => token.text),
      ['NHSE/I', 'met', 'Bromley-by-Bow', 'and', 'King’s', 'Fund’s', 'staff', '.'],
    );
    assert.equal(tokens[0].upper, true);
    assert.equal(tokens[5].possessive?.key, 'fund');
    assert.equal(tokens[5].possessive?.at, 'NHSE/I met Bromley-by-Bow and King’s Fund'.length);
  });

  it('marks sentence starts after full stops, colons, line breaks and opening quotes', () => {
    const tokens = tokenise('Anna wrote: In May. “We said\nNext line (the end)');
    const starts = tokens.filter((token) => token.sentenceStart).map((token) => token.text);
    assert.deepEqual(starts, ['Anna', 'In', 'We', 'Next']);
    assert.equal(tokens.find((token) => token.text === 'Next')?.line, 1);
  });

  it('counts CRLF and CR line breaks as one each', () => {
    const tokens = tokenise('a\r\nb\rc\n\nd');
    assert.deepEqual(tokens.map((token) => token.line), [0, 1, 2, 4]);
  });

  it('tells title-case lines from prose', () => {
    const text = tokeniseText('Hate Crime on The Rise in Time of Extremism\nNHS England and the Care Quality Commission said so.\n', isStopWord);
    assert.equal(text.isTitleLine(0), true);
    assert.equal(text.isTitleLine(1), false);
    assert.ok(text.writtenInLowerCase('said'));
    assert.ok(!text.writtenInLowerCase('england'));
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

  it('copes with empty text and unusual characters', () => {
    assert.deepEqual(tokenise(''), []);
    const odd = tokenise('\u200b\ud83d\ude00 Ünïcödé — 𝔘𝔫𝔦 \u0000');
    assert.ok(odd.some((token) => token.text === 'Ünïcödé' && token.cap));
  });
});
