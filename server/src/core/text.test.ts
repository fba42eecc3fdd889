import { strict as assert } from 'assert';
import { collectGarbage } from '../../../test/memory/collectGarbage';
import { LineIndex, contentHash, decodeUtf8, joinedList, listFromJoined, looksBinary, ownCopy, positionsOf } from './text';

describe('LineIndex', () => {
  it('maps offsets to positions for LF, CRLF and lone CR line ends alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['first', 'second line', '', 'fourth'].join(eol);
      const lines = new LineIndex(text);
      assert.equal(lines.lineCount, 4, JSON.stringify(eol));
      assert.deepEqual(lines.positionAt(text.indexOf('second')), { line: 1, character: 0 });
      assert.deepEqual(lines.positionAt(text.indexOf('line')), { line: 1, character: 7 });
      assert.deepEqual(lines.positionAt(text.indexOf('fourth')), { line: 3, character: 0 });
      assert.equal(lines.lineText(1), 'second line');
      assert.equal(lines.lineText(2), '');
      assert.equal(lines.offsetAt({ line: 3, character: 2 }), text.indexOf('fourth') + 2);
    }
  });

  it('never puts a position inside a CRLF pair or past the text', () => {
    const text = 'ab\r\ncd';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.equal(lines.offsetAt({ line: 0, character: 50 }), 2);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length);
  });

  it('counts columns in UTF-16 code units, as LSP does', () => {
    const text = 'emoji 😀 then';
    assert.deepEqual(new LineIndex(text).positionAt(text.indexOf('then')), { line: 0, character: 9 });
  });

  it('reads its text from a source, each line index once for a source it reads already', () => {
    const text = 'first\nsecond';
    let reads = 0;
    const source = { read: () => (reads++, text) };
    const lines = new LineIndex(text).withSource(source);
    assert.equal(lines.lineText(1), 'second');
    assert.equal(reads, 1);
    assert.equal(lines.withSource(source), lines);
    const other = lines.withSource({ read: () => text.toUpperCase() });
    assert.notEqual(other, lines);
    assert.equal(other.lineText(1), 'SECOND');
  });

  it('finds the lines of a text read from a source when first needed, the same as from the text', () => {
    for (const text of ['', 'one line', 'title\r\n\r\nbody \u2014 text\rlast\n', 'emoji 😀\n\n']) {
      let reads = 0;
      const lines = LineIndex.whenRead(text.length, { read: () => (reads++, text) });
      assert.equal(reads, 0);
      const eager = new LineIndex(text);
      assert.deepEqual(lines.bounds, eager.bounds);
      for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(lines.positionAt(offset), eager.positionAt(offset));
      assert.deepEqual([lines.lineCount, lines.lineText(lines.lineCount - 1), lines.offsetAt({ line: 1, character: 3 })], [eager.lineCount, eager.lineText(eager.lineCount - 1), eager.offsetAt({ line: 1, character: 3 })]);
      assert.equal(reads, 2, 'once for the lines, once for the line asked for');
    }
  });

  it('handles an empty text', () => {
    const lines = new LineIndex('');
    assert.equal(lines.lineCount, 1);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
  });
});

describe('decoding', () => {
  it('drops a UTF-8 BOM so that columns match the editor', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Title\n')]);
    assert.deepEqual(decodeUtf8(bytes), { text: 'Title\n', invalidUtf8: false });
  });

  it('replaces invalid UTF-8 bytes and says so', () => {
    const bytes = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]); // "Café" in Latin-1
    const decoded = decodeUtf8(bytes);
    assert.equal(decoded.invalidUtf8, true);
    assert.equal(decoded.text, 'Caf\ufffd\n');
  });

  it('recognises binary content by its NUL bytes', () => {
    assert.equal(looksBinary(Buffer.from('plain text\n')), false);
    assert.equal(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), true);
  });

  it('hashes different texts differently and equal texts equally', () => {
    assert.equal(contentHash('abc'), contentHash('abc'));
    assert.notEqual(contentHash('abc'), contentHash('abd'));
  });
});

/** Heap kept alive by keeping one 20-character word of each of 20 texts of 2 MB. */
function heapKeptByWords(keep: (word: string) => string): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 20; i++) {
    const fileText = `${String(i).padStart(4, '0')} `.repeat(400_000) + 'x'.repeat(i);
    kept.push(keep(fileText.slice(1_000, 1_020)));
  }
  collectGarbage();
  const grown = process.memoryUsage().heapUsed - before;
  assert.equal(kept.length, 20);
  return grown / 1e6;
}

describe('ownCopy', () => {
  it('is the same text', () => {
    const text = 'Care Quality Commission said on Tuesday';
    assert.equal(ownCopy(text.slice(0, 23)), 'Care Quality Commission');
    assert.equal(ownCopy(''), '');
  });

  it('lets the text it was cut from be collected, where a plain slice keeps it alive', () => {
    // 20 texts of 2 MB (one byte a character): a plain slice keeps about 40 MB.
    assert.ok(heapKeptByWords((word) => word) > 30, 'the plain slices should keep their texts: the check is void otherwise');
    assert.ok(heapKeptByWords(ownCopy) < 5);
  });
});

describe('lists kept as one string', () => {
  it('gives back the list joined, line breaks in its items included, and none for an empty string', () => {
    for (const list of [[], ['/w/a.txt'], ['/w/a.txt', '/w/b\n.txt', 'file:///c%20d.txt', '']]) assert.deepEqual(listFromJoined(joinedList(list)), list);
  });
});

describe('positions of the items of a list', () => {
  it('gives each item its index, the last when it comes twice, and leaves out the holes', () => {
    assert.deepEqual([...positionsOf(['a', undefined, 'b', 'a', 'c'])], [['a', 3], ['b', 2], ['c', 4]]);
    assert.equal(positionsOf([]).size, 0);
  });
});
