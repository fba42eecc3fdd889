import { strict as assert } from 'assert';
import { generateCorpus } from '../../../../bench/generate';
import { Corpus, FileInput } from '../corpus';
import { StepsAbandoned } from '../steps';
import { ThemeIndex } from './themeIndex';

/** Enough articles for k-means to take many slices. */
function generatedFiles(): FileInput[] {
  return generateCorpus({ articles: 600, seed: 7 }).files.map((file) => ({ uri: `file:///g/${file.path}`, relativePath: file.path, text: file.text }));
}

function indexOf(files: FileInput[]): { corpus: Corpus; themes: ThemeIndex } {
  const corpus = new Corpus();
  corpus.apply(files);
  return { corpus, themes: new ThemeIndex().attach(corpus) };
}

/** Every theme and every article's theme and copies, as lists show them. */
function listed(themes: ThemeIndex): string {
  return JSON.stringify([themes.themes(), themes.articles().map((a) => [a.uri, a.index, a.themeId, a.copies])]);
}

describe('ThemeIndex clustering in slices', function () {
  this.timeout(30_000);
  const files = generatedFiles();
  const atOnce = indexOf(files).themes;
  atOnce.recluster();

  it('lets other work run while it clusters, answering from what it has, and finds what clustering at once finds', async () => {
    const { themes } = indexOf(files);
    const readsWhileClustering: { themes: number; clusterings: number; atTitle: unknown }[] = [];
    const timer = setInterval(() => {
      if (!themes.needsClustering) return;
      readsWhileClustering.push({ themes: themes.themes().length, clusterings: themes.clusterings, atTitle: themes.articleAtTitle(files[0].uri, 0) });
    }, 1);
    try {
      await themes.settleInSlices();
    } finally {
      clearInterval(timer);
    }
    assert.ok(readsWhileClustering.length > 2, `only ${readsWhileClustering.length} turns of the event loop during the clustering`);
    // Reads meanwhile see the last finished clustering (none here): they neither cluster nor fail.
    for (const read of readsWhileClustering) assert.deepEqual(read, { themes: 0, clusterings: 0, atTitle: undefined });
    assert.equal(themes.clusterings, 1);
    assert.ok(themes.themes().length > 1);
    assert.equal(listed(themes), listed(atOnce));
  });

  it('stops when its caller gives up, and clusters in full later', async () => {
    const { themes } = indexOf(files);
    let turns = 0;
    await assert.rejects(themes.settleInSlices(() => ++turns > 2), StepsAbandoned);
    assert.equal(themes.clusterings, 0);
    assert.ok(themes.needsClustering);
    await themes.settleInSlices();
    assert.equal(listed(themes), listed(atOnce));
  });

  it('takes in files added and removed while it clusters', async () => {
    const { corpus, themes } = indexOf(files.slice(1));
    const running = themes.settleInSlices();
    // Joined by a second caller: one clustering, not two.
    const joined = themes.settleInSlices();
    await new Promise((resolve) => setImmediate(resolve));
    corpus.apply([files[0]], [files[1].uri]);
    await Promise.all([running, joined]);
    assert.equal(themes.clusterings, 1);
    const added = themes.fileArticles(files[0].uri);
    assert.ok(added.length > 0);
    const ids = new Set(themes.themes().map((theme) => theme.id));
    for (const article of added) assert.ok(ids.has(article.themeId), `${article.themeId} is not a listed theme`);
    assert.deepEqual(themes.fileArticles(files[1].uri), []);
    assert.equal(themes.articles().length, corpus.stats().articles);
  });
});
