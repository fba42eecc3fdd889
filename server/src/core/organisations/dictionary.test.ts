import { strict as assert } from 'assert';
import { isStopWord } from '../stopwords';
import { NameDictionary } from './dictionary';
import { tokeniseText } from './tokenisedText';

function matches(dictionary: NameDictionary, source: string): string[] {
  const text = tokeniseText(source, isStopWord);
  const found: string[] = [];
  for (let i = 0; i < text.tokens.length; ) {
    const match = dictionary.match(text, i);
    if (match) {
      found.push(`${source.slice(match.start, match.end)}=${match.id}`);
      i = match.next;
    } else i++;
  }
  return found;
}

describe('name dictionary', () => {
  const dictionary = new NameDictionary();
  dictionary.add('The King’s Fund', 'kings-fund');
  dictionary.add('NHS', 'nhs');
  dictionary.add('NHS England', 'nhs-england');
  dictionary.add('NICE', 'nice');
  dictionary.add('Sue Ryder', 'sue-ryder');
  dictionary.add('Mind', 'mind', true);
  dictionary.add('Department of Health and Social Care', 'dhsc');

  it('prefers the longest name and merges spellings', () => {
    assert.deepEqual(matches(dictionary, "NHS England and the NHS met at the Kings Fund and King's Fund."), [
      'NHS England=nhs-england',
      'NHS=nhs',
      'Kings Fund=kings-fund',
      "King's Fund=kings-fund",
    ]);
  });

  it('finds names whatever their first word, by its number in the table of keys or by the key itself', () => {
    const firstWords = new NameDictionary();
    // Keys without a number there (letters outside ASCII; "&" standing for "and"), and a possessive first word.
    firstWords.add('Ökumenische Hospizhilfe', 'hospizhilfe');
    firstWords.add('Mind & Body', 'mind-and-body');
    firstWords.add('And Partners Group', 'and-partners');
    firstWords.add('Guy’s and St Thomas’ NHS Foundation Trust', 'gstt');
    firstWords.add('Healthwatch Kent', 'healthwatch-kent');
    assert.deepEqual(matches(firstWords, 'Staff of Ökumenische Hospizhilfe met Mind & Body, And Partners Group, Healthwatch Kent’s team and Guy’s and St Thomas’ NHS Foundation Trust.'), [
      'Ökumenische Hospizhilfe=hospizhilfe',
      'Mind & Body=mind-and-body',
      'And Partners Group=and-partners',
      'Healthwatch Kent=healthwatch-kent',
      'Guy’s and St Thomas’ NHS Foundation Trust=gstt',
    ]);
  });

  it('matches a name across the commas it has, and ends any other at a comma', () => {
    const withCommas = new NameDictionary();
    withCommas.add('Department for Environment, Food and Rural Affairs', 'defra');
    withCommas.add('NHS England', 'nhs-england');
    withCommas.add('NHS England South', 'nhs-england-south');
    assert.deepEqual(matches(withCommas, 'The Department for Environment, Food and Rural Affairs and the Department for Environment Food and Rural Affairs'), [
      'Department for Environment, Food and Rural Affairs=defra',
      'Department for Environment Food and Rural Affairs=defra',
    ]);
    assert.deepEqual(matches(withCommas, 'Staff of NHS England, South of the river, and NHS England South.'), ['NHS England=nhs-england', 'NHS England South=nhs-england-south']);
  });

  it('keeps a possessive outside the mention', () => {
    assert.deepEqual(matches(dictionary, 'Sue Ryder’s chief executive and the King’s Fund’s report'), [
      'Sue Ryder=sue-ryder',
      'King’s Fund=kings-fund',
    ]);
  });

  it('requires the capitals of the name, and an acronym as spelled', () => {
    assert.deepEqual(matches(dictionary, 'a nice day for sue ryder; Nice work'), []);
    assert.deepEqual(matches(dictionary, 'guidance from NICE and the Department of health and social care'), ['NICE=nice']);
    assert.deepEqual(matches(dictionary, 'the DEPARTMENT OF HEALTH AND SOCIAL CARE'), ['DEPARTMENT OF HEALTH AND SOCIAL CARE=dhsc']);
  });

  it('counts a one-word name that is a common word only inside a sentence', () => {
    assert.deepEqual(matches(dictionary, 'Mind you, the charity Mind agreed.'), ['Mind=mind']);
    assert.deepEqual(matches(dictionary, 'Peace of Mind For Carers\nwe agreed'), []);
  });

  it('does not match across lines', () => {
    assert.deepEqual(matches(dictionary, 'NHS\nEngland'), ['NHS=nhs']);
  });

  it('looks a whole name up by any spelling', () => {
    assert.equal(dictionary.lookup("King's Fund"), 'kings-fund');
    assert.equal(dictionary.lookup('Kings'), undefined);
  });
});
