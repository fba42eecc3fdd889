import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { splitArticles } from './articles';
import { LineIndex } from './text';

const fixture = (name: string): string =>
  readFileSync(path.join(__dirname, '../../../test/fixtures/articles', name), 'utf8');

/** 1-based inclusive line ranges and titles, as a reader would give them. */
function outline(text: string): string[] {
  return splitArticles(text).articles.map((a) => `${a.startLine + 1}-${a.endLine + 1} ${a.title}`);
}

describe('splitArticles', () => {
  it('splits a file into its articles and keeps section headings inside them', () => {
    const { articles } = splitArticles(fixture('two-articles-with-boilerplate.txt'));
    assert.deepEqual(
      articles.map((a) => [a.title, a.startLine + 1, a.endLine + 1]),
      [
        ['Hospital discharge teams try a new shared rota', 1, 15],
        ['Can a village library help lonely older people?', 17, 23],
      ],
    );
    assert.deepEqual(articles[0].sections, [{ title: 'Early figures', line: 6 }]);
  });

  it('reads "By" bylines and dates under a title', () => {
    const { articles } = splitArticles(fixture('two-articles-with-boilerplate.txt'));
    assert.deepEqual(articles[0].byline, { text: 'By Imogen Hartley', line: 2 });
    assert.deepEqual(articles[1].byline, { text: '14 March 2024', line: 18 });
    assert.equal(articles[1].bodyStartLine, 20);
  });

  it('reads an inline "Name writing at Outlet:" byline', () => {
    const text = 'Ward rounds go paperless\n\nDana Whitfield writing at the Nuffield Trust: Ward rounds in two hospitals no longer use paper notes.\n';
    assert.equal(splitArticles(text).articles[0].byline?.text, 'Dana Whitfield writing at the Nuffield Trust');
  });

  it('marks trailing navigation and link titles as boilerplate, outside any article', () => {
    const text = fixture('two-articles-with-boilerplate.txt');
    const { articles, boilerplate } = splitArticles(text);
    assert.deepEqual(boilerplate.map((b) => [b.startLine + 1, b.endLine + 1]), [[25, 29]]);
    assert.ok(articles.every((a) => a.endLine < boilerplate[0].startLine));
  });

  it('splits articles that follow each other with no blank line', () => {
    assert.deepEqual(outline(fixture('no-blank-between.txt')), [
      '1-2 Breakfast club feeds pupils before lessons',
      '3-4 Midwives trial evening clinics for working parents',
    ]);
  });

  it('gives the same lines for CRLF and LF text', () => {
    const crlf = fixture('crlf.txt');
    assert.ok(crlf.includes('\r\n'));
    assert.deepEqual(outline(crlf), outline(crlf.replace(/\r\n/g, '\n')));
    const [article] = splitArticles(crlf).articles;
    assert.equal(crlf.slice(article.startOffset, article.endOffset).split(/\r\n/).length, 5);
    assert.ok(crlf.slice(article.startOffset, article.endOffset).endsWith('bin collections.'));
  });

  it('returns no articles for an empty or blank file', () => {
    assert.deepEqual(splitArticles(''), { articles: [], boilerplate: [] });
    assert.deepEqual(splitArticles('\n \n\u00a0\n').articles, []);
  });

  it('makes a title from the first words when a file starts with prose', () => {
    const text = 'the notes below were copied from a longer report about community nursing teams and their caseloads, which grew again this year.\n';
    const [article] = splitArticles(text).articles;
    assert.equal(article.hasTitleLine, false);
    assert.equal(article.title, 'the notes below were copied from a longer…');
  });

  it('does not take headings with no prose under them for article titles', () => {
    const { articles } = splitArticles('Notes\n\nSecond heading\n');
    assert.equal(articles.length, 1);
    assert.equal(articles[0].hasTitleLine, false);
  });

  it('keeps offsets inside the text and consistent with the line index', () => {
    const text = fixture('two-articles-with-boilerplate.txt');
    const lines = new LineIndex(text);
    for (const article of splitArticles(text, lines).articles) {
      assert.equal(article.startOffset, lines.lineStart(article.startLine));
      assert.equal(article.endOffset, lines.lineEnd(article.endLine));
      assert.equal(text.slice(article.startOffset).split('\n')[0], article.title);
    }
  });

  it('does not take the first line of a hard-wrapped paragraph for a heading', () => {
    const text = [
      'Clinics extend their hours',
      '',
      'Evening appointments are now offered in four towns across the district.',
      '',
      'Most of the new slots went to people who work. Several managers said',
      'that demand had been hidden for years because nobody could come in the',
      'daytime.',
      '',
    ].join('\n');
    const [article] = splitArticles(text).articles;
    assert.deepEqual(article.sections, []);
    assert.equal(article.wordCount, 4 + 11 + 13 + 13 + 1);
  });

  it('records only headings that stand on their own line as sections', () => {
    const text = 'Park runs\n\nRunners meet every Saturday in the park. Organisers\nSay Hello To Newcomers\nat the gate before the start.\n';
    assert.deepEqual(splitArticles(text).articles[0].sections, []);
  });

  it('reads Markdown headings without their # marks', () => {
    const text = '# Ward visiting hours change\n\nVisiting hours on the children\'s ward will be longer from next week.\n\n## What parents said\n\nParents asked for evening visits so that both could come after work.\n';
    const [article] = splitArticles(text).articles;
    assert.equal(article.title, 'Ward visiting hours change');
    assert.deepEqual(article.sections, [{ title: 'What parents said', line: 4 }]);
  });

  it('reads a title and a byline padded with a BOM or an Ogham space mark as it reads them unpadded', () => {
    // Both are trimmed away as spaces but counted by wordCount as letters: a line at the word limit of its shape
    // (20 for a title, 14 for a byline) must be judged on its trimmed words.
    const title = 'Twenty words in this title about the new ward rounds that went paperless in two hospitals across the whole county';
    const byline = 'By Jane Smith and Tom Hale with Ana Ruiz for the Local News Desk';
    const body = 'Ward rounds in two hospitals no longer use paper notes, the trust said after a trial that lasted six months.';
    for (const pad of ['\uFEFF ', ' \u1680']) {
      const [article] = splitArticles(`${pad}${title}${pad}\n${pad}${byline}${pad}\n\n${body}\n`).articles;
      assert.equal(article.hasTitleLine, true, JSON.stringify(pad));
      assert.equal(article.title, title);
      assert.deepEqual(article.byline, { text: byline, line: 1 });
    }
  });

  it('reads dates in their usual forms as bylines, and a month name without a date as a title word', () => {
    const body = 'Evening appointments are now offered in four towns across the district, the practice said.';
    for (const date of ['Tuesday, March 14th, 2024', '14 Mar 2024', '2024-03-14', '14/03/24', 'Jane Smith | 13 November 2020']) {
      assert.deepEqual(splitArticles(`Clinics extend their hours\n${date}\n\n${body}\n`).articles[0].byline, { text: date, line: 1 }, date);
    }
    const [article] = splitArticles(`Clinics extend their hours\nMay Brings Longer Evenings\n\n${body}\n`).articles;
    assert.equal(article.byline, undefined);
    assert.equal(article.bodyStartLine, 1);
  });

  it('starts a new article at a title with both a "By" line and a date under it', () => {
    const first = fixture('two-articles-with-boilerplate.txt').split('\n').slice(0, 15).join('\n');
    const text = `${first}\n\nParking charges return at the hospital\n\nBy Sam Poe\n\n13 March 2024\n\nCharges for visitors will return in April, the trust said.\n`;
    const { articles } = splitArticles(text);
    assert.deepEqual(articles.map((a) => a.title), ['Hospital discharge teams try a new shared rota', 'Parking charges return at the hospital']);
    assert.equal(articles[1].bodyStartLine, 22);
  });
});

