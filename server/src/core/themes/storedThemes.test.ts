import { strict as assert } from 'assert';
import { deserialize, serialize } from 'v8';
import { generateCorpus } from '../../../../bench/generate';
import { Corpus, FileInput } from '../corpus';
import { runAll } from '../steps';
import { defaultThemeOptions, ThemeOptions } from './discover';
import { StoredThemes, storedThemesFromParts, storedThemesParts } from './storedThemes';
import { ThemeIndex, ThemesFound } from './themeIndex';

const generated: FileInput[] = generateCorpus({ articles: 400, seed: 11 }).files.map((file) => ({
  uri: `file:///g/${file.path}`,
  relativePath: file.path,
  text: file.text,
}));
/** Enough articles for k-means, and the articles of one file pasted into another: copies. */
const files = [...generated, { uri: 'file:///g/pasted.txt', relativePath: 'pasted.txt', text: generated[0].text }];

interface Session {
  corpus: Corpus;
  themes: ThemeIndex;
  found: ThemesFound[];
}

/** A session of the server: a corpus of `files`, its themes, and a store to read a clustering from (and leave one to). */
function session(inputs: FileInput[], stored?: StoredThemes, options: ThemeOptions = defaultThemeOptions): Session {
  const corpus = new Corpus();
  corpus.apply(inputs);
  const found: ThemesFound[] = [];
  const themes = new ThemeIndex(options, () => [], (each) => found.push(each)).attach(corpus);
  themes.readStoredFrom(async () => stored && throughFile(stored));
  return { corpus, themes, found };
}

/** What reading back the parts a store writes gives, each part serialised as the snapshot file does. */
function throughFile(stored: StoredThemes): StoredThemes {
  const parts = [...storedThemesParts(stored)].map((part) => deserialize(serialize(part)) as unknown);
  return runAll(storedThemesFromParts(parts.values()));
}

/** Everything lists, hovers and search show of the themes: themes, and each article's theme, copies and keywords. */
function shown(themes: ThemeIndex): unknown {
  return {
    themes: themes.themes(),
    articles: themes.articles().map((a) => [a.uri, a.index, a.article.title, a.themeId, a.copies, themes.articleKeywords(a.uri, a.index)]),
  };
}

async function clusteredAndStored(inputs: FileInput[]): Promise<{ first: Session; stored: StoredThemes }> {
  const first = session(inputs);
  await first.themes.settleInSlices();
  assert.deepEqual(
    first.found.map((f) => f.how),
    ['clustered'],
  );
  const making = first.themes.takeFinishedClustering();
  assert.ok(making, 'a clustering to store');
  const stored = runAll(making);
  assert.equal(first.themes.takeFinishedClustering(), undefined, 'taken once');
  return { first, stored };
}

describe('themes stored between sessions', function () {
  this.timeout(30_000);

  it('gives a workspace opened again the themes, copies and keywords it had, without clustering it', async () => {
    const { first, stored } = await clusteredAndStored(files);
    assert.equal(stored.textHashes.length, first.themes.articles().length);
    const again = session(files, stored);
    // Terms counted before the stored clustering is read (as for articles edited first): words numbered as first seen here.
    runAll(again.themes.countTerms());
    await again.themes.settleInSlices();
    assert.deepEqual(
      again.found.map((f) => f.how),
      ['restored'],
    );
    assert.deepEqual(shown(again.themes), shown(first.themes));
    // The keywords the stored clustering chose, and those worked out afresh (for copies), alike.
    assert.ok(again.themes.articles().some((a) => a.copies > 0));
    assert.equal(again.themes.clusterings, 1);
    assert.equal(again.themes.takeFinishedClustering(), undefined, 'nothing new to store');
  });

  it('places the articles changed since as the last session placed them when they were edited', async () => {
    const { first, stored } = await clusteredAndStored(files);
    const edited = { ...files[3], text: files[3].text.replace(/\bthe\b/, 'the newly edited') };
    assert.notEqual(edited.text, files[3].text);
    const added = { uri: 'file:///g/added.txt', relativePath: 'added.txt', text: files[5].text.split('\n').reverse().join('\n') };
    first.corpus.apply([edited, added]);
    const edits = [...files.slice(0, 3), edited, ...files.slice(4), added];
    const again = session(edits, stored);
    await again.themes.settleInSlices();
    const restored = again.found[0];
    assert.equal(restored.how, 'restored');
    assert.ok(restored.how === 'restored' && restored.placed >= 2, `placed ${JSON.stringify(restored)}`);
    assert.deepEqual(shown(again.themes), shown(first.themes));
  });

  it('clusters again when the options changed, or too many articles did, and says why', async () => {
    const { stored } = await clusteredAndStored(files);
    const otherOptions = session(files, stored, { ...defaultThemeOptions, count: 3 });
    await otherOptions.themes.settleInSlices();
    assert.deepEqual(otherOptions.found, [{ how: 'not restored', reason: 'the theme options changed since' }, otherOptions.found[1]]);
    assert.equal(otherOptions.found[1].how, 'clustered');

    const half = session(files.slice(0, files.length / 2), stored);
    await half.themes.settleInSlices();
    assert.equal(half.found[0].how, 'not restored');
    assert.match((half.found[0] as { reason: string }).reason, /^\d+ articles added, changed or removed since, of \d+$/);
    assert.deepEqual(shown(half.themes), shown(session(files.slice(0, files.length / 2)).themes));
  });

  it('takes in files added, edited and removed between any two steps of its restoring', async () => {
    const { stored } = await clusteredAndStored(files);
    let steps = 0;
    const counted = session(files, stored);
    await counted.themes.settleInSlices(() => (steps++, false));
    assert.equal(counted.found[0].how, 'restored');
    assert.ok(steps > 3, `${steps} steps`);
    const edited = { ...files[2], text: `${files[2].text}\n\nA closing line added while the themes were restored.\n` };
    const added = { ...files[0], uri: 'file:///g/added.txt', relativePath: 'added.txt' };
    for (let at = 1; at <= steps; at++) {
      const again = session(files, stored);
      let step = 0;
      await again.themes.settleInSlices(() => {
        if (++step === at) again.corpus.apply([edited, added], [files[1].uri]);
        return false;
      });
      assert.deepEqual(again.themes.fileArticles(files[1].uri), []);
      const ids = new Set(again.themes.themes().map((theme) => theme.id));
      for (const uri of [edited.uri, added.uri]) {
        const articles = again.themes.fileArticles(uri);
        assert.ok(articles.length > 0, `${uri}, edited at step ${at}`);
        for (const article of articles) assert.ok(ids.has(article.themeId), `${article.themeId} is not a listed theme (edited at step ${at})`);
      }
      // Copies of the first file's articles join their copy groups; the edited file's articles before its last keep theirs.
      assert.ok(again.themes.fileArticles(added.uri).every((article) => article.copies > 0), `edited at step ${at}`);
      const copiesBefore = counted.themes.fileArticles(edited.uri).map((article) => article.copies);
      const copiesAfter = again.themes.fileArticles(edited.uri).map((article) => article.copies);
      assert.deepEqual(copiesAfter.slice(0, copiesBefore.length - 1), copiesBefore.slice(0, -1), `edited at step ${at}`);
      assert.equal(again.themes.articles().length, again.corpus.stats().articles);
      // Three changes are not enough to cluster again.
      assert.deepEqual(
        again.found.map((f) => f.how),
        ['restored'],
        `edited at step ${at}`,
      );
    }
  });

  it('refuses parts that are not a stored clustering', () => {
    const oneArticle = { ...emptyStored(), files: ['file:///a'], articleFile: Int32Array.of(0), articleIndex: Int32Array.of(0), textHashes: ['h'] };
    const parts = [...storedThemesParts({ ...oneArticle, keywordOrganisations: [''] })];
    assert.throws(() => runAll(storedThemesFromParts([{ options: 1 }].values())), /no theme model/);
    assert.throws(() => runAll(storedThemesFromParts(parts.slice(0, 2).values())), /articles missing/);
    assert.throws(() => runAll(storedThemesFromParts(parts.values())), /do not match/);
  });
});

function emptyStored(): StoredThemes {
  return {
    options: '{}',
    themes: [],
    clustering: { method: 'none', clustered: 0 },
    automaticThemes: [],
    otherTheme: -1,
    vocabulary: { words: [], bare: new Uint8Array(), keys: new Float64Array(), idf: new Float64Array() },
    centroids: undefined,
    files: [],
    articleFile: new Int32Array(),
    articleIndex: new Int32Array(),
    textHashes: [],
    assignment: new Int32Array(),
    copyOf: new Int32Array(),
    keywordColumns: new Int32Array(),
    hasKeywords: new Uint8Array(),
    keywordOrganisations: [],
  };
}
