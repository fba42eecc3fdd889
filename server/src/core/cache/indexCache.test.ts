import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileAnalysis, LaterResult, analysisOf, storedResult } from '../analyses';
import { FileIndex, analyseText, indexedFile } from '../corpus';
import { contentHash } from '../text';
import { capitalsAnalysis } from '../workers/fixtures/capitalsAnalysis';
import { IndexCache, decodeEntry, encodeEntry } from './indexCache';

const IDENTITY = 'test identity';

function article(town: string, subject: string): string {
  return [
    `${town} council ${subject}`,
    '',
    `By a reporter in ${town}`,
    '',
    `The council in ${town} met on Tuesday to discuss ${subject}. Councillors from every ward spoke, and the leader said a decision would follow after the public consultation closes at the end of the month.`,
    `Residents who attended said they wanted clear answers on cost, on timing and on who would pay, and several asked for the meeting papers to be published in full on the council website before the vote.`,
    '',
  ].join('\n');
}

const TEXTS = ['Alnwick', 'Bude', 'Crewe', 'Dover', 'Ely'].map((town, i) => article(town, ['parking charges', 'a new pool', 'bus lanes', 'bin collections', 'library hours'][i]));
const FILES = TEXTS.map((text) => ({ hash: contentHash(text), ...analyseText(text, [capitalsAnalysis]) }));

describe('index cache', () => {
  let folder: string;
  let file: string;
  let logs: string[];
  const log = { info: (message: string) => logs.push(`info: ${message}`), warn: (message: string) => logs.push(`warn: ${message}`) };
  const opened: IndexCache[] = [];
  const open = async (options = {}): Promise<IndexCache> => {
    const cache = await IndexCache.open(file, IDENTITY, log, options);
    opened.push(cache);
    return cache;
  };

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-cache-'));
    file = path.join(folder, 'storage', 'index-cache.bin');
    logs = [];
  });
  afterEach(async () => {
    for (const cache of opened.splice(0)) cache.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('starts empty, quietly, when there is no file yet', async () => {
    const cache = await open();
    assert.equal(cache.size, 0);
    assert.deepEqual(logs, []);
  });

  it('gives back, after a restart, what was saved: articles, boilerplate and analyses', async () => {
    await (await open()).save(FILES);
    assert.ok(logs.some((line) => line.startsWith(`info: Index cache: saved 5 entries`)), logs.join('\n'));
    const reopened = await open();
    assert.equal(reopened.size, FILES.length);
    for (const saved of FILES) {
      const entry = reopened.get(saved.hash);
      assert.deepEqual(entry, { articles: saved.articles, boilerplate: saved.boilerplate, analyses: saved.analyses });
      assert.ok(entry!.analyses[capitalsAnalysis.name] instanceof Uint32Array);
    }
    assert.ok(FILES.every((saved) => saved.articles?.length === 1), 'each text is one article');
  });

  it('knows the number of articles of each entry it saved or was given with one, without decoding the entry', async () => {
    const text = `${TEXTS[0]}\n\n${TEXTS[1]}`;
    const two = { hash: contentHash(text), ...analyseText(text, [capitalsAnalysis]) };
    assert.equal(two.articles?.length, 2);
    const cache = await open();
    cache.put(two.hash, encodeEntry(two, two.hash), 2);
    assert.equal(cache.articleCount(two.hash), 2);
    assert.equal(cache.articleCount(FILES[0].hash), undefined);
    await cache.save([...FILES, two]);
    const reopened = await open();
    assert.deepEqual([...FILES, two].map((saved) => reopened.articleCount(saved.hash)), [1, 1, 1, 1, 1, 2]);
    // Given without one, an entry has none, and the others keep theirs through the next save.
    const other = { hash: contentHash('other text'), ...analyseText('other text', []) };
    reopened.put(other.hash, encodeEntry(other, other.hash));
    await reopened.save([FILES[0], two, other]);
    const again = await open();
    assert.deepEqual([FILES[0], two, other].map((saved) => again.articleCount(saved.hash)), [1, 2, undefined]);
    assert.equal(again.articleCount(FILES[1].hash), undefined);
  });

  it('keeps only the entries of the files it is given, and leaves no temporary file behind', async () => {
    const cache = await open();
    await cache.save(FILES);
    await cache.save(FILES.slice(0, 2));
    const reopened = await open();
    assert.deepEqual([...reopened.hashes()].sort(), FILES.slice(0, 2).map((saved) => saved.hash).sort());
    assert.deepEqual(await fs.readdir(path.dirname(file)), ['index-cache.bin']);
  });

  it('removes the temporary file of a server killed while saving, at the next open', async () => {
    await (await open()).save(FILES);
    // No process has a number this high on Linux (at most 2^22), macOS or Windows.
    await fs.writeFile(`${file}.${2 ** 30}.tmp`, 'half a cache');
    assert.equal((await open()).size, FILES.length);
    assert.deepEqual(await fs.readdir(path.dirname(file)), ['index-cache.bin']);
  });

  it('does not write the file again when nothing changed', async () => {
    await (await open()).save(FILES);
    const reopened = await open();
    await reopened.save(FILES);
    await reopened.save([...FILES].reverse());
    assert.equal(logs.filter((line) => line.includes('saved')).length, 1, logs.join('\n'));
    reopened.put(contentHash('new text'), encodeEntry(analyseText('new text', []), contentHash('new text')));
    await reopened.save([...FILES, { hash: contentHash('new text'), ...analyseText('new text', []) }]);
    assert.equal(logs.filter((line) => line.includes('saved')).length, 2, logs.join('\n'));
  });

  for (const [damage, change, reason] of [
    ['a truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100), 'entries run past the end of the file'],
    ['a corrupt', (bytes: Buffer) => Buffer.concat([bytes.subarray(0, bytes.indexOf('"entries":')), Buffer.from('xx'), bytes.subarray(bytes.indexOf('"entries":') + 2)]), 'header is not valid JSON'],
    ['an empty', () => Buffer.alloc(0), 'not an index cache file'],
  ] as const) {
    it(`ignores ${damage} file, says so, and writes a good one at the next save`, async () => {
      await (await open()).save(FILES);
      await fs.writeFile(file, change(await fs.readFile(file)));
      logs = [];
      const cache = await open();
      assert.equal(cache.size, 0);
      assert.equal(logs.length, 1);
      assert.match(logs[0], new RegExp(`^warn: Index cache .*index-cache\\.bin ignored \\(${reason}.*\\); indexing from scratch\\.$`));
      await cache.save(FILES);
      assert.equal((await open()).size, FILES.length);
    });
  }

  it('ignores a file made by other code', async () => {
    await (await open()).save(FILES);
    logs = [];
    const other = await IndexCache.open(file, 'another identity', log);
    assert.equal(other.size, 0);
    assert.deepEqual(logs, [`warn: Index cache ${file} ignored (made by another version of Seed Curator); indexing from scratch.`]);
  });

  it('drops an entry that does not decode, with a log line, and keeps the others', async () => {
    const cache = await open();
    cache.put('not-a-real-hash', Uint8Array.from([0xff, 0x0f, 0x42]));
    await cache.save([...FILES, { ...FILES[0], hash: 'not-a-real-hash' }]);
    let changes = 0;
    const reopened = await open({ changed: () => changes++ });
    logs = [];
    assert.equal(reopened.get('not-a-real-hash'), undefined);
    // Told, so that its owner saves the cache again (with the entry made anew).
    assert.equal(changes, 1);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^warn: Index cache: entry not-a-real-hash ignored/);
    assert.ok(reopened.get(FILES[1].hash));
    assert.equal(reopened.has('not-a-real-hash'), false);
  });

  it('stays within its size limit, leaving files out, and does not read a larger file', async () => {
    // Room for the header and two and a half entries.
    const maxBytes = 1024 + Math.round(2.5 * (encodeEntry(FILES[0], FILES[0].hash).length + FILES[0].hash.length + 16));
    await (await open({ maxBytes })).save(FILES);
    assert.ok((await fs.stat(file)).size <= maxBytes);
    assert.ok(logs.some((line) => /files left out, over the .* limit/.test(line)), logs.join('\n'));
    const reopened = await open({ maxBytes });
    assert.equal(reopened.size, 2);
    logs = [];
    assert.equal((await open({ maxBytes: 100 })).size, 0);
    assert.match(logs[0], /ignored \(larger than the 0\.0 MB limit\)/);
  });

  it('reports a failure to read or write, and goes on', async () => {
    await fs.writeFile(path.join(folder, 'storage'), 'a file where the folder should be');
    const cache = await open();
    await cache.save(FILES);
    assert.equal(logs.length, 2, logs.join('\n'));
    assert.match(logs[0], /^warn: Index cache .*index-cache\.bin could not be read \(.*ENOTDIR.*\); indexing from scratch\.$/);
    assert.match(logs[1], /^warn: Index cache: could not save .*index-cache\.bin \(.*EEXIST.*\)/);
  });

  it('reads an entry from the file when asked for it, from the file it opened even once another replaces it', async () => {
    await (await open()).save(FILES);
    const cache = await open();
    const other = path.join(folder, 'other.bin');
    await fs.writeFile(other, 'not a cache');
    await fs.rename(other, file);
    assert.deepEqual(cache.get(FILES[2].hash)?.articles, FILES[2].articles);
  });

  it('gives back every entry of a file larger than what one read takes, in any order asked, each intact after the reads that follow', async function () {
    // About a second alone; more on a busy machine.
    this.timeout(10_000);
    // 2,000 entries of one to eight articles: megabytes, read ahead a megabyte at a time.
    const many = Array.from({ length: 2000 }, (_, i) => {
      const text = Array.from({ length: 1 + (i % 8) }, (__, j) => article(`Town ${i}-${j}`, `item ${j}`)).join('\n');
      return { hash: contentHash(text), ...analyseText(text, [capitalsAnalysis]) };
    });
    await (await open()).save(many);
    const sizeMB = (await fs.stat(file)).size / 1e6;
    assert.ok(sizeMB > 2, `${sizeMB} MB`);
    const reversed = [...many].reverse();
    const shuffled = many.map((_, i) => many[(i * 7919) % many.length]);
    for (const order of [many, reversed, shuffled]) {
      const cache = await open();
      // All read first: the entries are read into one buffer, again and again (see OpenEntryFile).
      const read = order.map((saved) => cache.get(saved.hash));
      order.forEach((saved, i) => assert.deepEqual(read[i], { articles: saved.articles, boilerplate: saved.boilerplate, analyses: saved.analyses }));
    }
  });

  it('opens a file with a damaged entry whole, and drops that entry, with the reason, when it is read', async () => {
    await (await open()).save(FILES);
    const bytes = await fs.readFile(file);
    const entry = encodeEntry(FILES[2], FILES[2].hash);
    const at = bytes.indexOf(Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength));
    assert.ok(at > 0);
    // One bit, in the middle of the entry's head.
    bytes[at + 8 + Math.floor(Buffer.from(entry).readUInt32LE(0) / 2)] ^= 0x04;
    await fs.writeFile(file, bytes);
    logs = [];
    const cache = await open();
    assert.equal(cache.size, FILES.length);
    assert.deepEqual(logs, []);
    assert.equal(cache.get(FILES[2].hash), undefined);
    assert.deepEqual(logs, [`warn: Index cache: entry ${FILES[2].hash} ignored (checksum mismatch: the entry is damaged).`]);
    for (const saved of [FILES[0], FILES[1], FILES[3], FILES[4]]) {
      assert.deepEqual(cache.get(saved.hash), { articles: saved.articles, boilerplate: saved.boilerplate, analyses: saved.analyses });
    }
  });

  it('refuses an entry given for another text, or with a damaged large result', () => {
    const codes: FileAnalysis<Uint32Array> = { name: 'test.codes', version: '1', analyse: ({ text }) => Uint32Array.from(text, (c) => c.charCodeAt(0)) };
    const index = analyseText(TEXTS[0], [capitalsAnalysis, codes]);
    const entry = Buffer.from(encodeEntry(index, FILES[0].hash));
    assert.deepEqual(decodeEntry(entry, FILES[0].hash).analyses, index.analyses);
    assert.throws(() => decodeEntry(entry, FILES[1].hash), /^Error: checksum mismatch: the entry is damaged$/);
    entry[entry.length - 3] ^= 0x01;
    assert.throws(() => decodeEntry(entry, FILES[0].hash), /^Error: checksum mismatch: the result test\.codes is damaged$/);
  });

  it('drops an entry damaged on disk since the file was checked, and keeps the others', async () => {
    await (await open()).save(FILES);
    const cache = await open();
    const bytes = await fs.readFile(file);
    const entry = encodeEntry(FILES[1], FILES[1].hash);
    const at = bytes.indexOf(Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength));
    assert.ok(at > 0);
    const handle = await fs.open(file, 'r+');
    await handle.write(Buffer.alloc(entry.length, 0xff), 0, entry.length, at);
    await handle.close();
    logs = [];
    assert.equal(cache.get(FILES[1].hash), undefined);
    assert.match(logs[0], new RegExp(`^warn: Index cache: entry ${FILES[1].hash} ignored`));
    assert.equal(cache.has(FILES[1].hash), false);
    assert.ok(cache.get(FILES[0].hash), logs.join("\n"));
  });

  it('sets entries aside in a temporary file past its memory bound, reads them back, and saves them', async () => {
    const cache = await open({ spillBytes: 1 });
    for (const saved of FILES) cache.put(saved.hash, encodeEntry(saved, saved.hash));
    assert.equal(cache.size, FILES.length);
    for (const saved of FILES) assert.deepEqual(cache.get(saved.hash)?.articles, saved.articles);
    await cache.save(FILES);
    const reopened = await open();
    assert.deepEqual([...reopened.hashes()].sort(), FILES.map((saved) => saved.hash).sort());
    assert.deepEqual(reopened.get(FILES[3].hash)?.analyses, FILES[3].analyses);
  });

  it('keeps an entry made once a save has begun for the next save', async () => {
    const cache = await open({ spillBytes: 1 });
    for (const saved of FILES.slice(0, 3)) cache.put(saved.hash, encodeEntry(saved, saved.hash));
    const saving = cache.save(FILES.slice(0, 3));
    // The save begins at once; it is then writing its file, a few reads and writes away from done.
    await new Promise((resolve) => setImmediate(resolve));
    for (const saved of FILES.slice(3)) cache.put(saved.hash, encodeEntry(saved, saved.hash));
    await saving;
    assert.ok(FILES.every((saved) => cache.has(saved.hash)));
    await cache.save(FILES);
    assert.equal((await open()).size, FILES.length);
  });

  it('keeps entries in memory, saying so once, when no temporary file can take them', async () => {
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = path.join(folder, 'no such folder');
    try {
      const cache = await open({ spillBytes: 1 });
      for (const saved of FILES.slice(0, 3)) cache.put(saved.hash, encodeEntry(saved, saved.hash));
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0], /^warn: Index cache: new entries are kept in memory until saved: no temporary file could take them \(.*ENOENT.*\)\.$/);
      assert.deepEqual(cache.get(FILES[1].hash)?.articles, FILES[1].articles);
      await cache.save(FILES);
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    assert.equal((await open()).size, FILES.length);
  });

  it('decodes a large result when it is first read, from its entry read again, or leaves it out once the entry is gone', async () => {
    // Four bytes a character: past what is decoded with the entry.
    const codes: FileAnalysis<Uint32Array> = { name: 'test.codes', version: '1', analyse: ({ text }) => Uint32Array.from(text, (c) => c.charCodeAt(0)) };
    const files = TEXTS.map((text) => ({ hash: contentHash(text), ...analyseText(text, [capitalsAnalysis, codes]) }));
    await (await open()).save(files);
    const cache = await open();
    const [kept, gone] = [cache.get(files[0].hash)!, cache.get(files[4].hash)!];
    const isDecoded = (entry: FileIndex, name: string): boolean => !(entry.analyses[name] instanceof LaterResult);
    assert.ok(isDecoded(kept, capitalsAnalysis.name) && !isDecoded(kept, codes.name));
    // Saved anew without the last file: the first one's entry is read from the new file.
    await cache.save(files.slice(0, 2));
    assert.deepEqual(storedResult(kept.analyses, codes.name), files[0].analyses[codes.name]);
    assert.ok(isDecoded(kept, codes.name));
    assert.equal(storedResult(gone.analyses, codes.name), undefined);
    assert.ok(!Object.hasOwn(gone.analyses, codes.name));
    const file = indexedFile({ uri: 'e', relativePath: 'e.txt', text: TEXTS[4] }, gone, files[4].hash);
    assert.deepEqual(analysisOf(file, codes), files[4].analyses[codes.name]);
    assert.deepEqual(logs.filter((line) => line.startsWith('warn')), []);
  });

  it('decodes typed arrays into memory of their own, not views into the bytes read', () => {
    const bytes = encodeEntry(FILES[0], FILES[0].hash);
    const decoded = decodeEntry(bytes, FILES[0].hash);
    const capitals = decoded.analyses[capitalsAnalysis.name] as Uint32Array;
    assert.deepEqual(capitals, FILES[0].analyses[capitalsAnalysis.name]);
    assert.notEqual(capitals.buffer, bytes.buffer);
    assert.equal(capitals.buffer.byteLength, capitals.byteLength);
  });

  it('keeps nothing when disabled', async () => {
    const cache = IndexCache.disabled(log);
    cache.put(FILES[0].hash, encodeEntry(FILES[0], FILES[0].hash));
    await cache.save(FILES);
    assert.equal(cache.size, 0);
    assert.deepEqual(logs, []);
  });
});
