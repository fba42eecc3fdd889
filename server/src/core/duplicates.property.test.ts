import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anyDocument, anyWorkspace } from '../../../test/property/adversarialText';
import { Corpus } from './corpus';
import { DuplicateGroup, DuplicateIndex, DuplicateOptions } from './duplicates/engine';
import { analyse, maskedWords } from './duplicates/analysis';
import { headFromParts, snapshotParts, tablesFromParts } from './duplicates/snapshot';
import { runAll } from './steps';
import { readBack } from './fixtures/snapshotParts';
import { LineIndex } from './text';

/** Few words, so that short shared runs, boilerplate and near copies all turn up often. */
const VOCABULARY = ['river', 'council', 'school', 'meals', 'pupils', 'flood', 'the', 'and', 'of', 'new', 'barrier', 'winter', 'parents', 'budget', "King's", 'Ofsted', 'said', 'were'];

/** Prose of 10 to 70 words, sometimes in two paragraphs. */
const passage: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom(...VOCABULARY), { minLength: 10, maxLength: 70 }), fc.nat())
  .map(([words, breakAt]) => {
    const at = breakAt % words.length;
    return `${words.slice(0, at).join(' ')}.${breakAt % 3 === 0 ? '\n\n' : ' '}${words.slice(at).join(' ')}.`;
  });

/** What a curator types or pastes: a passage of the pool, a word, a line break or an awkward character. */
const piece = (pool: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((i) => pool[i % pool.length]) },
    fc.constantFrom(' ', '\n\n', '\r\n', 'flood ', '’', '😀', 'Next\n', 'Share this article\n'),
  );

type Edit =
  | { kind: 'insert'; file: number; at: number; text: string }
  | { kind: 'delete'; file: number; at: number; length: number }
  | { kind: 'paste'; file: number; at: number; from: number; start: number; length: number }
  | { kind: 'removeFile'; file: number }
  | { kind: 'addFile'; text: string };

const editOf = (pool: string[]): fc.Arbitrary<Edit> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), file: fc.nat(), at: fc.nat(), text: piece(pool) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('paste' as const),
        file: fc.nat(),
        at: fc.nat(),
        from: fc.nat(),
        start: fc.nat(),
        length: fc.integer({ min: 1, max: 600 }),
      }),
    },
    fc.record({ kind: fc.constant('removeFile' as const), file: fc.nat() }),
    fc.record({ kind: fc.constant('addFile' as const), text: fc.array(piece(pool), { maxLength: 6 }).map((parts) => parts.join('\n\n')) }),
  );

/** A pool of passages, files made of them, edits (applied in batches of one or two) and thresholds. */
const editSession = fc.array(passage, { minLength: 1, maxLength: 5 }).chain((pool) =>
  fc.record({
    files: fc.array(fc.array(piece(pool), { maxLength: 6 }).map((parts) => parts.join('\n\n')), { minLength: 1, maxLength: 5 }),
    batches: fc.array(fc.array(editOf(pool), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 12 }),
    options: fc.record({
      minWords: fc.constantFrom(8, 12, 25),
      minSimilarity: fc.constantFrom(0.5, 0.8),
      boilerplateMinCopies: fc.constantFrom(3, 4, 10),
    }),
  }),
);

/** Applies one edit to the texts (uri -> text); returns the removed URI, if any. */
function applyEdit(texts: Map<string, string>, edit: Edit, nextName: () => string): string | undefined {
  const uris = [...texts.keys()];
  if (edit.kind === 'addFile') {
    texts.set(nextName(), edit.text);
    return undefined;
  }
  if (uris.length === 0) return undefined;
  const uri = uris[edit.file % uris.length];
  const text = texts.get(uri)!;
  if (edit.kind === 'removeFile') {
    texts.delete(uri);
    return uri;
  }
  const at = edit.at % (text.length + 1);
  if (edit.kind === 'insert') texts.set(uri, text.slice(0, at) + edit.text + text.slice(at));
  else if (edit.kind === 'delete') texts.set(uri, text.slice(0, at) + text.slice(at + edit.length));
  else {
    const source = texts.get(uris[edit.from % uris.length])!;
    const start = edit.start % (source.length + 1);
    texts.set(uri, text.slice(0, at) + source.slice(start, start + edit.length) + text.slice(at));
  }
  return undefined;
}

/** Everything a client is shown of the groups, in the engine's order. */
function shown(index: DuplicateIndex, uris: Iterable<string>): unknown {
  const group = (g: DuplicateGroup) => ({ ...g, passages: g.passages.map((p) => ({ ...p })) });
  return {
    groups: index.groups().map(group),
    byFile: [...uris].sort().map((uri) => [uri, index.groupsIn(uri).map((g) => g.id)]),
  };
}

const workspaceCorpus = (texts: string[]): Corpus => {
  const corpus = new Corpus();
  corpus.apply(texts.map((text, i) => ({ uri: `file${i}.txt`, relativePath: `file${i}.txt`, text })));
  return corpus;
};

describe('duplicate detection (properties)', () => {
  it('tokenizes any text into ordered, non-overlapping words inside it; masks only the words of boilerplate lines', () => {
    fc.assert(
      fc.property(anyDocument, fc.nat(), fc.nat(), (text, a, b) => {
        const analysis = analyse(text);
        const { tokens } = analysis;
        assert.equal(tokens.starts.length, tokens.hashes.length);
        for (let i = 0; i < tokens.starts.length; i++) {
          assert.ok(tokens.starts[i] < tokens.ends[i] && tokens.ends[i] <= text.length);
          if (i > 0) assert.ok(tokens.starts[i] >= tokens.ends[i - 1]);
        }
        // Boilerplate spans are whole lines, as the article splitter gives them.
        const lines = new LineIndex(text);
        const [first, last] = [a % lines.lineCount, b % lines.lineCount].sort((x, y) => x - y);
        const span = { startLine: first, endLine: last, startOffset: lines.lineStart(first), endOffset: lines.lineEnd(last) };
        const masked = maskedWords(analysis, [span], 1);
        for (let i = 0; i < tokens.starts.length; i++) {
          const inside = tokens.starts[i] >= span.startOffset && tokens.starts[i] < span.endOffset;
          if (!inside) assert.equal(masked[i], tokens.hashes[i], `word ${i} outside the span was masked`);
        }
      }),
    );
  });

  it('reports groups of two or more passages, inside their files, with matching positions', () => {
    fc.assert(
      fc.property(anyWorkspace, (texts) => {
        const corpus = workspaceCorpus(texts);
        const index = new DuplicateIndex();
        index.update({ updated: [...corpus.all()], removed: [] });
        for (const group of index.groups()) {
          assert.ok(group.passages.length >= 2);
          assert.ok(group.similarity >= 0 && group.similarity <= 1);
          if (group.kind === 'exact') assert.equal(group.similarity, 1);
          for (const passage of group.passages) {
            const file = corpus.get(passage.uri);
            assert.ok(file, passage.uri);
            assert.ok(passage.startOffset >= 0 && passage.startOffset < passage.endOffset && passage.endOffset <= file.text.length);
            assert.deepEqual(passage.start, file.lines.positionAt(passage.startOffset));
            assert.deepEqual(passage.end, file.lines.positionAt(passage.endOffset));
            assert.ok(passage.words > 0);
            assert.ok(index.groupsIn(passage.uri).includes(group));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('after any sequence of edits, pastes, added and removed files, equals a fresh index of the final texts', () => {
    fc.assert(
      fc.property(editSession, (session: EditSession) => {
        const { texts, index } = replay(session, () => undefined);
        assert.deepEqual(shown(index(), texts.keys()), shown(freshIndex(texts, session.options), texts.keys()));
      }),
      { numRuns: 400 },
    );
  });

  it('made again from a snapshot of any earlier moment, with the files changed since, equals a fresh index, and stays so through later edits', () => {
    fc.assert(
      fc.property(editSession, fc.nat(), fc.nat(), fc.boolean(), (session: EditSession, a, b, inCorpusOrder) => {
        const moments = session.batches.length + 1;
        const [taken, restored] = [a % moments, b % moments].sort((x, y) => x - y);
        let saved: { head: unknown[]; tables: unknown[] } | undefined;
        const { texts, index } = replay(session, (moment, current, corpus) => {
          // As the files keep it: written at one moment, in parts, read back in a later session.
          if (moment === taken) {
            // In the corpus's order, the files restored at the same moment come in the snapshot's order.
            const parts = snapshotParts(current.snapshot(inCorpusOrder ? Array.from(corpus.all(), (file) => file.uri) : []), `saved at ${moment}`);
            saved = { head: readBack(parts.head), tables: readBack(parts.tables) };
          }
          if (moment !== restored) return undefined;
          const { head, key } = headFromParts(saved!.head.values());
          const made = runAll(DuplicateIndex.fromSnapshot(head, [...corpus.all()]));
          // Without its tables, an index none of whose files changed shows what a fresh one would.
          const now = new Map([...corpus.all()].map((file) => [file.uri, file.text]));
          if (made.changedFiles === 0) assert.deepEqual(shown(made.index, now.keys()), shown(freshIndex(now, session.options), now.keys()));
          assert.equal(made.index.needsTables, true);
          runAll(made.index.takeTables(tablesFromParts(saved!.tables.values(), key)));
          return made.index;
        });
        assert.deepEqual(shown(index(), texts.keys()), shown(freshIndex(texts, session.options), texts.keys()));
      }),
      { numRuns: 300 },
    );
  });
});

interface EditSession {
  files: string[];
  batches: Edit[][];
  options: DuplicateOptions;
}

/**
 * Indexes the session's files, then applies its batches of edits to them and to an index
 * that follows the corpus. Before each batch and at the end (moments 0 to batches.length),
 * `at` may replace the index.
 */
function replay(
  { files, batches, options }: EditSession,
  at: (moment: number, index: DuplicateIndex, corpus: Corpus) => DuplicateIndex | undefined,
): { texts: Map<string, string>; index: () => DuplicateIndex } {
  let named = 0;
  const nextName = () => `f${named++}.txt`;
  const texts = new Map(files.map((text) => [nextName(), text]));
  const corpus = new Corpus();
  let index = new DuplicateIndex(options);
  corpus.onChange((change) => index.update(change));
  const put = (uris: Iterable<string>, removed: string[] = []) =>
    corpus.apply(
      [...uris].filter((uri) => texts.has(uri)).map((uri) => ({ uri, relativePath: uri, text: texts.get(uri)! })),
      removed,
    );
  put(texts.keys());
  batches.forEach((batch, moment) => {
    index = at(moment, index, corpus) ?? index;
    const before = new Map(texts);
    const removed = batch.map((edit) => applyEdit(texts, edit, nextName)).filter((uri): uri is string => uri !== undefined);
    put([...texts.keys()].filter((uri) => before.get(uri) !== texts.get(uri)), removed);
  });
  index = at(batches.length, index, corpus) ?? index;
  return { texts, index: () => index };
}

/** A fresh index of `texts`, the files in reverse order: the result must not depend on it. */
function freshIndex(texts: Map<string, string>, options: DuplicateOptions): DuplicateIndex {
  const fresh = new DuplicateIndex(options);
  const corpus = new Corpus();
  corpus.onChange((change) => fresh.update(change));
  corpus.apply([...texts].reverse().map(([uri, text]) => ({ uri, relativePath: uri, text })));
  return fresh;
}
