/**
 * The `seed` TextMate grammar, run through the same engine VS Code uses (vscode-textmate
 * with the Oniguruma WebAssembly build). Not an LSP test; it lives here because test/lsp
 * is where mocha looks for tests outside server/src.
 */
import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import { IGrammar, INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';
import { GRAMMAR_PATH, grammarJson } from '../../syntaxes/grammar';

interface Token {
  start: number;
  end: number;
  scopes: string[];
}

async function loadGrammar(): Promise<IGrammar> {
  const wasm = await fs.readFile(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new OnigScanner(patterns),
      createOnigString: (text) => new OnigString(text),
    }),
    loadGrammar: async () => parseRawGrammar(await fs.readFile(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH),
  });
  const grammar = await registry.loadGrammar('text.seed');
  if (!grammar) throw new Error('text.seed did not load');
  return grammar;
}

/** The document's lines, each tokenised with the state the previous line left, as in the editor. */
class Tokenised {
  readonly lines: string[];
  private readonly tokens: Token[][];

  constructor(grammar: IGrammar, text: string) {
    this.lines = text.split('\n');
    let state = INITIAL;
    this.tokens = this.lines.map((line) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      return result.tokens.map((t) => ({ start: t.startIndex, end: t.endIndex, scopes: t.scopes }));
    });
  }

  /** The scopes every character of `fragment` has, on the only line that contains `onLineWith`. */
  scopesOf(fragment: string, onLineWith = fragment): string[] {
    const lineNumbers = this.lines.flatMap((line, i) => (line.includes(onLineWith) ? [i] : []));
    assert.equal(lineNumbers.length, 1, `"${onLineWith}" should be on exactly one line`);
    const line = lineNumbers[0];
    const start = this.lines[line].indexOf(fragment);
    const end = start + fragment.length;
    const covering = this.tokens[line].filter((t) => t.start < end && t.end > start);
    return covering[0].scopes.filter((scope) => covering.every((t) => t.scopes.includes(scope)));
  }

  /** Every scope given to any part of the line holding `fragment`. */
  lineScopes(fragment: string): Set<string> {
    const line = this.lines.findIndex((l) => l.includes(fragment));
    assert.notEqual(line, -1, `"${fragment}" not found`);
    return new Set(this.tokens[line].flatMap((t) => t.scopes));
  }
}

const DOCUMENT = [
  'Waiting lists: what the figures leave out',
  '',
  'By Rosa Lindqvist',
  '',
  'The Care Quality Commission (CQC) said on 4 June 2024 that NHS trusts and ICBs had improved, as NHSE/I hoped.',
  '',
  'Beds, staff and money',
  '',
  'Ministers said the plan was “on track” while the unions called it "a fantasy".',
  '',
  '  • more community nurses for the ICS',
  '  • fewer delayed discharges',
  '',
  'Does integration save money?',
  '',
  'Lena Ortiz | 13 March 2024',
  '',
  'Amir Haddad writing at the Example Policy Unit: the short answer is not yet.',
  'A Line Shaped Like A Heading But Right Under Prose',
  '',
  'This paragraph is ordinary prose about care homes and hospital discharges on a Tuesday, as I think most of the WORKFORCE plan was.',
  '',
  'A paragraph wrapped at seventy columns leaves the first line of the',
  'paragraph without a full stop: only its last word tells it from a title.',
  '',
  'A short sentence that ends with a full stop.',
  '',
  'Previous',
  'Next',
  '',
  'Another article people read',
  '',
  'Enquire about this article',
].join('\n');

const SPECIAL_SCOPES = [
  'markup.heading.seed',
  'entity.name.section.seed',
  'meta.byline.seed',
  'constant.other.date.seed',
  'markup.list.unnumbered.seed',
  'punctuation.definition.list.begin.seed',
  'string.quoted.double.seed',
  'constant.language.acronym.seed',
  'comment.line.boilerplate.seed',
];

describe('seed TextMate grammar', () => {
  let doc: Tokenised;
  before(async () => {
    doc = new Tokenised(await loadGrammar(), DOCUMENT);
  });

  it('is the JSON that syntaxes/grammar.ts builds (run `npm run grammar` after editing it)', async () => {
    assert.equal(await fs.readFile(GRAMMAR_PATH, 'utf8'), grammarJson());
  });

  it('colours titles at the start of the file, after a blank line and ending with "?"', () => {
    for (const title of ['Waiting lists: what the figures leave out', 'Beds, staff and money', 'Does integration save money?']) {
      const scopes = doc.scopesOf(title);
      assert.ok(scopes.includes('markup.heading.seed'), title);
      assert.ok(scopes.includes('entity.name.section.seed'), title);
    }
  });

  it('does not take a heading-shaped line right under prose, or a short sentence, for a title', () => {
    assert.ok(!doc.lineScopes('A Line Shaped Like A Heading').has('markup.heading.seed'));
    assert.ok(!doc.lineScopes('A short sentence that ends').has('markup.heading.seed'));
  });

  it('does not take the first line of a wrapped paragraph ending in a word like "the" for a title', () => {
    // A wrapped line ending in any other word does look like a title: TextMate cannot see
    // that no blank line follows it.
    assert.ok(!doc.lineScopes('A paragraph wrapped at seventy').has('markup.heading.seed'));
  });

  it('colours bylines, dated bylines, inline "writing at" bylines and dates', () => {
    assert.ok(doc.scopesOf('By Rosa Lindqvist').includes('meta.byline.seed'));
    assert.ok(doc.scopesOf('Lena Ortiz | ').includes('meta.byline.seed'));
    assert.deepEqual(doc.scopesOf('13 March 2024').slice(-2), ['meta.byline.seed', 'constant.other.date.seed']);
    assert.ok(doc.scopesOf('Amir Haddad writing at the Example Policy Unit').includes('meta.byline.seed'));
    assert.ok(!doc.scopesOf('the short answer').includes('meta.byline.seed'));
    assert.ok(doc.scopesOf('4 June 2024').includes('constant.other.date.seed'));
    assert.ok(!doc.lineScopes('By Rosa Lindqvist').has('markup.heading.seed'));
  });

  it('colours bullets and their markers', () => {
    assert.ok(doc.scopesOf('•', 'more community nurses').includes('punctuation.definition.list.begin.seed'));
    assert.ok(!doc.scopesOf('more community nurses').includes('punctuation.definition.list.begin.seed'));
    assert.ok(doc.scopesOf('fewer delayed discharges').includes('markup.list.unnumbered.seed'));
  });

  it('colours quoted speech in curly and straight double quotes', () => {
    assert.ok(doc.scopesOf('“on track”').includes('string.quoted.double.seed'));
    assert.ok(doc.scopesOf('"a fantasy"').includes('string.quoted.double.seed'));
    assert.ok(!doc.scopesOf('while the unions called it').includes('string.quoted.double.seed'));
  });

  it('colours acronyms of two to six capitals, with a plural s or /I, and nothing else', () => {
    for (const acronym of ['CQC', 'NHS', 'ICBs', 'NHSE/I', 'ICS']) {
      assert.ok(doc.scopesOf(acronym).includes('constant.language.acronym.seed'), acronym);
    }
    for (const word of ['Tuesday', ' I think', 'WORKFORCE', 'Care Quality Commission']) {
      assert.ok(!doc.scopesOf(word).includes('constant.language.acronym.seed'), word);
    }
  });

  it('marks navigation lines and the link titles between them as boilerplate', () => {
    for (const line of ['Previous', 'Next', 'Another article people read', 'Enquire about this article']) {
      assert.deepEqual(doc.scopesOf(line), ['text.seed', 'comment.line.boilerplate.seed'], line);
    }
  });

  it('leaves ordinary prose alone', () => {
    for (const line of ['This paragraph is ordinary prose', 'paragraph without a full stop', 'A short sentence']) {
      const special = [...doc.lineScopes(line)].filter((scope) => SPECIAL_SCOPES.includes(scope));
      assert.deepEqual(special, [], line);
    }
  });
});
