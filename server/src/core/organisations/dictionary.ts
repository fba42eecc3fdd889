/**
 * A trie of organisation names over token keys, matched longest-first. Capitalisation is
 * part of a name: "Care Quality Commission" needs its capitals and "NICE" must be written
 * "NICE", while connectors ("of", "and") match in any case. A final "'s" is a possessive
 * and stays outside the mention: "Sue Ryder's" mentions "Sue Ryder". A comma is part of a
 * name that has one there ("Department for Environment, Food and Rural Affairs"), and ends
 * any other ("NHS England, the regulator").
 */
import { grown } from '../typedArrays';
import { nameKey, nameWords } from './names';
import type { TokenisedText } from './tokenisedText';
import { numberOfKey } from './tokens';

/** exact: as spelled ("NICE", "GPhC"); cap: capitalised; any: a connector, any case. */
type CaseRule = 'exact' | 'cap' | 'any';

interface Spelling {
  id: string;
  rules: CaseRule[];
  texts: string[];
  /** By word: whether the name has a comma before it. */
  afterComma: boolean[];
  /** A one-word name that is also a common word ("Mind", "Reform"). */
  ambiguous: boolean;
}

interface Node {
  /** Undefined where no longer name goes on: most nodes, and an empty Map each took more than the rest of the node. */
  children?: Map<string, Node>;
  /** The spellings with these words ("Unison" and "UNISON"); the first that fits wins. */
  spellings?: Spelling[];
}

export interface NameMatch {
  id: string;
  /** Offsets of the mention in the text; end excludes a possessive "'s". */
  start: number;
  end: number;
  /** Index of the first token after the match. */
  next: number;
}

export class NameDictionary {
  private readonly root: Node = {};
  /** Name key (see nameKey) -> id, for whole-name lookups. */
  private readonly byKey = new Map<string, string>();
  /**
   * By number in the table of keys (see Tokens.keyNumber): 1 for the first word of a name.
   * Most capitalised words start no name, and this tells so without a lookup by key in the
   * root's Map (a token whose key has no number is looked up there).
   */
  private firstWords = new Uint8Array(0);

  /** Adds one spelling of an organisation's name; a spelling with the same words and case is replaced. */
  add(name: string, id: string, ambiguous = false): void {
    const words = nameWords(name);
    if (words.length === 0) return;
    this.addFirstWord(words[0].key);
    let node = this.root;
    for (const { key } of words) {
      node.children ??= new Map();
      let child = node.children.get(key);
      if (!child) {
        child = {};
        node.children.set(key, child);
      }
      node = child;
    }
    this.byKey.set(words.map((word) => word.key).join(' '), id);
    const spelling: Spelling = {
      id,
      rules: words.map((word) => caseRule(word.text)),
      texts: words.map((word) => word.text),
      afterComma: words.map((word) => word.afterComma),
      ambiguous: ambiguous && words.length === 1,
    };
    const same = (other: Spelling): boolean => other.texts.join(' ') === spelling.texts.join(' ');
    node.spellings = [...(node.spellings ?? []).filter((other) => !same(other)), spelling];
  }

  private addFirstWord(key: string): void {
    const number = numberOfKey(key);
    if (number < 0) return;
    if (number >= this.firstWords.length) this.firstWords = grown(this.firstWords, number + 1);
    this.firstWords[number] = 1;
  }

  /** Whether a name starts with the token's key (its possessive "'s" aside: see match). */
  private startsName(text: TokenisedText, index: number): boolean {
    const { tokens } = text;
    const number = tokens.keyNumber(index);
    if (number >= 0 ? this.firstWords[number] === 1 : this.root.children?.has(tokens.key(index))) return true;
    return tokens.possessiveAt(index) >= 0 && this.root.children?.has(tokens.possessiveKey(index)) === true;
  }

  /** The id of the name with exactly these words, if any. */
  lookup(name: string): string | undefined {
    return this.byKey.get(nameKey(name));
  }

  /** The same for a name key (see nameKey). */
  lookupKey(key: string): string | undefined {
    return this.byKey.get(key);
  }

  /** The longest name that starts at token `index` and stays on its line. */
  match(text: TokenisedText, index: number): NameMatch | undefined {
    const { tokens } = text;
    if (!tokens.isWord(index)) return undefined;
    // Most capitalised words start no name: the first word tells, before anything else is read.
    if (!this.startsName(text, index)) return undefined;
    const line = tokens.line(index);
    let node: Node | undefined = this.root;
    let best: NameMatch | undefined;
    for (let i = index; i < tokens.length && node; i++) {
      if (tokens.line(i) !== line) break;
      // Walked over: whether a name may hold a comma here is its spelling's to say (see fits).
      if (tokens.is(i, ',')) continue;
      const possessiveAt = tokens.possessiveAt(i);
      if (possessiveAt >= 0) {
        const spelling = firstFitting(node.children?.get(tokens.possessiveKey(i)), text, index, i, possessiveAt);
        if (spelling) best = { id: spelling.id, start: tokens.start(index), end: possessiveAt, next: i + 1 };
      }
      node = node.children?.get(tokens.key(i));
      const spelling = firstFitting(node, text, index, i, tokens.end(i));
      if (spelling) best = { id: spelling.id, start: tokens.start(index), end: tokens.end(i), next: i + 1 };
    }
    return best;
  }
}

/** The first of a node's spellings that tokens `from`..`last` are written as (a loop: a closure per token would be garbage). */
function firstFitting(node: Node | undefined, text: TokenisedText, from: number, last: number, lastEnd: number): Spelling | undefined {
  const spellings = node?.spellings;
  if (!spellings) return undefined;
  for (const spelling of spellings) if (fits(spelling, text, from, last, lastEnd)) return spelling;
  return undefined;
}

/** Whether tokens `from`..`last` (the last one ending at `lastEnd`) are written as the spelling requires. */
function fits(spelling: Spelling, text: TokenisedText, from: number, last: number, lastEnd: number): boolean {
  const { tokens } = text;
  let word = 0;
  for (let i = from; i <= last; i++) {
    if (tokens.is(i, ',')) {
      if (!spelling.afterComma[word]) return false;
      continue;
    }
    const rule = spelling.rules[word];
    if (rule === 'cap' && !tokens.cap(i)) return false;
    if (rule === 'exact') {
      const written = tokens.source.slice(tokens.start(i), i === last ? lastEnd : tokens.end(i)).replace(/’/g, "'");
      if (written !== spelling.texts[word]) return false;
    }
    word++;
  }
  if (!spelling.ambiguous) return true;
  return !tokens.sentenceStart(from) && !text.isTitleLine(tokens.line(from)) && !text.writtenInLowerCase(tokens.key(from));
}

function caseRule(word: string): CaseRule {
  if (/^\p{Lu}.*\p{Lu}/u.test(word)) return 'exact';
  return /^\p{Lu}/u.test(word) ? 'cap' : 'any';
}
