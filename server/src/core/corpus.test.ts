import { strict as assert } from 'assert';
import { generateCorpus } from '../../../bench/generate';
import { Corpus, IndexedFile } from './corpus';

/** How many texts `read` decodes from their stored UTF-8 (see storedText.ts). */
function decodesDuring(read: () => void): number {
  const toString = Buffer.prototype.toString;
  let decodes = 0;
  Buffer.prototype.toString = function (this: Buffer, ...args: Parameters<Buffer['toString']>): string {
    if (args[0] === 'utf8') decodes++;
    return toString.apply(this, args);
  } as Buffer['toString'];
  try {
    read();
  } finally {
    Buffer.prototype.toString = toString;
  }
  return decodes;
}

describe('Corpus', () => {
  // Generated articles have curly quotes and dashes: their texts are kept as UTF-8 (see storeText).
  const inputs = generateCorpus({ articles: 20, seed: 3 }).files.map((file) => ({ uri: file.path, relativePath: file.path, text: file.text }));

  it('gives listeners the texts it was given to read, not decoded again, and decodes them once the change is told', () => {
    const corpus = new Corpus();
    let updated: IndexedFile[] = [];
    corpus.onChange((change) => {
      updated = change.updated;
      const decodes = decodesDuring(() => change.updated.forEach((file, i) => assert.equal(file.text, inputs[i].text)));
      assert.equal(decodes, 0);
    });
    corpus.apply(inputs);
    assert.equal(updated.length, inputs.length);
    const decodes = decodesDuring(() => updated.forEach((file, i) => assert.equal(file.text, inputs[i].text)));
    assert.equal(decodes, inputs.length);
  });

  it('lets go of the texts given when a listener throws', () => {
    const corpus = new Corpus();
    corpus.onChange(() => {
      throw new Error('listener failed');
    });
    assert.throws(() => corpus.apply(inputs), /listener failed/);
    const decodes = decodesDuring(() => inputs.forEach((input) => assert.equal(corpus.get(input.uri)?.text, input.text)));
    assert.equal(decodes, inputs.length);
  });
});
