import { strict as assert } from 'assert';
import { longFormStart, maxLongFormWords, singularShortForm } from './acronyms';

function longForm(shortForm: string, candidate: string): string | undefined {
  const start = longFormStart(shortForm, candidate);
  return start === undefined ? undefined : candidate.slice(start);
}

describe('Schwartz & Hearst long forms', () => {
  it('finds the shortest long form whose words give the letters', () => {
    assert.equal(longForm('GGI', 'staged by the Good Governance Institute'), 'Good Governance Institute');
    assert.equal(longForm('NICE', 'guidance from the National Institute for Health and Care Excellence'), 'National Institute for Health and Care Excellence');
    assert.equal(longForm('CQC', 'inspected by Care Quality Commission'), 'Care Quality Commission');
  });

  it('requires the first letter to start a word', () => {
    // The "h" inside "the" cannot start "HSJ"; it must come from a word's first letter.
    assert.equal(longForm('HSJ', 'the Health Service Journal'), 'Health Service Journal');
    assert.equal(longForm('XYZ', 'nothing matches here'), undefined);
  });

  it('can stop short inside a longer name, which the caller extends leftwards', () => {
    // "and" supplies the "A", cutting off "Ashford": the case the extension exists for.
    assert.equal(longForm('ASPH', 'Ashford and St Peter’s Hospitals'), 'and St Peter’s Hospitals');
  });

  it('skips punctuation in the short form', () => {
    assert.equal(longForm('NHSE/I', 'NHS England and NHS Improvement'), 'NHS England and NHS Improvement');
  });

  it('bounds the long form and reads plurals', () => {
    assert.equal(maxLongFormWords('GGI'), 6);
    assert.equal(maxLongFormWords('NHSBSA'), 11);
    assert.equal(singularShortForm('ICSs'), 'ICS');
    assert.equal(singularShortForm('NHS'), 'NHS');
  });
});
