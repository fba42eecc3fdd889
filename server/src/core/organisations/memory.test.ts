import { strict as assert } from 'assert';
import { Corpus, FileInput } from '../corpus';
import { OrganisationIndex } from './index';
import { RecognitionMemory, RememberedFile, memoryFromParts, memoryParts } from './memory';
import { runAll } from '../steps';
import { joinedList, listFromJoined } from '../text';
import { readBack } from '../fixtures/snapshotParts';

const ARTICLE = (title: string, body: string): string => `${title}\n\n${body}\n`;

const FILES: Record<string, string> = {
  a: ARTICLE('Governance', 'Boards took advice from the Fenwick Rural Health Institute (FRHI). The charity Pillar Wellbeing opened a hub in Leeds.'),
  b: ARTICLE('Boards', 'FRHI said boards should meet in public. Volunteers thanked Pillar Wellbeing, and NHS England agreed.'),
  c: ARTICLE('Funding', 'Anna Charles writing at the King’s Fund said the Care Quality Commission would report in May.'),
};

function inputs(files: Record<string, string>): FileInput[] {
  return Object.entries(files).map(([uri, text]) => ({ uri, relativePath: uri, text }));
}

/** An index of `files` from scratch, and the corpus it was made from. */
function indexed(files: Record<string, string>): { corpus: Corpus; index: OrganisationIndex } {
  const corpus = new Corpus();
  corpus.apply(inputs(files));
  const index = new OrganisationIndex();
  index.update({ updated: [...corpus.all()], removed: [] });
  return { corpus, index };
}

/** A memory as a later session reads it: in parts through v8 serialisation, as the language server keeps it. */
function throughParts(memory: RecognitionMemory): RecognitionMemory {
  return runAll(memoryFromParts(readBack(memoryParts(memory))));
}

function rememberedBy(index: OrganisationIndex): RecognitionMemory {
  return throughParts(index.remember());
}

/** Everything the index gives out about the files: mentions and ties by file, then each organisation with its tallies. */
function findings(index: OrganisationIndex, uris: string[]): unknown {
  const ids = [...index.mentionedIds()].sort();
  return {
    files: uris.map((uri) => index.mentionsIn(uri)),
    organisations: ids.map((id) => ({ organisation: index.organisation(id), tally: index.tallies.get(id), files: index.fileCountOf(id) })),
  };
}

/** A later session: an index of `files` brought up to date from `memory`, and the corpus it follows. */
function laterSession(files: Record<string, string>, memory: RecognitionMemory): { corpus: Corpus; later: OrganisationIndex } {
  const corpus = new Corpus();
  corpus.apply(inputs(files));
  const later = new OrganisationIndex();
  later.update({ updated: [...corpus.all()], removed: [] }, memory);
  return { corpus, later };
}

/** Each organisation mentioned, with the files that mention it and their mentions of it. */
function mentioning(index: OrganisationIndex): unknown {
  return [...index.mentionedIds()].sort().map((id) => [id, [...index.mentionsOf(id)].sort()]);
}

describe('recognition remembered between sessions', () => {
  it('gives a later session the same findings without reading the files again', () => {
    const first = indexed(FILES);
    const memory = rememberedBy(first.index);
    const corpus = new Corpus();
    corpus.apply(inputs(FILES));
    const later = new OrganisationIndex();
    // Every finding must come from the memory: no text is read while updating.
    let textsRead = 0;
    const files = [...corpus.all()].map((file) => new Proxy(file, { get: (target, key) => ((textsRead += key === 'text' ? 1 : 0), Reflect.get(target, key)) }));
    later.update({ updated: files, removed: [] }, memory);
    assert.equal(textsRead, 0);
    assert.deepEqual(findings(later, ['a', 'b', 'c']), findings(first.index, ['a', 'b', 'c']));
    assert.ok(later.mentionsIn('b').mentions.some((mention) => mention.id === first.index.mentionsIn('a').mentions[0].id));
  });

  it('gives the same findings when the files come in another order than the memory kept them in', () => {
    const memory = rememberedBy(indexed(FILES).index);
    const reversed = Object.fromEntries(Object.entries(FILES).reverse());
    const { later } = laterSession(reversed, memory);
    assert.deepEqual(findings(later, ['a', 'b', 'c']), findings(indexed(reversed).index, ['a', 'b', 'c']));
    assert.deepEqual(mentioning(later), mentioning(indexed(reversed).index));
  });

  it('keeps its files in the order of the corpus, edited ones included, which the next session brings them in', () => {
    const { corpus, index } = indexed(FILES);
    const edited = ARTICLE('Governance', 'Boards took advice from the Fenwick Rural Health Institute (FRHI) again.');
    index.update(corpus.apply([{ uri: 'a', relativePath: 'a', text: edited }]));
    const memory = rememberedBy(index);
    assert.deepEqual(memory.counts?.capitals.uris, ['a', 'b', 'c']);
    const now = { ...FILES, a: edited };
    const { later } = laterSession(now, memory);
    assert.deepEqual(findings(later, ['a', 'b', 'c']), findings(indexed(now).index, ['a', 'b', 'c']));
  });

  it('reads again the remembered files that may hold a spelling learned or forgotten since', () => {
    const memory = rememberedBy(indexed(FILES).index);
    // a no longer defines FRHI: b's remembered "FRHI" mention is stale.
    const changed = { ...FILES, a: ARTICLE('Governance', 'Boards took advice from consultants. The charity Pillar Wellbeing opened a hub in Leeds.') };
    const { later } = laterSession(changed, memory);
    const fresh = indexed(changed).index;
    assert.deepEqual(findings(later, ['a', 'b', 'c']), findings(fresh, ['a', 'b', 'c']));
    assert.ok(!later.mentionsIn('b').mentions.some((mention) => mention.id.includes('fenwick')));
  });

  it('takes nothing for a file whose content it does not know, and keeps up with later edits', () => {
    const memory = rememberedBy(indexed({ c: FILES.c }).index);
    const { corpus, later } = laterSession(FILES, memory);
    corpus.onChange((change) => later.update(change));
    corpus.apply(inputs({ b: ARTICLE('Boards', 'Boards met in public, NHS England said.') }));
    const final = { ...FILES, b: ARTICLE('Boards', 'Boards met in public, NHS England said.') };
    assert.deepEqual(findings(later, ['a', 'b', 'c']), findings(indexed(final).index, ['a', 'b', 'c']));
  });

  it('starts from the counts it kept, less those of files changed, moved or gone since', () => {
    const memory = rememberedBy(indexed(FILES).index);
    assert.deepEqual(memory.counts?.capitals.uris.sort(), ['a', 'b', 'c']);
    // b changed, c moved to d, a stays; b's remembered "FRHI" mention is counted and read again.
    const now = { a: FILES.a, b: ARTICLE('Boards', 'Boards met in public, NHS England said.'), d: FILES.c };
    const { corpus, later } = laterSession(now, memory);
    assert.deepEqual(findings(later, ['a', 'b', 'c', 'd']), findings(indexed(now).index, ['a', 'b', 'c', 'd']));
    // What it keeps for the next session counts the files as they are now.
    assert.deepEqual(later.remember().counts?.capitals.uris.sort(), ['a', 'b', 'd']);
    // Later edits count as in an index made from scratch.
    corpus.onChange((change) => later.update(change));
    corpus.apply([], ['a']);
    const final = { b: now.b, d: now.d };
    assert.deepEqual(findings(later, ['a', 'b', 'd']), findings(indexed(final).index, ['a', 'b', 'd']));
  });

  it('finds the same without counts, as a memory that kept none gives', () => {
    const { counts, ...withoutCounts } = rememberedBy(indexed(FILES).index);
    assert.ok(counts);
    const { later } = laterSession(FILES, withoutCounts);
    assert.deepEqual(findings(later, ['a', 'b', 'c']), findings(indexed(FILES).index, ['a', 'b', 'c']));
  });

  it('takes what the files taught as the memory settled it, and reads it when a file first changes', () => {
    const memory = rememberedBy(indexed(FILES).index);
    assert.ok(memory.settled && memory.settled.organisations.length > 0 && memory.settled.acronyms.includes('FRHI'));
    const { corpus, later } = laterSession(FILES, memory);
    const fresh = indexed(FILES).index;
    assert.deepEqual(findings(later, ['a', 'b', 'c']), findings(fresh, ['a', 'b', 'c']));
    assert.deepEqual(mentioning(later), mentioning(fresh));
    // A memory made by a session that read no discovery keeps what the first did.
    assert.deepEqual(throughParts(later.remember()).settled, memory.settled);
    // a no longer defines FRHI, c goes, d defines another acronym: as a fresh index of the final texts.
    corpus.onChange((change) => later.update(change));
    const a = ARTICLE('Governance', 'Boards took advice from consultants. The charity Pillar Wellbeing opened a hub in Leeds.');
    const d = ARTICLE('Research', 'The Ashcombe Health Trust (AHT) published a study. AHT will report again in June.');
    corpus.apply(inputs({ a, d }), ['c']);
    const final = { a, b: FILES.b, d };
    assert.deepEqual(findings(later, ['a', 'b', 'c', 'd']), findings(indexed(final).index, ['a', 'b', 'c', 'd']));
    assert.ok(later.organisation(later.mentionsIn('d').mentions[0].id)?.aliases.includes('AHT'));
  });

  it('finds the files that mention each organisation again when those it kept do not add up', () => {
    const memory = rememberedBy(indexed(FILES).index);
    const { mentionedIn } = memory.counts!;
    assert.ok(mentionedIn && mentionedIn.files.length > 0);
    const outside = Int32Array.from(mentionedIn.files, (index, i) => (i === 0 ? memory.counts!.capitals.uris.length : index));
    const damaged = { ...memory, counts: { ...memory.counts!, mentionedIn: { ...mentionedIn, files: outside } } };
    const { later } = laterSession(FILES, damaged);
    assert.deepEqual(findings(later, ['a', 'b', 'c']), findings(indexed(FILES).index, ['a', 'b', 'c']));
    assert.deepEqual(mentioning(later), mentioning(indexed(FILES).index));
  });

  it('settles what the files taught again when the settled names it kept do not match them', () => {
    const memory = rememberedBy(indexed(FILES).index);
    const { organisations } = memory.settled!;
    const damaged = { ...memory, settled: { ...memory.settled!, organisations: organisations.map((text, i) => (i % 3 === 2 ? `${text}-not-a-key` : text)) } };
    const { later } = laterSession(FILES, damaged);
    assert.deepEqual(findings(later, ['a', 'b', 'c']), findings(indexed(FILES).index, ['a', 'b', 'c']));
    assert.deepEqual(later.remember().settled, memory.settled);
  });

  it('is saved in parts of a thousand files (three parts each), and read back whole', () => {
    const file = (n: number): RememberedFile => ({ discovery: undefined, capitals: new Int32Array([n]), mentions: new Int32Array(0), ties: new Int32Array(0) });
    const memory: RecognitionMemory = {
      ids: ['nhs-england'],
      spellings: ['NHS England'],
      keys: ['nhs', 'england'],
      texts: [],
      learned: [],
      files: new Map(Array.from({ length: 2500 }, (_, n) => [`hash${n}`, file(n)])),
    };
    assert.equal([...memoryParts(memory)].length, 1 + 3 * 3);
    // Read back, each file's arrays are views made when read: compared as plain objects.
    const plain = ({ files, ...rest }: RecognitionMemory): unknown => ({
      ...rest,
      files: new Map([...files].map(([hash, { discovery, capitals, mentions, ties }]) => [hash, { discovery, capitals, mentions, ties }])),
    });
    assert.deepEqual(plain(throughParts(memory)), plain(memory));
    assert.throws(() => runAll(memoryFromParts([])), /no names/);
  });

  it('refuses counts whose lists of files and of their hashes differ in length', () => {
    const memory = indexed(FILES).index.remember();
    const { capitals, ...rest } = throughParts(memory).counts!;
    // The files' keys come back with room to grow after them.
    const keys = memory.counts!.capitals.fileKeys.length;
    assert.ok(capitals.fileKeys.length > keys);
    assert.deepEqual({ ...rest, capitals: { ...capitals, fileKeys: capitals.fileKeys.subarray(0, keys) } }, memory.counts);
    const parts = readBack(memoryParts(memory));
    const counts = parts.find((part) => typeof (part as { hashes?: unknown }).hashes === 'string') as { hashes: string };
    counts.hashes = joinedList([...listFromJoined(counts.hashes), 'another']);
    assert.throws(() => runAll(memoryFromParts(parts)), /^Error: the memory's counts are damaged$/);
  });
});
