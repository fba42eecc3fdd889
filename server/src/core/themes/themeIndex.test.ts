import { strict as assert } from 'assert';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { Corpus, FileInput } from '../corpus';
import { defaultThemeOptions } from './discover';
import { agreement } from './metrics';
import { ThemeIndex } from './themeIndex';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/themes');

/** Four topics, two files each: the topic is the file name before "-" or ".txt". */
function fixtureFiles(): FileInput[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ uri: `file:///themes/${name}`, relativePath: name, text: readFileSync(path.join(FIXTURES, name), 'utf8') }));
}

const topicOf = (relativePath: string): string => relativePath.replace(/(-\d+)?\.txt$/, '');

function indexOf(files: FileInput[], options = defaultThemeOptions): { corpus: Corpus; themes: ThemeIndex } {
  const corpus = new Corpus();
  corpus.apply(files);
  return { corpus, themes: new ThemeIndex(options).attach(corpus) };
}

/** "file#title -> theme label" for every article, sorted. */
function assignments(themes: ThemeIndex): string[] {
  const labels = new Map(themes.themes().map((theme) => [theme.id, theme.label]));
  return themes.articles().map((a) => `${a.relativePath}#${a.article.title} -> ${labels.get(a.themeId)}`);
}

function themeOfTitle(themes: ThemeIndex, title: string): string {
  const article = themes.articles().find((a) => a.article.title === title);
  assert.ok(article, `no article titled ${title}`);
  return article.themeId;
}

describe('ThemeIndex', () => {
  it('finds the topics of a small labelled corpus (NMI >= 0.8)', () => {
    const { themes } = indexOf(fixtureFiles());
    const articles = themes.articles();
    assert.equal(articles.length, 20);
    const { nmi, purity } = agreement(
      articles.map((a) => a.themeId),
      articles.map((a) => topicOf(a.relativePath)),
    );
    assert.ok(nmi >= 0.8, `NMI ${nmi.toFixed(3)}`);
    assert.ok(purity >= 0.9, `purity ${purity.toFixed(3)}`);
  });

  it('names themes by their distinctive words and phrases', () => {
    const { themes } = indexOf(fixtureFiles());
    const beeTheme = themes.theme(themeOfTitle(themes, 'Swarm season keeps beekeepers busy'));
    assert.ok(beeTheme);
    assert.match(beeTheme.label, /bee|honey|hive/);
    const riverTheme = themes.theme(themeOfTitle(themes, 'Wild swimmers test river water for bacteria'));
    assert.ok(riverTheme?.keywords.some((keyword) => keyword.includes(' ')), 'a two-word phrase among the keywords');
  });

  it('gives the same themes whether the terms were counted before the clustering, in part, or by it', () => {
    const keywords = (themes: ThemeIndex): string[] => themes.articles().map((a) => `${a.relativePath}: ${themes.articleKeywords(a.uri, a.index).join(', ')}`);
    // More articles than a step counts (fifteen folders of the fixture), so that one step counts a part.
    const files = Array.from({ length: 15 }, (_, n) => fixtureFiles().map((file) => ({ ...file, uri: `${file.uri}-${n}`, relativePath: `${n}/${file.relativePath}` }))).flat();
    const byClustering = indexOf(files).themes;
    const expected = { themes: byClustering.themes(), assignments: assignments(byClustering), keywords: keywords(byClustering) };
    for (const steps of [Infinity, 1]) {
      const { themes } = indexOf(files);
      const counting = themes.countTerms();
      for (let step = 0; step < steps && !counting.next().done; step++);
      assert.deepEqual({ themes: themes.themes(), assignments: assignments(themes), keywords: keywords(themes) }, expected, `after ${steps} steps of counting`);
    }
  });

  it('gives the same themes for the same corpus, whatever the order files arrive in', () => {
    const files = fixtureFiles();
    const first = assignments(indexOf(files).themes);
    const second = assignments(indexOf([...files].reverse()).themes);
    assert.deepEqual(second, first);
  });

  it('lets user themes take the articles that use their keywords, and clusters the rest', () => {
    const options = { ...defaultThemeOptions, userThemes: [{ name: 'Water quality', keywords: ['sewage', 'river', 'water company', 'storm overflows'] }] };
    const { themes } = indexOf(fixtureFiles(), options);
    const user = themes.themes()[0];
    assert.equal(user.label, 'Water quality');
    assert.equal(user.kind, 'user');
    const sewageArticles = themes.articles().filter((a) => topicOf(a.relativePath) === 'sewage');
    assert.ok(sewageArticles.filter((a) => a.themeId === user.id).length >= 4);
    assert.ok(themes.themes().some((theme) => theme.kind === 'automatic' && theme.articleCount > 0));
    assert.ok(themes.articles(user.id).every((a) => topicOf(a.relativePath) === 'sewage'));
  });

  it('finds as many automatic themes as seedCurator.themes.count asks for', () => {
    for (const count of [2, 6]) {
      const { themes } = indexOf(fixtureFiles(), { ...defaultThemeOptions, count });
      assert.equal(themes.themes().filter((theme) => theme.kind === 'automatic').length, count);
    }
  });

  it('places a new article in the nearest theme without renaming or moving the others', () => {
    const { corpus, themes } = indexOf(fixtureFiles());
    const before = assignments(themes);
    const labelsBefore = themes.themes().map((theme) => theme.label);
    const libraryTheme = themeOfTitle(themes, 'Volunteers take over the village library');
    corpus.apply([
      {
        uri: 'file:///themes/new.txt',
        relativePath: 'new.txt',
        text:
          'Mobile library visits the outlying villages\n\n2 May 2024\n\n' +
          'The mobile library now stops at nine villages every fortnight. Borrowers can return books, ' +
          'order titles from the county stock and join the reading group. Librarians said the van is busiest ' +
          'on the days when the village library is closed, and children borrow more books than adults.\n',
      },
    ]);
    assert.equal(themeOfTitle(themes, 'Mobile library visits the outlying villages'), libraryTheme);
    assert.deepEqual(
      assignments(themes).filter((line) => !line.startsWith('new.txt')),
      before,
    );
    assert.deepEqual(
      themes.themes().map((theme) => theme.label),
      labelsBefore,
    );
  });

  it('changes its generation when a list would show something else, not at every keystroke', () => {
    const files = fixtureFiles();
    const { corpus, themes } = indexOf(files);
    themes.themes();
    const bees = files.find((file) => file.relativePath === 'bees.txt') as FileInput;
    const generation = themes.generation;
    const typed = bees.text.replace('a warm spring', 'a warm, wet spring');
    assert.notEqual(typed, bees.text);
    corpus.apply([{ ...bees, text: typed }]);
    assert.equal(themes.generation, generation, 'an edit inside a paragraph');
    corpus.apply([{ ...bees, text: bees.text.replace('Urban beekeepers report a record honey harvest', 'Urban beekeepers report a poor honey harvest') }]);
    assert.ok(themes.generation > generation, 'a new title');
  });

  it('takes in the files of a new index when first read, not as they arrive', () => {
    const files = fixtureFiles();
    const corpus = new Corpus();
    let articlesRead = 0;
    const counted = new ThemeIndex();
    corpus.onChange(({ updated, removed }) =>
      counted.update({ updated: updated.map((file) => new Proxy(file, { get: (target, key) => ((articlesRead += key === 'articles' ? 1 : 0), Reflect.get(target, key)) })), removed }),
    );
    corpus.apply(files.slice(0, 4));
    corpus.apply(files.slice(4), [files[0].uri]);
    assert.equal(articlesRead, 0);
    const expected = indexOf(files.slice(1)).themes;
    assert.deepEqual(counted.files(), expected.files());
    assert.ok(articlesRead >= files.length - 1);
    assert.deepEqual(assignments(counted), assignments(expected));
  });

  it('clusters again when much of the corpus has changed, or on request', () => {
    const files = fixtureFiles();
    const { corpus, themes } = indexOf(files.slice(0, 2));
    assert.ok(themes.themes().length >= 1);
    corpus.apply(files.slice(2));
    assert.ok(themes.themes().length >= 4, 'the new topics got themes of their own');
    const generation = themes.generation;
    themes.recluster();
    assert.ok(themes.generation > generation);
  });

  it('does not let copies of one article form a theme of their own', () => {
    const files = fixtureFiles();
    const bees = files.find((file) => file.relativePath === 'bees-2.txt') as FileInput;
    const copies = Array.from({ length: 6 }, (_, i) => ({
      uri: `file:///themes/copy-${i}.txt`,
      relativePath: `copy-${i}.txt`,
      // Different spacing and a trailing note: still the same words of the same article.
      text: i % 2 === 0 ? bees.text : bees.text.replace(/\n\n/g, '\n  \n'),
    }));
    const { themes } = indexOf([...files, ...copies]);
    const beeTheme = themeOfTitle(themes, 'Urban beekeepers report a record honey harvest');
    for (const article of themes.articles()) {
      if (article.relativePath.startsWith('copy-')) assert.equal(article.themeId, beeTheme, article.relativePath);
    }
    const swarm = themes.articles().filter((a) => a.article.title === 'Swarm season keeps beekeepers busy');
    assert.equal(swarm.length, 7);
    assert.ok(swarm.every((a) => a.copies === 6));
    for (const theme of themes.themes()) {
      const members = themes.articles(theme.id);
      assert.ok(!members.every((a) => a.copies > 0), `theme "${theme.label}" is made of copies only`);
    }
  });

  it('treats a lightly edited copy as a copy', () => {
    const files = fixtureFiles();
    const cycling = files.find((file) => file.relativePath === 'cycling-2.txt') as FileInput;
    const edited = cycling.text.replace('The council wants', 'The borough council now wants');
    const { themes } = indexOf([...files, { uri: 'file:///themes/edited.txt', relativePath: 'edited.txt', text: edited }]);
    const schoolStreets = themes.articles().filter((a) => a.article.title.startsWith('School streets'));
    assert.equal(schoolStreets.length, 2);
    assert.ok(schoolStreets.every((a) => a.copies === 1));
  });

  it('copes with no article, one, and two', () => {
    assert.deepEqual(indexOf([]).themes.themes(), []);
    const files = fixtureFiles();
    const bees = files.find((file) => file.relativePath === 'bees.txt') as FileInput;
    const one = indexOf([{ ...bees, text: bees.text.split('\n\n\n')[0].split('\n').slice(0, 5).join('\n') }]).themes;
    assert.equal(one.themes().length, 1);
    assert.equal(one.articles().length, 1);
    const two = indexOf([bees]).themes;
    assert.equal(two.articles().length, 3);
    assert.ok(two.themes().length >= 1);
    assert.ok(two.articles().every((a) => two.theme(a.themeId) !== undefined));
  });

  it('survives empty, binary-looking, CRLF and odd Unicode text', () => {
    const { corpus, themes } = indexOf(fixtureFiles());
    corpus.apply([
      { uri: 'file:///x/empty.txt', relativePath: 'empty.txt', text: '' },
      { uri: 'file:///x/crlf.txt', relativePath: 'crlf.txt', text: 'Bees\r\n\r\nHoney bees and hives.\r\n' },
      { uri: 'file:///x/odd.txt', relativePath: 'odd.txt', text: '\u0000\u0001\ud800 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 İstanbul ﬁnance’s ’’ \u200b\n\n12345 !!!' },
    ]);
    themes.recluster();
    assert.ok(themes.themes().length > 0);
    assert.ok(themes.articles().every((a) => themes.theme(a.themeId) !== undefined));
  });

  it('uses recognised organisations as features of the articles that mention them', () => {
    const corpus = new Corpus();
    corpus.apply(fixtureFiles());
    const organisationsOf = (uri: string) => (uri.includes('/bees') ? ['British Beekeepers Association'] : []);
    const themes = new ThemeIndex(defaultThemeOptions, organisationsOf).attach(corpus);
    const bee = themes.articles().find((a) => a.relativePath === 'bees.txt') as { uri: string; index: number };
    assert.ok(themes.articleKeywords(bee.uri, bee.index, 40).includes('British Beekeepers Association'));
    const without = new ThemeIndex().attach(corpus);
    assert.ok(!without.articleKeywords(bee.uri, bee.index, 40).includes('British Beekeepers Association'));
  });

  it('gives the keywords kept from the last clustering as computing them afresh would, and follows organisations', () => {
    const corpus = new Corpus();
    corpus.apply(fixtureFiles());
    let organisations = ['British Beekeepers Association'];
    // Two articles only: a rare feature, among the heaviest of each.
    const themes = new ThemeIndex(defaultThemeOptions, (uri, index) => (uri.endsWith('/bees.txt') && index < 2 ? organisations : [])).attach(corpus);
    themes.recluster();
    for (const article of themes.articles()) {
      const kept = themes.articleKeywords(article.uri, article.index);
      assert.ok(kept.length > 0);
      assert.deepEqual(kept, themes.articleKeywords(article.uri, article.index, kept.length + 5).slice(0, kept.length));
    }
    const bee = themes.articles().find((a) => a.relativePath === 'bees.txt' && a.index === 0) as { uri: string; index: number };
    assert.ok(themes.articleKeywords(bee.uri, bee.index).includes('British Beekeepers Association'));
    organisations = [];
    assert.ok(!themes.articleKeywords(bee.uri, bee.index).includes('British Beekeepers Association'));
  });

  it('finds the theme of the article whose title is on a line', () => {
    const { themes } = indexOf(fixtureFiles());
    const found = themes.articleAtTitle('file:///themes/sewage.txt', 0);
    assert.equal(found?.article.article.title, 'Water company fined for sewage spills into the river');
    assert.ok(found?.theme.keywords.length);
    assert.equal(themes.articleAtTitle('file:///themes/sewage.txt', 1), undefined);
  });
});
