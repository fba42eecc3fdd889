import { strict as assert } from 'assert';
import { Corpus } from '../corpus';
import { OrganisationIndex } from '../organisations/index';
import { ThemeIndex } from '../themes/themeIndex';
import { CorpusSearch } from './corpusSearch';
import { organisationNamesOf } from './organisationNames';

const board = [
  'Boards learn to ask better questions',
  '',
  '3 June 2024',
  '',
  'A webinar run by the Good Governance Institute asked how trust boards can hear from patients before problems grow. ' +
    'Speakers said that boards which visit wards and read complaints themselves notice trouble months earlier than those ' +
    'who rely on summaries, and that the best chairs make time for questions at every meeting.',
  '',
].join('\n');

const parks = [
  'Parks volunteers plant a wildflower meadow',
  '',
  '4 June 2024',
  '',
  'Volunteers sowed a wildflower meadow along the old railway line, where grass had been mown short for decades. ' +
    'Bees and butterflies returned within a summer, and the council has agreed to mow the verges only twice a year ' +
    'from now on, saving money as well as helping the insects that depend on them.',
  '',
].join('\n');

describe('organisation names for themes and search', () => {
  const corpus = new Corpus();
  const organisations = new OrganisationIndex().attach(corpus);
  const names = organisationNamesOf(organisations);
  const themes = new ThemeIndex(undefined, (uri, index) => names().organisationsOf(uri, index)).attach(corpus);
  const search = new CorpusSearch(themes, names);
  corpus.apply([
    { uri: 'file:///w/boards.txt', relativePath: 'boards.txt', text: board },
    { uri: 'file:///w/parks.txt', relativePath: 'parks.txt', text: parks },
  ]);

  it('gives the canonical names of the organisations each article mentions', () => {
    assert.deepEqual(names().organisationsOf('file:///w/boards.txt', 0), ['Good Governance Institute']);
    assert.deepEqual(names().organisationsOf('file:///w/parks.txt', 0), []);
    assert.equal(names().aliases.get('GGI'), 'Good Governance Institute');
  });

  it('lets search find an article by an alias it never uses', () => {
    const titles = search.search('GGI').flatMap((hit) => (hit.kind === 'article' ? [hit.title] : []));
    assert.deepEqual(titles, ['Boards learn to ask better questions']);
  });

  it('keeps the same aliases map while the aliases stay the same, and follows edits', () => {
    const before = names().aliases;
    corpus.apply([{ uri: 'file:///w/parks.txt', relativePath: 'parks.txt', text: `${parks}\nMore volunteers are welcome.\n` }]);
    assert.equal(names().aliases, before);
    corpus.apply([{ uri: 'file:///w/boards.txt', relativePath: 'boards.txt', text: board.replace('the Good Governance Institute', 'a consultancy') }]);
    assert.equal(names().aliases.has('GGI'), false);
    assert.deepEqual(search.search('GGI'), []);
  });
});
