import { strict as assert } from 'assert';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { IGNORE_FILE, addIgnoredPassages, parseIgnoreList, readIgnoreList } from './ignore-list';
import { temporaryFolder } from '../fixtures/temporaryFolder';

describe('ignore list of duplicated passages', () => {
  const folder = temporaryFolder('seed-ignore-list-', 'each');
  const write = (text: string): void => {
    mkdirSync(path.join(folder(), '.seed-curator'), { recursive: true });
    writeFileSync(path.join(folder(), IGNORE_FILE), text);
  };

  it('is empty, with no problem, when the folder has none', () => {
    assert.deepEqual(readIgnoreList(folder()), { text: undefined, passages: [], problems: [] });
  });

  it('keeps the well-formed entries of a list with mistakes, and places each mistake', () => {
    const text = '{"version": 1, "passages": [{"fingerprint": "f1", "words": 30, "preview": "Harbour"}, {"words": 2}, {"fingerprint": "f3", "words": "many"}]}';
    const { passages, problems } = parseIgnoreList(text);
    assert.deepEqual(passages, [{ fingerprint: 'f1', words: 30, preview: 'Harbour' }]);
    assert.deepEqual(problems.map((p) => `${p.message} @${text.slice(p.start, p.end)}`).sort(), [
      'passages.1: missing property "fingerprint". @{"words": 2}',
      'passages.2.words: must be an integer. @"many"',
    ]);
  });

  it('adds passages to a missing or valid list, once each', () => {
    addIgnoredPassages(folder(), [{ fingerprint: 'f1', words: 30, preview: 'Harbour lights' }]);
    addIgnoredPassages(folder(), [{ fingerprint: 'f1', words: 30, preview: 'Harbour lights' }, { fingerprint: 'f2', words: 40, preview: '' }]);
    const list = readIgnoreList(folder());
    assert.deepEqual(list.problems, []);
    assert.deepEqual(list.passages.map((p) => p.fingerprint), ['f1', 'f2']);
  });

  it('refuses to rewrite a list with mistakes, leaving the file as its author wrote it', () => {
    const broken = '{"passages": [{"fingerprint": "f1"},, ]';
    write(broken);
    assert.throws(() => addIgnoredPassages(folder(), [{ fingerprint: 'f2', words: 40, preview: '' }]), /has mistakes; fix them first/);
    assert.equal(readFileSync(path.join(folder(), IGNORE_FILE), 'utf8'), broken);
  });
});
