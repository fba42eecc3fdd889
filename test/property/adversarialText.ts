/**
 * fast-check arbitraries for the text our users' folders may hold, shared by the property
 * tests of every core module: lines shaped like curated articles (titles, bylines, prose,
 * bullets, navigation) mixed with text that has broken text tools before (control
 * characters, lone surrogates, right-to-left scripts, emoji sequences, combining marks,
 * odd spaces, only punctuation), joined by any mix of "\n", "\r\n" and "\r".
 */
import fc from 'fast-check';

export const LINE_BREAKS = ['\n', '\r\n', '\r'] as const;

/** Characters and sequences that are not what naive code expects. */
const AWKWARD_PIECES = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u001b[31m', '\u007f', '\u0085', '\u2028', '\u2029',
  '\ufeff', '\u00a0', '\u200b', '\u200d', '\u202e', '\u3000', '\t', '\f', '\v',
  'שלום עולם', 'مرحبا بالعالم', '\u05d0\u05b0', '\u0627\u064e',
  '😀', '👩‍👩‍👧‍👦', '🇬🇧', '👍🏽', '𝐀𝐁𝐂', '𠀀',
  'e\u0301', 'Z\u0351\u0363\u0364\u0307', '\u0301',
  '\ud800', '\udc00', '\udbff', '\udfff\ud800',
  'İ', 'ß', 'ﬁ', 'Ǆ', 'ΣΑΣ',
  '...', '?!', '—', '–', '“', '”', '‘', '’', '«', '»', '•', '*', '#', '|', '›', ':', '(', ')',
  'By', 'Next', '2024-02-30', '31/12/99',
  // A plural possessive inside a name looks two characters ahead ("St Thomas' Hospital"): at the end of a text, past it.
  "St Thomas' ", "Chemists' ",
] as const;

const FLOODS = ['flood', 'river', 'defences', 'council', 'residents', 'barrier', 'winter', 'rainfall', 'pumps', 'banks'];
const SCHOOLS = ['school', 'meals', 'pupils', 'teachers', 'kitchen', 'lunches', 'parents', 'budget', 'classes', 'holidays'];
const GLUE = ['the', 'and', 'of', 'for', 'were', 'with', 'after', 'their', 'new', 'local'];
/** Organisations named as articles name them, with and without their acronyms. */
const ORGANISATIONS = ['NHS England', 'the Care Quality Commission (CQC)', 'the CQC', 'Healthwatch Kent', 'the Royal College of Nursing', 'Riverside Food Bank Trust'];

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Words from one topic with function words between them, so cohesion both joins and splits. */
const topicWords = (min: number, max: number): fc.Arbitrary<string[]> =>
  fc.constantFrom(FLOODS, SCHOOLS).chain((topic) => fc.array(fc.constantFrom(...topic, ...GLUE), { minLength: min, maxLength: max }));

const title = topicWords(2, 6).map((words) => capitalise(words.join(' ')));
/** A sentence on one topic, sometimes naming an organisation. */
const prose = fc
  .tuple(topicWords(6, 45), fc.option(fc.constantFrom(...ORGANISATIONS), { nil: undefined }), fc.nat())
  .map(([words, organisation, at]) => {
    const named = [...words];
    if (organisation) named.splice(at % (named.length + 1), 0, 'said', organisation);
    return `${capitalise(named.join(' '))}.`;
  });
const byline = fc.constantFrom('By Jane Smith', '14 March 2024', 'Posted on 3 May 2021', 'Sam Ode | 1 June 2020');
const navigation = fc.constantFrom('Next', 'Previous', 'Share this article', 'Read more ›', 'Enquire about this article');

/** Lines as the article splitter expects to meet them. */
export const articleLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: prose },
  { weight: 2, arbitrary: title },
  { weight: 2, arbitrary: fc.constantFrom('', '', ' ', '\t', '\u00a0', '\u3000') },
  byline,
  navigation,
  title.map((text) => `${text}?`),
  prose.map((text) => `• ${text}`),
  prose.map((text) => `1. ${text}`),
);

/** The lines of one article: title, perhaps a byline, paragraphs, perhaps a section heading. */
const articleLines: fc.Arbitrary<string[]> = fc
  .tuple(title, fc.option(byline, { nil: undefined }), fc.array(prose, { minLength: 1, maxLength: 4 }), fc.option(title, { nil: undefined }), fc.array(prose, { maxLength: 2 }))
  .map(([heading, by, paragraphs, section, more]) => [
    heading,
    ...(by ? [by] : []),
    '',
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(section ? [section, '', ...more.flatMap((paragraph) => [paragraph, ''])] : []),
  ]);

/** A file of several articles, perhaps with navigation at the end. */
const articleFileLines: fc.Arbitrary<string[]> = fc
  .tuple(fc.array(articleLines, { minLength: 1, maxLength: 4 }), fc.array(navigation, { maxLength: 3 }))
  .map(([articles, tail]) => [...articles.flat(), ...tail]);

/** Arbitrary code points, lone surrogates and the awkward pieces above, in any order. */
export const anyText = (maxLength = 80): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      fc.constantFrom(...AWKWARD_PIECES),
    ),
    maxLength,
  });

/** One line (no "\r" or "\n"): a well-formed article line, junk, or the two mixed. */
export const anyLine: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: articleLine },
    { weight: 2, arbitrary: anyText() },
    fc.tuple(anyText(6), articleLine, anyText(6)).map((parts) => parts.join('')),
    fc.string({ unit: fc.constantFrom('.', ',', '!', '?', '-', '—', '*', '"', '…', ' '), maxLength: 200 }),
    fc.tuple(fc.constantFrom(...AWKWARD_PIECES, 'word ', ' '), fc.integer({ min: 100, max: 3000 })).map(([piece, n]) => piece.repeat(n)),
  )
  .map((line) => line.replace(/[\r\n]/g, ' '));

/** Lines of a file: random lines, or whole articles with some random lines slipped in. */
export const anyLines: fc.Arbitrary<string[]> = fc.oneof(
  fc.array(anyLine, { maxLength: 60 }),
  articleFileLines,
  fc.tuple(articleFileLines, fc.array(fc.tuple(fc.nat(), anyLine), { maxLength: 4 })).map(([lines, insertions]) => {
    const mixed = [...lines];
    for (const [at, line] of insertions) mixed.splice(at % (mixed.length + 1), 0, line);
    return mixed;
  }),
);

/** A whole file: lines joined by a random mix of line breaks, sometimes with a final one. */
export const anyDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: anyLines.chain(joinMixed) },
  anyText(400),
);

/** Joins lines with a random line break after each, or none after the last. */
function joinMixed(lines: string[]): fc.Arbitrary<string> {
  const lineBreaks = fc.array(fc.constantFrom(...LINE_BREAKS), { minLength: lines.length, maxLength: lines.length });
  return fc.tuple(lineBreaks, fc.boolean()).map(([breaks, finalBreak]) =>
    lines.map((line, i) => line + (i < lines.length - 1 || finalBreak ? breaks[i] : '')).join(''),
  );
}

/** Bytes that are mostly UTF-8 text, with invalid sequences, overlongs and NULs mixed in. */
export const anyBytes: fc.Arbitrary<Uint8Array> = fc
  .array(
    fc.oneof(
      anyText(20).map((text) => Buffer.from(text, 'utf8')),
      fc.uint8Array({ maxLength: 8 }),
      fc.constantFrom(
        Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xff]), Buffer.from([0x00]),
      ),
    ),
    { maxLength: 20 },
  )
  .map((chunks) => new Uint8Array(Buffer.concat(chunks)));

/** The texts of a few files, some made of passages pasted from the others, as in curated folders. */
export const anyWorkspace: fc.Arbitrary<string[]> = fc.array(anyDocument, { minLength: 1, maxLength: 5 }).chain((texts) =>
  fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3000 })), { maxLength: 3 }).map((pastes) => [
    ...texts,
    ...pastes.map(([into, from, start, length]) => {
      const source = texts[from % texts.length];
      const at = start % (source.length + 1);
      return `${texts[into % texts.length]}\n\n${source.slice(at, at + length)}`;
    }),
  ]),
);
