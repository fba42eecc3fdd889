import { strict as assert } from 'assert';
import { Corpus } from '../corpus';
import { OrganisationIndex } from './index';
import { organisationsSection } from './report';
import { readWorkspaceOrganisations } from './workspaceFile';

describe('organisations report', () => {
  it('lists organisations by mentions with 1-based positions, descriptions and file problems', () => {
    const corpus = new Corpus();
    const index = new OrganisationIndex().attach(corpus);
    corpus.apply([
      { uri: 'u1', relativePath: 'b.txt', text: 'Title line\r\n\r\nThe charity Pillar Wellbeing met NHS England.\r\nNHS England agreed.\r\n' },
      { uri: 'u2', relativePath: 'a.txt', text: 'Later, “NHS England’s” plan was out.' },
    ]);
    const text = '{"organisations": [{"name": 3}]}';
    const section = organisationsSection(index, { text, result: readWorkspaceOrganisations(text) });
    const data = section.data as ReturnType<typeof import('./report').organisationsReport>;
    assert.deepEqual(
      data.map((organisation) => [organisation.id, organisation.mentions.length]),
      [['nhs-england', 3], ['pillar-wellbeing', 1]],
    );
    assert.deepEqual(data[0].mentions[0], { path: 'a.txt', line: 1, column: 9, length: 11, text: 'NHS England' });
    assert.deepEqual(data[0].mentions[2], { path: 'b.txt', line: 4, column: 1, length: 11, text: 'NHS England' });
    assert.equal(data[1].description, 'The charity Pillar Wellbeing met NHS England.');
    assert.match(data[0].description ?? '', /leads the NHS in England/);
    assert.deepEqual(section.summary, { organisations: 2, organisationMentions: 4 });
    assert.deepEqual(section.findings, [
      { path: '.seed-curator/organisations.json', line: 1, column: 29, severity: 'error', message: 'organisations.0.name: must be a string.' },
    ]);
  });
});
