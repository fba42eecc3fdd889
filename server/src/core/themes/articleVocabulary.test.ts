import { strict as assert } from 'assert';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { anyDocument, anyLine, anyWorkspace } from '../../../../test/property/adversarialText';
import { decodeEntry, encodeEntry } from '../cache/indexCache';
import { Corpus, analyseText, indexedFile } from '../corpus';
import { contentHash } from '../text';
import { takeVocabularies, textHashesAnalysis, vocabulariesAnalysis } from './articleVocabulary';
import { ThemeIndex } from './themeIndex';
import { TermDictionary } from './terms';
import { contentWordOf, scanWords } from './wordScan';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/themes');

/** Terms counted the plain way, as strings: each content word, and each two side by side ("care home"); the title twice. */
function plainCount(title: string, body: string): { counts: Map<string, number>; bare: Set<string>; words: number } {
  const counts = new Map<string, number>();
  const bare = new Set<string>();
  let words = 0;
  for (const [text, weight] of [[title, 2], [body, 1]] as const) {
    let previous = '';
    scanWords(text, (surface) => {
      const word = surface === undefined ? '' : contentWordOf(surface);
      if (word !== '') {
        words++;
        if (surface === word) bare.add(word);
        counts.set(word, (counts.get(word) ?? 0) + weight);
        if (previous !== '') counts.set(`${previous} ${word}`, (counts.get(`${previous} ${word}`) ?? 0) + weight);
      }
      previous = word;
    });
  }
  return { counts, bare, words };
}

function articlesOf(text: string): { title: string; body: string }[] {
  const { articles, lines } = indexedFile({ uri: 'a', relativePath: 'a', text }, analyseText(text, []), contentHash(text));
  return articles.map((article) => ({ title: article.title, body: text.slice(lines.lineStart(article.bodyStartLine), article.endOffset) }));
}

describe('article vocabularies (theme terms counted apart from the dictionary)', () => {
  it('give the terms of a plain count of words and word pairs, keys ascending, on any text', () => {
    fc.assert(
      fc.property(anyLine, anyDocument, (title, body) => {
        const dictionary = new TermDictionary();
        const terms = dictionary.articleTerms(title, body);
        const expected = plainCount(title, body);
        const counted = new Map(Array.from(terms.keys, (key, i) => [dictionary.canonical(key), terms.counts[i]]));
        assert.deepEqual(counted, expected.counts);
        assert.equal(terms.words, expected.words);
        for (let i = 1; i < terms.keys.length; i++) assert.ok(terms.keys[i - 1] < terms.keys[i]);
        for (const key of terms.keys) {
          const [word] = dictionary.canonical(key).split(' ');
          if (dictionary.wordsOf(key).length === 1) assert.equal(dictionary.display(key), expected.bare.has(word) ? word : `${word}s`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('give the same terms and word ids, through the index cache, as counting each article in place', () => {
    fc.assert(
      fc.property(anyWorkspace, (texts) => {
        const inPlace = new TermDictionary();
        const analysed = new TermDictionary();
        for (const text of texts) {
          const expected = articlesOf(text).map(({ title, body }) => inPlace.articleTerms(title, body));
          const cached = decodeEntry(encodeEntry(analyseText(text, [vocabulariesAnalysis, textHashesAnalysis]), 'key'), 'key');
          const file = indexedFile({ uri: 'a', relativePath: 'a', text }, cached, contentHash(text));
          const taken = takeVocabularies(file);
          assert.deepEqual(
            expected.map((_, index) => analysed.termsOf(taken.vocabulary(index))),
            expected,
          );
          assert.deepEqual(taken.textHashes, expected.map((terms) => terms.textHash));
        }
        const probe = [...texts.join(' ').matchAll(/\p{L}+/gu)].map((match) => match[0]).slice(0, 50).join(' ');
        assert.deepEqual(analysed.keywordTerms(probe), inPlace.keywordTerms(probe));
      }),
      { numRuns: 40 },
    );
  });

  it('leave the themes as they were when the corpus counts them with each file', () => {
    const files = readdirSync(FIXTURES)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ uri: `file:///themes/${name}`, relativePath: name, text: readFileSync(path.join(FIXTURES, name), 'utf8') }));
    const themesOf = (corpus: Corpus): unknown => {
      corpus.apply(files);
      const index = new ThemeIndex().attach(corpus);
      return {
        themes: index.themes(),
        articles: index.articles().map((a) => [a.uri, a.index, a.themeId, a.copies, index.articleKeywords(a.uri, a.index)]),
      };
    };
    const counted = new Corpus({ analyses: [vocabulariesAnalysis, textHashesAnalysis] });
    const themes = themesOf(counted);
    assert.deepEqual(themes, themesOf(new Corpus()));
    assert.ok([...counted.all()].every((file) => !Object.hasOwn(file.analyses, vocabulariesAnalysis.name)), 'taken out of the files once the index has them');
  });

  it('are read from a file only when one is first asked for, its text hashes at once', () => {
    const text = 'Rural buses cut\n\nThe council cut three rural bus routes, and villagers said the last bus now leaves at noon.\n';
    const file = indexedFile({ uri: 'a', relativePath: 'a.txt', text }, analyseText(text, [vocabulariesAnalysis, textHashesAnalysis]), contentHash(text));
    const counted = file.analyses[vocabulariesAnalysis.name];
    const taken = takeVocabularies(file);
    assert.deepEqual(taken.textHashes, file.analyses[textHashesAnalysis.name]);
    assert.equal(file.analyses[vocabulariesAnalysis.name], counted);
    assert.deepEqual(taken.vocabulary(0).words.slice(0, 3), ['rural', 'buse', 'cut']);
    assert.ok(!Object.hasOwn(file.analyses, vocabulariesAnalysis.name));
  });
});
