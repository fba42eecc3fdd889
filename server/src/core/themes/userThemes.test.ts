import { strict as assert } from 'assert';
import { TermDictionary } from './terms';
import { UserThemeMatcher, checkUserThemesFile, mergeUserThemes, readUserThemes } from './userThemes';

describe('user themes', () => {
  it('reads a list or {themes: [...]}, keeping valid entries and naming the bad ones', () => {
    const listed = readUserThemes([{ name: 'Rivers', keywords: ['sewage', ' '] }, { name: '', keywords: ['x'] }, 7], 'settings');
    assert.deepEqual(listed.themes, [{ name: 'Rivers', keywords: ['sewage'] }]);
    assert.deepEqual(listed.problems, [
      'settings: theme 2 needs a "name" and a non-empty list of "keywords"',
      'settings: theme 3 needs a "name" and a non-empty list of "keywords"',
    ]);
    assert.deepEqual(checkUserThemesFile('{"themes": [{"name": "Bees", "keywords": ["honey"]}]}').themes, [{ name: 'Bees', keywords: ['honey'] }]);
    assert.equal(readUserThemes('nonsense', 'settings').themes.length, 0);
  });

  it('reports broken JSON instead of throwing', () => {
    const parsed = checkUserThemesFile('{"themes": [');
    assert.deepEqual(parsed.themes, []);
    assert.deepEqual(parsed.problems.map((p) => [p.message, p.start]), [['JSON syntax: CloseBracketExpected', 12], ['JSON syntax: CloseBraceExpected', 12]]);
  });

  it('places each mistake of a themes file, and keeps the themes without one', () => {
    const text = '{"themes": [{"name": "Bees", "keywords": ["honey"]}, {"name": " ", "keywords": []}, {"keywords": ["rail"]}], "colour": 1}';
    const { themes, problems } = checkUserThemesFile(text);
    assert.deepEqual(themes, [{ name: 'Bees', keywords: ['honey'] }]);
    assert.deepEqual(problems.map((p) => `${p.message} @${text.slice(p.start, p.end)}`).sort(), [
      'The file: unknown property "colour". @"colour"',
      'themes.1.keywords: must not be an empty list. @[]',
      'themes.1.name: must not be blank. @" "',
      'themes.2: missing property "name". @{"keywords": ["rail"]}',
    ]);
    const list = '[{"name": "Trains", "keywords": ["rail", 4]}]';
    assert.deepEqual(checkUserThemesFile(list).problems.map((p) => `${p.message} @${list.slice(p.start, p.end)}`), ['0.keywords.1: must be a string. @4']);
    assert.deepEqual(checkUserThemesFile(list).themes, [{ name: 'Trains', keywords: ['rail'] }]);
    assert.deepEqual(checkUserThemesFile('"themes"').problems.map((p) => p.message), ['The file: must be an object.']);
  });

  it('lets a later source replace a theme of the same name', () => {
    const merged = mergeUserThemes([{ name: 'Bees', keywords: ['honey'] }, { name: 'Trains', keywords: ['rail'] }], [{ name: 'bees', keywords: ['hive'] }]);
    assert.deepEqual(merged, [{ name: 'bees', keywords: ['hive'] }, { name: 'Trains', keywords: ['rail'] }]);
  });

  it('matches an article that uses the keywords enough, phrases included, and prefers the most used theme', () => {
    const dictionary = new TermDictionary();
    const matcher = new UserThemeMatcher(
      [
        { name: 'Integrated care', keywords: ['integrated care systems', 'ICS'] },
        { name: 'Rivers', keywords: ['river'] },
      ],
      dictionary,
    );
    const about = dictionary.articleTerms('Integrated care systems a year on', 'Each ICS has a board. The river was mentioned once.');
    assert.equal(matcher.match(about), 0);
    const passing = dictionary.articleTerms('Flood warnings', 'The river rose. Integrated working was discussed.');
    assert.equal(matcher.match(passing), -1, 'one passing mention is not enough');
    const rivers = dictionary.articleTerms('River levels', 'The river rose and the river fell.');
    assert.equal(matcher.match(rivers), 1);
  });
});
