import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anyLine, anyText, anyWorkspace } from '../../../test/property/adversarialText';
import { Corpus } from './corpus';
import { CorpusSearch } from './search/corpusSearch';
import { ThemeIndex } from './themes/themeIndex';

const LIMIT = 20;

describe('themes and theme search (properties)', () => {
  it('puts every article of any workspace in one listed theme, and finds only real articles', () => {
    const query = fc.oneof(anyText(30), anyLine, fc.constantFrom('flood', 'school meals', 'CQC', 'nhs england', '"', '*', 'a'.repeat(500)));
    fc.assert(
      fc.property(anyWorkspace, fc.array(query, { minLength: 1, maxLength: 4 }), (texts, queries) => {
        const corpus = new Corpus();
        corpus.apply(texts.map((text, i) => ({ uri: `file${i}.txt`, relativePath: `file${i}.txt`, text })));
        const themes = new ThemeIndex().attach(corpus);
        const listed = themes.themes();
        const articles = themes.articles();
        assert.equal(articles.length, corpus.stats().articles);
        assert.equal(listed.reduce((sum, theme) => sum + theme.articleCount, 0), articles.length);
        for (const themed of articles) {
          assert.equal(corpus.get(themed.uri)?.articles[themed.index], themed.article);
          assert.ok(listed.some((theme) => theme.id === themed.themeId), themed.themeId);
          assert.ok(themed.copies >= 0);
        }
        const search = new CorpusSearch(themes);
        for (const text of queries) {
          const hits = search.search(text, LIMIT);
          assert.ok(hits.length <= LIMIT);
          for (const hit of hits) {
            assert.ok(Number.isFinite(hit.score), text);
            if (hit.kind === 'theme') assert.ok(listed.some((theme) => theme.id === hit.id), hit.id);
            else assert.ok(corpus.get(hit.uri)?.articles.some((article) => article.startLine === hit.line), `${hit.uri}:${hit.line}`);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
