import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpus } from '../core/corpus';
import { DuplicateIndex } from '../core/duplicates/engine';
import { defaultSettings } from '../settings';
import { duplicateActions, removalRange } from './actions';
import { duplicateDiagnostics } from './diagnostics';

const fixtures = join(__dirname, '../../../test/fixtures/duplicates');
const article = (name: string): string => readFileSync(join(fixtures, `${name}.txt`), 'utf8').trimEnd();
const harbour = article('harbour');
const orchard = article('orchard');
const library = article('library');

function indexed(files: Record<string, string>, version?: number) {
  const corpus = new Corpus();
  const index = new DuplicateIndex();
  corpus.onChange((change) => index.update(change));
  corpus.apply(Object.entries(files).map(([uri, text]) => ({ uri, relativePath: uri, text, version })));
  return { corpus, index };
}

function removeCopy(files: Record<string, string>, uri: string, copy = 0): string {
  const { corpus, index } = indexed(files);
  const file = corpus.get(uri)!;
  const passage = index.groupsIn(uri)[0].passages.filter((p) => p.uri === uri)[copy];
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, file.text), [{ range: removalRange(file, passage), newText: '' }]);
}

describe('duplicate diagnostics and actions', () => {
  it('describes each copy with its words and the other places, "this file" for the same file', () => {
    const paragraph = orchard.split('\n\n')[1];
    const { index } = indexed({ 'a.txt': `${harbour}\n\n${paragraph}\n`, 'b.txt': `${paragraph}\n\n${library}\n\n${paragraph}\n` });
    const diagnostics = duplicateDiagnostics('b.txt', index.groupsIn('b.txt'), defaultSettings.duplicates);
    const words = index.groups()[0].words;
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      [
        `Duplicated passage (${words} words, exact): also in a.txt:9 and 1 more.`,
        `Duplicated passage (${words} words, exact): also in a.txt:9 and 1 more.`,
      ],
    );
    assert.deepEqual(diagnostics[0].relatedInformation?.map((r) => r.message), [`Copy in a.txt:9 (${words} words)`, `Copy in this file:11 (${words} words)`]);
    const capped = duplicateDiagnostics('b.txt', index.groupsIn('b.txt'), { ...defaultSettings.duplicates, maxPerFile: 1, severity: 'warning' });
    assert.equal(capped.length, 1);
    assert.equal(capped[0].severity, 2);
  });

  it('removes a copy with the blank lines after it, leaving the text around it intact', () => {
    const b = `${library}\n\n${harbour}\n\n${orchard}\n`;
    assert.equal(removeCopy({ 'a.txt': harbour, 'b.txt': b }, 'b.txt'), `${library}\n\n${orchard}\n`);
  });

  it('removes a copy at the end of a file with the blank lines before it, keeping the final line break', () => {
    assert.equal(removeCopy({ 'a.txt': harbour, 'b.txt': `${library}\n\n\n${harbour}\n` }, 'b.txt'), `${library}\n`);
  });

  it('removes a copy that shares its lines with other text, and only it', () => {
    const sentence = harbour.split('\n\n')[1];
    const b = `Before it: ${sentence} And after it.\n`;
    assert.equal(removeCopy({ 'a.txt': harbour, 'b.txt': b }, 'b.txt'), 'Before it: And after it.\n');
  });

  it('offers Remove this copy only while the index has the open document’s version', () => {
    const { corpus, index } = indexed({ 'a.txt': harbour, 'b.txt': `${library}\n\n${harbour}\n` }, 3);
    const [diagnostic] = duplicateDiagnostics('b.txt', index.groupsIn('b.txt'), defaultSettings.duplicates);
    const byId = (id: string) => index.groups().find((g) => g.id === id);
    const current = duplicateActions([diagnostic], { file: corpus.get('b.txt')!, documentVersion: 3, groupById: byId });
    assert.deepEqual(current.map((a) => [a.title, a.disabled === undefined]), [
      ['Remove this copy', true],
      ['Go to other copy: a.txt:1–7', true],
      ['Ignore this passage (everywhere)', true],
    ]);
    const stale = duplicateActions([diagnostic], { file: corpus.get('b.txt')!, documentVersion: 4, groupById: byId });
    assert.match(stale[0].disabled?.reason ?? '', /changed since/);
    const gone = duplicateActions([diagnostic], { file: corpus.get('b.txt')!, documentVersion: 3, groupById: () => undefined });
    assert.deepEqual(gone.map((a) => a.title), ['Remove this copy']);
    assert.ok(gone[0].disabled);
  });
});
