import { strict as assert } from 'assert';
import { CheckedJson, checkJson, rejectedItems } from './jsonFile';

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    items: {
      type: 'array',
      items: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, size: { type: 'integer' } } },
    },
  },
};

/** Each problem as "message @the text it underlines". */
const shown = (text: string, checked: CheckedJson): string[] =>
  checked.problems.map((problem) => `${problem.message} @${text.slice(problem.start, problem.end)}`).sort();

/** The parser's objects have no prototype; compare their content. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('workspace JSON files', () => {
  it('accepts a valid file with comments and trailing commas', () => {
    const text = '{\n  // ours\n  "version": 1,\n  "items": [{"name": "a"},],\n}';
    const checked = checkJson(text, schema);
    assert.deepEqual(checked.problems, []);
    assert.deepEqual(plain(checked.value), { version: 1, items: [{ name: 'a' }] });
  });

  it('reports each schema mistake at its place, and where the rejected values are', () => {
    const text = '{"version": 2, "items": [{"name": "a"}, {"size": 1.5}, {"name": ""}], "colour": "red"}';
    const checked = checkJson(text, schema);
    assert.deepEqual(shown(text, checked), [
      'The file: unknown property "colour". @"colour"',
      'items.1.size: must be an integer. @1.5',
      'items.1: missing property "name". @{"size": 1.5}',
      'items.2.name: must not be empty. @""',
      'version: must be 1. @2',
    ]);
    assert.deepEqual([...rejectedItems(checked, ['items'])].sort(), [1, 2]);
  });

  it('reports syntax errors with their offsets and keeps what could be read', () => {
    const text = '{"items": [{"name": "a"} {"name": "b"}]';
    const checked = checkJson(text, schema);
    assert.deepEqual(shown(text, checked), ['JSON syntax: CloseBraceExpected @', 'JSON syntax: CommaExpected @{']);
    assert.deepEqual(plain(checked.value), { items: [{ name: 'a' }, { name: 'b' }] });
  });

  it('says what is wrong with an if/then branch, not that the branch failed', () => {
    const either = {
      if: { type: 'array' },
      then: { type: 'array', items: { type: 'string' } },
      else: { type: 'object', required: ['list'] },
    };
    assert.deepEqual(shown('[1]', checkJson('[1]', either)), ['0: must be a string. @1']);
    assert.deepEqual(shown('{}', checkJson('{}', either)), ['The file: missing property "list". @{}']);
  });

  it('takes an empty or blank file for no file, and never throws on garbage', () => {
    assert.deepEqual(checkJson(' \n', schema), { value: undefined, problems: [], rejected: [] });
    for (const text of ['\u0000', 'not json', '[', '}}}', '"unterminated']) {
      const { problems } = checkJson(text, schema);
      assert.ok(problems.length > 0, text);
      for (const problem of problems) assert.ok(problem.start >= 0 && problem.end > problem.start && problem.end <= text.length + 1, text);
    }
  });

  it('uses the caller’s words for a keyword', () => {
    const pattern = { type: 'string', pattern: '^[a-z]+$' };
    assert.deepEqual(checkJson('"A1"', pattern, { pattern: 'must be lower-case letters.' }).problems.map((p) => p.message), [
      'The file: must be lower-case letters.',
    ]);
  });
});
