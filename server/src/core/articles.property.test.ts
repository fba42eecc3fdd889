import { strict as assert } from 'assert';
import fc from 'fast-check';
import { LINE_BREAKS, anyDocument, anyLines, articleLine } from '../../../test/property/adversarialText';
import { LineSpan, SplitResult, findBoilerplate, splitArticles } from './articles';
import { LineIndex } from './text';

/** Far above the few milliseconds these inputs take: catches runaway (quadratic) work, not slowness. */
const GENEROUS_MS = 2000;

function assertSpanInside(span: LineSpan, lines: LineIndex, label: string): void {
  assert.ok(span.startLine >= 0 && span.startLine <= span.endLine && span.endLine < lines.lineCount, label);
  assert.equal(span.startOffset, lines.lineStart(span.startLine), label);
  assert.equal(span.endOffset, lines.lineEnd(span.endLine), label);
  assert.ok(span.startOffset <= span.endOffset && span.endOffset <= lines.text.length, label);
}

/** Everything a caller of splitArticles relies on, whatever the text. */
function assertWellFormed(text: string, { articles, boilerplate }: SplitResult): void {
  const lines = new LineIndex(text);
  articles.forEach((article, index) => {
    const label = `article ${index} "${article.title}"`;
    assertSpanInside(article, lines, label);
    if (index > 0) assert.ok(articles[index - 1].endLine < article.startLine, `${label} overlaps the one before`);
    assert.ok(article.title.length > 0 && article.title === article.title.trim(), label);
    // The title line's text, less the leading #s of a Markdown heading.
    if (article.hasTitleLine) assert.ok(lines.lineText(article.startLine).trim().endsWith(article.title), label);
    assert.ok(article.bodyStartLine >= article.startLine && article.bodyStartLine <= article.endLine, label);
    assert.ok(Number.isInteger(article.wordCount) && article.wordCount >= 0, label);
    // An untitled article that opens on a heading-shaped line lists that line as a section too.
    let previousSection = article.hasTitleLine ? article.startLine : article.startLine - 1;
    for (const section of article.sections) {
      assert.ok(section.line > previousSection && section.line <= article.endLine, `${label}: section line ${section.line}`);
      previousSection = section.line;
    }
    if (article.byline) assert.ok(article.byline.line > article.startLine && article.byline.line <= article.endLine, label);
  });
  boilerplate.forEach((span, index) => {
    assertSpanInside(span, lines, `boilerplate ${index}`);
    if (index > 0) assert.ok(boilerplate[index - 1].endLine < span.startLine, `boilerplate ${index} overlaps the one before`);
    // A navigation line may sit inside an article's range, but no article begins or ends on one.
    for (const article of articles) {
      const partlyInside = span.startLine <= article.endLine && span.endLine >= article.startLine;
      assert.ok(!partlyInside || (span.startLine > article.startLine && span.endLine < article.endLine), `boilerplate ${index}`);
    }
  });
  // No text is lost: every non-blank line belongs to an article or to boilerplate.
  const covered = [...articles, ...boilerplate];
  for (let line = 0; line < lines.lineCount; line++) {
    if (lines.lineText(line).trim() === '') continue;
    assert.ok(covered.some((span) => span.startLine <= line && line <= span.endLine), `line ${line} is in nothing`);
  }
}

/** What a reader sees of the split: independent of offsets, so comparable across line breaks. */
function outline({ articles, boilerplate }: SplitResult): unknown {
  return {
    articles: articles.map(({ startOffset, endOffset, ...rest }) => rest),
    boilerplate: boilerplate.map((span) => [span.startLine, span.endLine]),
  };
}

function timed<T>(work: () => T): T {
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < GENEROUS_MS, `took ${Math.round(elapsed)} ms`);
  return result;
}

describe('splitArticles (properties)', () => {
  it('gives well-formed, ordered articles and boilerplate for any text, in bounded time', () => {
    fc.assert(
      fc.property(anyDocument, (text) => assertWellFormed(text, timed(() => splitArticles(text)))),
      { numRuns: 300 },
    );
  });

  it('gives the same articles whether lines end in "\\n", "\\r\\n" or "\\r"', () => {
    fc.assert(
      fc.property(anyLines, (lines) => {
        const [lf, ...others] = LINE_BREAKS.map((lineBreak) => splitArticles(lines.join(lineBreak)));
        for (const other of others) assert.deepEqual(outline(other), outline(lf));
      }),
      { numRuns: 150 },
    );
  });

  it('finds the same boilerplate without splitting as when splitting', () => {
    // Article-like lines too, with navigation written in any case and padded, among titles,
    // bylines and wrapped prose: a lower-case "next" after a heading makes it prose.
    const navigation = fc
      .tuple(fc.constantFrom('next', 'Previous', 'share this article', 'Read more ›'), fc.constantFrom('', ' ', '\t'), fc.boolean())
      .map(([words, padding, upper]) => `${padding}${upper ? words.toUpperCase() : words}${padding}`);
    const text = fc.oneof(anyDocument, fc.array(fc.oneof(articleLine, navigation), { maxLength: 30 }).map((lines) => lines.join('\n')));
    fc.assert(
      fc.property(text, (text) => assert.deepEqual(findBoilerplate(text), splitArticles(text).boilerplate)),
      { numRuns: 500 },
    );
  });

  it('is not changed by blank lines at the end of the file', () => {
    fc.assert(
      fc.property(anyLines, fc.constantFrom('\n', '\n\n', '\r\n \r\n', '\n\u00a0'), (lines, tail) => {
        const text = lines.join('\n');
        assert.deepEqual(outline(splitArticles(text + tail)), outline(splitArticles(text)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('splitArticles on huge or degenerate input', () => {
  const prose =
    'The council said the flood defences along the river would be rebuilt before winter, and residents ' +
    'welcomed the plan for the river defences and the flood barriers along the town. The river flood defences were ' +
    'praised by residents along the river.';
  const cases: [string, string][] = [
    ['a 1 MB line of words', 'word '.repeat(200_000)],
    ['a 1 MB line of punctuation', '.!?'.repeat(350_000)],
    ['a 1 MB line of emoji and combining marks', '😀e\u0301'.repeat(250_000)],
    ['a 1 MB line of right-to-left text', 'שלום עולם '.repeat(100_000)],
    ['10,000 identical heading-like lines', 'Flood defences rebuilt\n'.repeat(10_000)],
    ['10,000 navigation lines', 'Next\n'.repeat(10_000)],
    // Each heading used to walk every wordless line to the end of the file looking for words
    // to compare with, which took about 10 seconds on this 260 KB file.
    ['10,000 headings over wordless lines', `Flood defences\n\n${prose}\n${'\nFlood defences river\n***\n'.repeat(10_000)}\n${prose}\n`],
  ];
  for (const [name, text] of cases) {
    it(`splits ${name} well-formed and in bounded time`, () => {
      assertWellFormed(text, timed(() => splitArticles(text)));
    });
  }
});
