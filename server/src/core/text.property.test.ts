import { strict as assert } from 'assert';
import fc from 'fast-check';
import { LINE_BREAKS, anyBytes, anyDocument, anyLines } from '../../../test/property/adversarialText';
import { LineIndex, decodeUtf8, looksBinary } from './text';

const BOM = '\ufeff';

/** Line breaks as LineIndex defines them, found by a regex rather than its own loop. */
function lineBreaksOf(text: string): string[] {
  return text.match(/\r\n|\r|\n/g) ?? [];
}

describe('LineIndex (properties)', () => {
  it('cuts the text into lines that, with their breaks, give the text back', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const lines = new LineIndex(text);
        const breaks = lineBreaksOf(text);
        assert.equal(lines.lineCount, breaks.length + 1);
        let rebuilt = '';
        for (let line = 0; line < lines.lineCount; line++) {
          const lineText = lines.lineText(line);
          assert.ok(!/[\r\n]/.test(lineText));
          assert.ok(lines.lineStart(line) <= lines.lineEnd(line));
          if (line > 0) assert.ok(lines.lineStart(line) > lines.lineStart(line - 1));
          rebuilt += lineText + (breaks[line] ?? '');
        }
        assert.equal(rebuilt, text);
      }),
    );
  });

  it('maps every offset to a position inside its line, and back', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const lines = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const position = lines.positionAt(offset);
          assert.ok(position.line >= 0 && position.line < lines.lineCount);
          const lineLength = lines.lineEnd(position.line) - lines.lineStart(position.line);
          assert.ok(position.character >= 0 && position.character <= lineLength);
          // An offset inside a line break ("\r|\n") maps to the end of its line.
          assert.equal(lines.offsetAt(position), Math.min(offset, lines.lineEnd(position.line)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('clamps out-of-range offsets and positions into the text', () => {
    const anyInt = fc.integer({ min: -5, max: 10_000 });
    fc.assert(
      fc.property(anyDocument, anyInt, anyInt, anyInt, (text, offset, line, character) => {
        const lines = new LineIndex(text);
        const position = lines.positionAt(offset);
        assert.ok(position.line < lines.lineCount && position.character >= 0);
        const back = lines.offsetAt({ line, character });
        assert.ok(back >= 0 && back <= text.length);
        assert.equal(lines.lineText(line).length, lines.lineEnd(line) - lines.lineStart(line));
      }),
    );
  });

  it('gives the same lines whichever line break joins them', () => {
    fc.assert(
      fc.property(anyLines, (lineTexts) => {
        const [lf, ...others] = LINE_BREAKS.map((lineBreak) => new LineIndex(lineTexts.join(lineBreak)));
        for (const other of others) {
          assert.equal(other.lineCount, lf.lineCount);
          for (let line = 0; line < lf.lineCount; line++) assert.equal(other.lineText(line), lf.lineText(line));
        }
      }),
    );
  });
});

describe('decodeUtf8 and looksBinary (properties)', () => {
  it('gives back any text encoded as UTF-8, without its BOM, and says nothing was replaced', () => {
    fc.assert(
      fc.property(anyDocument, fc.boolean(), (text, withBom) => {
        // Encoding replaces lone surrogates by U+FFFD: compare with what was really encoded.
        const encoded = Buffer.from((withBom ? BOM : '') + text, 'utf8');
        const expected = encoded.toString('utf8').replace(/^\ufeff/, '');
        assert.deepEqual(decodeUtf8(encoded), { text: expected, invalidUtf8: false });
      }),
    );
  });

  it('decodes any bytes without throwing, and flags exactly the invalid ones', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const { text, invalidUtf8 } = decodeUtf8(bytes);
        assert.equal(typeof text, 'string');
        // The decoded text is well-formed: no lone surrogates reach the index.
        assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text));
        const withoutBom = Buffer.from(bytes).subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
        assert.equal(invalidUtf8, !Buffer.from(text, 'utf8').equals(withoutBom));
        if (invalidUtf8) assert.ok(text.includes('\ufffd'));
      }),
    );
  });

  it('calls bytes binary exactly when a NUL byte is among the first 64 KB', () => {
    fc.assert(
      fc.property(anyBytes, fc.integer({ min: 0, max: 70 * 1024 }), (bytes, padding) => {
        assert.equal(looksBinary(bytes), bytes.includes(0));
        const padded = new Uint8Array(padding + bytes.length);
        padded.fill(0x61, 0, padding);
        padded.set(bytes, padding);
        assert.equal(looksBinary(padded), padded.subarray(0, 64 * 1024).includes(0));
      }),
      { numRuns: 50 },
    );
  });
});

describe('LineIndex (regressions found by the properties above)', () => {
  it('clamps a negative line instead of answering NaN', () => {
    const lines = new LineIndex('ab\ncd');
    assert.equal(lines.lineEnd(-1), 2);
    assert.equal(lines.offsetAt({ line: -1, character: 1 }), 1);
    assert.equal(lines.lineText(-1), 'ab');
  });
});
