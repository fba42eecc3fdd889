import * as assert from 'assert';
import fc from 'fast-check';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { fileUrisUnder } from './fileUris';

describe('fileUrisUnder', () => {
  const segment = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9\-._~]{1,12}$/),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((name) => !/[/\\\0]/.test(name)),
    fc.constantFrom('a b', '50%', 'x#y', 'q?', 'c:', "King’s", 'é', '[1]', '+', '@', '!', '~'),
  ).filter((name) => name !== '.' && name !== '..');

  it('gives the URI that URI.file gives, for any file under any folder', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 3 }), fc.array(segment, { minLength: 1, maxLength: 3 }), (rootSegments, fileSegments) => {
        const root = path.posix.join('/', ...rootSegments);
        const relativePath = fileSegments.join('/');
        const filePath = path.posix.join(root, relativePath);
        assert.equal(fileUrisUnder(root)(relativePath, filePath), URI.file(filePath).toString());
      }),
      { numRuns: 2000 },
    );
  });

  it('joins a plain relative path to the folder URI, and encodes any other as URI.file does', () => {
    const uriOf = fileUrisUnder('/data/My Seeds');
    assert.equal(uriOf('a/b-1.txt', '/data/My Seeds/a/b-1.txt'), 'file:///data/My%20Seeds/a/b-1.txt');
    assert.equal(uriOf('King’s Fund.txt', '/data/My Seeds/King’s Fund.txt'), 'file:///data/My%20Seeds/King%E2%80%99s%20Fund.txt');
    assert.equal(fileUrisUnder('/')('x.txt', '/x.txt'), 'file:///x.txt');
  });
});
