import { strict as assert } from 'assert';
import { memoryInUseMB } from '../../../test/memory/collectGarbage';
import { indexFile } from './corpus';
import { Place, ScratchFile } from './scratchFile';
import { keptAt, storeText } from './storedText';
import { contentHash } from './text';
import { promises as fs } from 'fs';
import * as path from 'path';
import { inTemporaryFolder } from './fixtures/temporaryFolder';

describe('storeText', () => {
  it('gives back exactly the text it was given, in every script and with broken surrogates', () => {
    const texts = [
      '',
      'plain ASCII\r\nwith CRLF\n',
      'Latin-1 only: café, naïve, £5',
      'Curly ‘quotes’ — and “dashes” – in English prose\n',
      'Ελληνικά και 中文 και 日本語',
      'emoji 🩺 and combining e\u0301',
      'a lone surrogate \ud800 here',
      'a lone low one \udc00 too ’',
    ];
    const scratch = ScratchFile.create('test');
    for (const text of texts) {
      for (const stored of [storeText(text), storeText(text, scratch)]) {
        assert.equal(stored.read(), text, JSON.stringify(text));
        assert.equal(stored.length, text.length);
      }
    }
    scratch.close();
  });

  it('gives back each text however many others were read in between', () => {
    // More texts than are kept decoded, read in an order that both finds them decoded and decodes them again.
    const texts = Array.from({ length: 40 }, (_, i) => `Text ${i}: the charity’s “report”.`);
    const stored = texts.map((text) => storeText(text));
    for (let i = 0; i < 400; i++) {
      const which = i % 3 === 0 ? (i * 7) % 40 : (i >> 2) % 40;
      assert.equal(stored[which].read(), texts[which]);
    }
  });

  it('keeps a text in memory when its scratch file cannot take it', () => {
    const scratch = ScratchFile.create('test');
    scratch.close();
    const text = 'Kept “here” instead.';
    assert.equal(storeText(text, scratch).read(), text);
  });

  it('keeps texts given a scratch file out of memory', () => {
    const scratch = ScratchFile.create('test');
    const before = memoryInUseMB();
    const texts = Array.from({ length: 20 }, (_, i) => Buffer.from(`${i} The charity’s “report” — in brief. `.repeat(20_000)).toString());
    const withTexts = memoryInUseMB() - before;
    const kept = texts.map((text) => storeText(text, scratch));
    texts.length = 0;
    const grown = memoryInUseMB() - before;
    // 20 texts of about 700,000 characters: 28 MB as two-byte strings; the last few read stay decoded.
    assert.ok(withTexts > 15, `the texts took ${withTexts} MB: the comparison would say nothing`);
    assert.ok(grown < 3, `kept texts take ${grown} MB`);
    assert.equal(kept[7].read().slice(0, 20), '7 The charity’s “rep');
    scratch.close();
  });

  it('keeps English prose with curly quotes in about half the memory of the string', () => {
    const keep = (store: (text: string) => unknown): number => {
      const before = memoryInUseMB();
      // Decoded from bytes, as a file is: `repeat` alone would give a tree sharing its pieces.
      const kept = Array.from({ length: 20 }, (_, i) => store(Buffer.from(`${i} The charity’s “report” — in brief. `.repeat(20_000)).toString()));
      const grown = memoryInUseMB() - before;
      assert.equal(kept.length, 20);
      return grown;
    };
    // A dead temporary that V8 has not let go of yet can hide a measurement: the median of three of each.
    const median = (store: (text: string) => unknown): number => [keep(store), keep(store), keep(store)].sort((a, b) => a - b)[1];
    const asStrings = median((text) => text);
    const compact = median(storeText);
    // 20 texts of about 700,000 characters: 28 MB as two-byte strings, about 16 MB as UTF-8.
    assert.ok(asStrings > 25, `strings took ${asStrings} MB: the comparison would say nothing`);
    assert.ok(compact < asStrings * 0.75, `compact ${compact} MB against ${asStrings} MB`);
  });
});

describe('an indexed file', () => {
  it('reads its text and lines from the compact form', () => {
    const text = 'A “Title” here\r\n\r\nThe body’s first line.\nSecond line.\n';
    const file = indexFile({ uri: 'a.txt', relativePath: 'a.txt', text });
    assert.equal(file.text, text);
    assert.equal(file.lines.length, text.length);
    assert.equal(file.lines.lineText(2), 'The body’s first line.');
    assert.deepEqual(file.lines.positionAt(text.indexOf('Second')), { line: 3, character: 0 });
    assert.equal(file.articles[0].title, 'A “Title” here');
  });

  it('checks a text kept by an earlier session against its hash when first read, else takes the file\'s own if it still has it', async () => {
    await inTemporaryFolder('seed-kept-text-', async (folder) => {
      const scratch = ScratchFile.create('test');
      try {
        const filePath = path.join(folder, 'article.txt');
        const text = 'An article – with a dash\n';
        await fs.writeFile(filePath, text);
        const hash = contentHash(Buffer.from(text));
        const intact = scratch.appendText(text);
        const damaged = scratch.appendText(text.replace('article', 'ARTICLE'));
        const damages: string[] = [];
        const kept = (stored: Place) => keptAt(scratch, { path: filePath, hash, stored, length: text.length }, (path) => damages.push(path));
        assert.equal(kept(intact).read(), text);
        assert.deepEqual(damages, []);
        const fallingBack = kept(damaged);
        assert.equal(fallingBack.read(), text);
        assert.deepEqual(damages, [filePath]);
        await fs.writeFile(filePath, 'changed since');
        // What was read stays the text indexed, though the file changed since.
        assert.equal(fallingBack.read(), text);
        assert.deepEqual(damages, [filePath]);
        assert.throws(() => kept(damaged).read(), /is damaged, and the file has changed since/);
        assert.throws(() => kept({ offset: 1 << 20, length: 4 }).read(), /is damaged/);
      } finally {
        scratch.close();
      }
    });
  });
});
