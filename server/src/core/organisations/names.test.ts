import { strict as assert } from 'assert';
import { nameKey, organisationId, tokensKey } from './names';
import { Tokens, tokenise } from './tokens';

/** Every token's index, to look at the tokens as a list. */
function indices(tokens: Tokens): number[] {
  return Array.from({ length: tokens.length }, (_, i) => i);
}

describe('organisation names', () => {
  it('makes the same key and id for every spelling of a name', () => {
    assert.equal(nameKey('The King’s Fund'), nameKey("King's Fund"));
    assert.equal(nameKey('Kings Fund'), 'kings fund');
    assert.equal(nameKey("Sue Ryder's"), 'sue ryder');
    assert.equal(nameKey("Barnardo's"), 'barnardos');
    assert.equal(organisationId('The King’s Fund'), 'kings-fund');
    assert.equal(organisationId('Health & Care Trust'), 'health-and-care-trust');
    assert.equal(organisationId('!!!'), 'organisation');
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
});
