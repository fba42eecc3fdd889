import { strict as assert } from 'assert';
import { Corpus } from '../corpus';
import { ThemeIndex } from '../themes/themeIndex';
import { CorpusSearch } from './corpusSearch';

const paragraph = (subject: string): string =>
  `${subject} were discussed at length by the panel. Members agreed that ${subject} deserve more attention, ` +
  `and the report on ${subject} sets out what should happen next across the region over the coming year.`;

function file(name: string, titles: [string, string][]): { uri: string; relativePath: string; text: string } {
  const text = titles.map(([title, subject]) => `${title}\n\n1 May 2024\n\n${paragraph(subject)}\n`).join('\n');
  return { uri: `file:///w/${name}`, relativePath: name, text };
}

describe('CorpusSearch', () => {
  const corpus = new Corpus();
  corpus.apply([
    file('orchards.txt', [
      ['Community orchards planted in three parks', 'apple orchards and pear trees'],
      ['Volunteers prune the old orchards', 'apple orchards and pear trees'],
    ]),
    file('ferries.txt', [
      ['Island ferry timetable changes', 'ferry crossings and harbour berths'],
      ['New ferry ordered for the northern route', 'ferry crossings and harbour berths'],
    ]),
  ]);
  const themes = new ThemeIndex().attach(corpus);
  const organisations = new Map([['file:///w/ferries.txt#0', ['Harbour Trust']]]);
  const search = new CorpusSearch(themes, () => ({
    organisationsOf: (uri, index) => organisations.get(`${uri}#${index}`) ?? [],
    aliases: new Map([['HT', 'Harbour Trust']]),
  }));

  it('finds themes and articles of a live corpus', () => {
    const hits = search.search('orchards');
    assert.ok(hits.some((hit) => hit.kind === 'theme'));
    assert.deepEqual(
      hits.filter((hit) => hit.kind === 'article').map((hit) => (hit.kind === 'article' ? hit.title : '')).sort(),
      ['Community orchards planted in three parks', 'Volunteers prune the old orchards'],
    );
  });

  it('searches organisations and their aliases', () => {
    const titles = search.search('HT').map((hit) => (hit.kind === 'article' ? hit.title : hit.label));
    assert.deepEqual(titles, ['Island ferry timetable changes']);
  });

  it('sees an edit at the next query', () => {
    assert.deepEqual(search.search('lighthouse'), []);
    corpus.apply([file('lights.txt', [['Lighthouse keepers remembered', 'apple orchards and pear trees']])]);
    const hit = search.search('lighthouse').find((h) => h.kind === 'article');
    assert.ok(hit && hit.kind === 'article');
    assert.equal(hit.relativePath, 'lights.txt');
    assert.equal(hit.line, 0);
  });

  it('follows an edit inside an article’s body: its keywords are indexed again', () => {
    const orchards = (firstFruit: string): string =>
      [
        'Community orchards planted in three parks',
        '',
        '2 May 2024',
        '',
        `Volunteers planted apple and ${firstFruit} trees in three parks this spring. The orchards will be open to everyone, ` +
          'and the fruit will be shared among local families at a harvest festival in the autumn, when the trees are ready. ' +
          'Schools have asked to bring classes to help with the picking.',
        '',
        'Old orchards pruned by volunteers',
        '',
        '9 May 2024',
        '',
        'Pruning the old pear and apple trees took the volunteers a whole weekend. The orchards had been neglected for years, ' +
          'and many branches were diseased, so the trees were cut back hard and fed before the summer. ' +
          'A grafting class will follow in the winter for anyone who wants to learn.',
        '',
      ].join('\n');
    const live = new Corpus();
    // Enough other articles that one edit does not call for clustering again (which would index everything anew).
    live.apply([
      file('ferries.txt', [
        ['Island ferry timetable changes', 'ferry crossings and harbour berths'],
        ['New ferry ordered for the northern route', 'ferry crossings and harbour berths'],
        ['Harbour berths rebuilt after the storm', 'harbour walls and ferry berths'],
        ['Ferry fares frozen for islanders', 'ferry fares and island residents'],
      ]),
    ]);
    live.apply([{ uri: 'file:///w/orchards.txt', relativePath: 'orchards.txt', text: orchards('pear') }]);
    const liveSearch = new CorpusSearch(new ThemeIndex().attach(live));
    const pearArticles = (): string[] =>
      liveSearch.search('pear').flatMap((hit) => (hit.kind === 'article' ? [hit.title] : [])).sort();
    assert.deepEqual(pearArticles(), ['Community orchards planted in three parks', 'Old orchards pruned by volunteers']);
    live.apply([{ uri: 'file:///w/orchards.txt', relativePath: 'orchards.txt', text: orchards('plum') }]);
    assert.deepEqual(pearArticles(), ['Old orchards pruned by volunteers']);
  });
});
