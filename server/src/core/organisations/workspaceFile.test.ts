import { strict as assert } from 'assert';
import Ajv from 'ajv';
import gazetteer from './gazetteer.json';
import schema from './organisations.schema.json';
import { nameKey } from './names';
import { readWorkspaceOrganisations } from './workspaceFile';

describe('workspace organisations file', () => {
  it('reads organisations and ignored names, making ids from names', () => {
    const { file, problems } = readWorkspaceOrganisations(
      '{ // ours\n "organisations": [{"name": "Pillar Wellbeing", "aliases": ["PW"], "description": "A charity."}], "ignore": ["Hate Crime"], }',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(file, {
      organisations: [{ id: 'pillar-wellbeing', name: 'Pillar Wellbeing', aliases: ['PW'], description: 'A charity.' }],
      ignore: ['Hate Crime'],
    });
  });

  it('reports schema mistakes at their place and keeps the good entries', () => {
    const text = '{"organisations": [{"name": "Good One"}, {"aliases": "X", "colour": 1}], "ignore": [3]}';
    const { file, problems } = readWorkspaceOrganisations(text);
    assert.deepEqual(file.organisations.map((entry) => entry.name), ['Good One']);
    const found = problems.map((problem) => `${problem.message} @${text.slice(problem.start, problem.end)}`).sort();
    assert.deepEqual(found, [
      'ignore.0: must be a string. @3',
      'organisations.1.aliases: must be an array. @"X"',
      'organisations.1: missing property "name". @{"aliases": "X", "colour": 1}',
      'organisations.1: unknown property "colour". @"colour"',
    ]);
  });

  it('reports syntax errors with offsets instead of throwing', () => {
    for (const text of ['{"organisations": [', 'not json', '{"organisations": [{"name": "A"}]]', '\u0000']) {
      const { problems } = readWorkspaceOrganisations(text);
      assert.ok(problems.length > 0, text);
      for (const problem of problems) assert.ok(problem.start >= 0 && problem.end <= text.length + 1 && problem.end > problem.start, text);
    }
    assert.deepEqual(readWorkspaceOrganisations('   ').problems, []);
    assert.equal(readWorkspaceOrganisations('[1, 2]').problems[0].message, 'The file: must be an object.');
  });

  it('ships a gazetteer that follows the schema, with unique ids and names', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(gazetteer), JSON.stringify(validate.errors));
    const owners = new Map<string, string>();
    for (const entry of gazetteer.organisations) {
      for (const name of [entry.name, ...entry.aliases]) {
        const key = nameKey(name);
        assert.ok(!owners.has(key) || owners.get(key) === entry.id, `${name} belongs to ${owners.get(key)} and ${entry.id}`);
        owners.set(key, entry.id);
      }
      assert.ok(entry.description.length > 0, entry.id);
    }
    assert.equal(new Set(gazetteer.organisations.map((entry) => entry.id)).size, gazetteer.organisations.length);
  });
});
