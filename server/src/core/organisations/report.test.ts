import { strict as assert } from 'assert';
import { Corpus } from '../corpus';
import { OrganisationIndex } from './index';
import { organisationsSection } from './report';

describe('organisations report section', () => {
  it('names a file the recogniser failed on as a warning, and reports the others', () => {
    const corpus = new Corpus();
    corpus.apply([
      { uri: 'a', relativePath: 'a.txt', text: 'Plans\n\nNHS England said so.\n' },
      { uri: 'b', relativePath: 'b.txt', text: 'More plans\n\nThe Care Quality Commission agreed.\n' },
    ]);
    const unreadable = { ...corpus.get('b')! };
    Object.defineProperty(unreadable, 'text', { get: () => { throw new Error('disk error'); } });
    const index = new OrganisationIndex();
    index.update({ updated: [corpus.get('a')!, unreadable], removed: [] });
    const section = organisationsSection(index);
    assert.deepEqual(section.findings, [{ path: 'b.txt', line: 1, column: 1, severity: 'warning', message: 'organisations not recognised in this file (disk error)' }]);
    assert.deepEqual(section.summary, { organisations: 1, organisationMentions: 1 });
  });
});
