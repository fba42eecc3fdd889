/**
 * The terms of an article for theme discovery: content words and two-word phrases.
 *
 * Words are normalised by `contentWords` (lower case, stop words out, light plural strip).
 * A phrase is two content words side by side, with no stop word, number or punctuation
 * between them, so "integrated care" is a phrase in "integrated care systems" but
 * "speed trust" is not one in "the speed of trust".
 *
 * Terms are numbers, not strings: a word gets an id in a shared `TermDictionary`, and a
 * phrase is the pair of its word ids packed into one number. Ten thousand articles hold
 * millions of phrase occurrences; numbers keep that in typed arrays instead of strings.
 * An article's terms are counted apart from the dictionary, with ids of its own
 * (articleVocabulary.ts, in the index workers), then translated here.
 */
import { ArticleVocabulary, articleVocabulary } from './articleVocabulary';
import { TermKey, WORD_LIMIT, firstWord, isPhrase, phraseKey, secondWord } from './termKeys';
import { compareCodeUnits, ownCopy } from '../text';
import { withRoom } from '../typedArrays';
import { contentWordOf, scanWords } from './wordScan';

export type { TermKey } from './termKeys';

/** Marks an organisation's entry in the dictionary, apart from any word spelled the same. */
const ORGANISATION_MARK = '\u0000';
/** More than 1 + the rank of any word (see canonicalOrder). */
const RANKS = 2 * WORD_LIMIT;

export interface ArticleTerms {
  /** Term keys, ascending. */
  keys: Float64Array;
  /** Occurrences of each term (title terms counted more, see articleVocabulary.ts), parallel to `keys`. */
  counts: Float32Array;
  /** Equal for two articles whose words are equal, whatever their spacing, case and punctuation. */
  textHash: string;
  /** Content words in the article. */
  words: number;
}

/** Terms as another dictionary can read them (see TermDictionary.writeTerms). */
export interface WrittenTerms {
  words: string[];
  /** Per word, 1 when it was seen as written (see TermDictionary.seenBare). */
  bare: Uint8Array;
  /** The terms' keys, in the places of their words in `words`. */
  keys: Float64Array;
}

export class TermDictionary {
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  /**
   * Per word id, whether it was seen as written ("service") and not only with the plural
   * "s" that normalising strips ("services"): words are shown as they are written.
   */
  private readonly seenBare: boolean[] = [];

  /** Counts the terms of one article: its title (weighted) and its body. */
  articleTerms(title: string, body: string): ArticleTerms {
    return this.termsOf(articleVocabulary(title, body));
  }

  /**
   * The terms of an article counted on its own (see articleVocabulary.ts) in this
   * dictionary's words: each word gets its id in the article's order of first appearance
   * (as when counting here), then the terms are put in key order. Sorting packs a word's
   * id with its local id in one number, and orders phrases by the rank of their words
   * (two counting sorts): no hash table and no comparison function, for what is most of
   * the theme index's work on its own thread during a scan.
   */
  termsOf(vocabulary: ArticleVocabulary): ArticleTerms {
    const { words, bare, wordCounts, phrases, phraseCounts } = vocabulary;
    const ids = (scratch.ids = withRoom(scratch.ids, words.length));
    const packed = (scratch.packed = withRoom(scratch.packed, words.length));
    let known = 0;
    for (let local = 0; local < words.length; local++) {
      const id = this.intern(words[local]);
      ids[local] = id;
      if (id < 0) continue;
      if (bare[local]) this.seenBare[id] = true;
      packed[known++] = id * WORD_LIMIT + local;
    }
    packed.subarray(0, known).sort();
    const ranks = (scratch.ranks = withRoom(scratch.ranks, words.length)).fill(-1, 0, words.length);
    for (let rank = 0; rank < known; rank++) ranks[packed[rank] % WORD_LIMIT] = rank;
    const phraseOrder = (scratch.order = withRoom(scratch.order, phraseCounts.length));
    // Fewer than all phrases only when the dictionary is full and some words got no id.
    const phraseCount = sortPhrases(phrases, phraseCounts.length, ranks, known, phraseOrder);
    const keys = new Float64Array(known + phraseCount);
    const counts = new Float32Array(keys.length);
    for (let rank = 0; rank < known; rank++) {
      const local = packed[rank] % WORD_LIMIT;
      keys[rank] = ids[local];
      counts[rank] = wordCounts[local];
    }
    for (let i = 0; i < phraseCount; i++) {
      const phrase = phraseOrder[i];
      keys[known + i] = phraseKey(ids[phrases[2 * phrase]], ids[phrases[2 * phrase + 1]]);
      counts[known + i] = phraseCounts[phrase];
    }
    return { keys, counts, textHash: vocabulary.textHash, words: vocabulary.contentWords };
  }

  /**
   * A user's keyword ("integrated care", "ICS") as term keys: one key for one or two words,
   * the key of each phrase inside a longer keyword. Empty when no content word is left.
   */
  keywordTerms(keyword: string): TermKey[] {
    const ids: number[] = [];
    scanWords(keyword, (surface) => {
      const id = surface === undefined ? -1 : this.wordId(surface);
      if (id >= 0) ids.push(id);
    });
    if (ids.length === 1) return ids;
    const phrases: TermKey[] = [];
    for (let i = 1; i < ids.length; i++) phrases.push(phraseKey(ids[i - 1], ids[i]));
    return phrases;
  }

  /** A recognised organisation as one feature of its own, beside the words of its name. */
  organisationTerm(name: string): TermKey {
    return this.intern(ORGANISATION_MARK + name);
  }

  /**
   * Terms written so that another dictionary can read them back (see readTerms): as the
   * words they use, each term numbered by its words' places in that list. A key depends on
   * the order words were first seen in, which another session does not share.
   */
  writeTerms(keys: readonly TermKey[]): WrittenTerms {
    const placeOf = new Map<number, number>();
    const words: string[] = [];
    const bare: number[] = [];
    const place = (id: number): number => {
      let at = placeOf.get(id);
      if (at === undefined) {
        at = words.length;
        placeOf.set(id, at);
        words.push(this.words[id]);
        bare.push(this.seenBare[id] ? 1 : 0);
      }
      return at;
    };
    const written = Float64Array.from(keys, (key) => (isPhrase(key) ? phraseKey(place(firstWord(key)), place(secondWord(key))) : place(key)));
    return { words, bare: Uint8Array.from(bare), keys: written };
  }

  /** The keys, in this dictionary, of terms written by writeTerms; undefined when it has no room for their words. */
  readTerms({ words, bare, keys }: WrittenTerms): TermKey[] | undefined {
    const ids = words.map((word) => this.intern(word));
    if (ids.some((id) => id < 0)) return undefined;
    ids.forEach((id, at) => {
      if (bare[at]) this.seenBare[id] = true;
    });
    return Array.from(keys, (key) => (isPhrase(key) ? phraseKey(ids[firstWord(key)], ids[secondWord(key)]) : ids[key]));
  }

  /** How a term is shown: its words as written, or an organisation's name. */
  display(key: TermKey): string {
    return isPhrase(key) ? `${this.displayWord(firstWord(key))} ${this.displayWord(secondWord(key))}` : this.displayWord(key);
  }

  /** The words of a term: one for a word, two for a phrase. */
  wordsOf(key: TermKey): TermKey[] {
    return isPhrase(key) ? [firstWord(key), secondWord(key)] : [key];
  }

  /** A key that orders terms the same way whatever order their words were first seen in. */
  canonical(key: TermKey): string {
    return this.wordsOf(key)
      .map((id) => this.words[id] ?? '')
      .join(' ');
  }

  /**
   * For each of `keys`, a number; the numbers sort as the keys' canonical() strings do,
   * without making the strings (see wordRanks).
   */
  canonicalOrders(keys: readonly TermKey[]): Float64Array {
    const { rankOf } = this.wordRanks(keys);
    return Float64Array.from(keys, (key) => canonicalOrder(rankOf, key));
  }

  /** `keys` sorted as their canonical() strings sort (see wordRanks). */
  inCanonicalOrder(keys: readonly TermKey[]): TermKey[] {
    const { rankOf, byRank } = this.wordRanks(keys);
    const orders = Float64Array.from(keys, (key) => canonicalOrder(rankOf, key));
    orders.sort();
    return Array.from(orders, (order) => {
      const first = byRank[Math.floor(order / RANKS) - 1];
      const second = order % RANKS;
      return second === 0 ? first : phraseKey(first, byRank[second - 1]);
    });
  }

  /**
   * The words of `keys`, each ranked once by its text, so that a term sorts by the ranks of
   * its words (canonicalOrder), a word before the phrases it starts. That is the order of
   * their canonical() strings because no word holds a character below the space that joins
   * a phrase's words (an organisation's mark, below everything, only starts terms of one
   * word). A corpus of words never repeated has millions of terms, and spelling each out to
   * sort them took most of its themes' time.
   */
  private wordRanks(keys: readonly TermKey[]): { rankOf: Int32Array; byRank: number[] } {
    /** 1 + the word's rank once ranked; -1 while waiting to be; 0 for words in none of the keys. */
    const rankOf = new Int32Array(this.words.length);
    const byRank: number[] = [];
    const use = (id: number): void => {
      if (rankOf[id] !== 0) return;
      rankOf[id] = -1;
      byRank.push(id);
    };
    for (const key of keys) {
      if (isPhrase(key)) {
        use(firstWord(key));
        use(secondWord(key));
      } else use(key);
    }
    byRank.sort((a, b) => compareCodeUnits(this.words[a], this.words[b]));
    byRank.forEach((id, rank) => (rankOf[id] = rank + 1));
    return { rankOf, byRank };
  }

  private displayWord(id: number): string {
    const word = this.words[id] ?? '';
    if (word.startsWith(ORGANISATION_MARK)) return word.slice(ORGANISATION_MARK.length);
    return this.seenBare[id] ? word : `${word}s`;
  }

  /** The id of a surface word's normalised form, or -1 when it is not a content word. */
  private wordId(surface: string): number {
    const word = contentWordOf(surface);
    const id = word === '' ? -1 : this.intern(word);
    if (id >= 0 && surface === word) this.seenBare[id] = true;
    return id;
  }

  private intern(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      if (this.words.length >= WORD_LIMIT) return -1;
      id = this.words.length;
      const kept = ownCopy(word);
      this.wordIds.set(kept, id);
      this.words.push(kept);
      this.seenBare.push(word.startsWith(ORGANISATION_MARK));
    }
    return id;
  }
}

/**
 * Writes to `order` the first `count` phrases (pairs of local word ids) whose words both
 * have a rank, by the rank of their first word then of their second: a counting sort by
 * the second, then a stable one by the first. Returns how many it wrote.
 */
function sortPhrases(phrases: ArrayLike<number>, count: number, ranks: Int32Array, rankCount: number, order: Uint32Array): number {
  const bySecond = (scratch.bySecond = withRoom(scratch.bySecond, count));
  const starts = (scratch.starts = withRoom(scratch.starts, rankCount + 1)).fill(0, 0, rankCount + 1);
  let kept = 0;
  for (let phrase = 0; phrase < count; phrase++) {
    if (ranks[phrases[2 * phrase]] < 0 || ranks[phrases[2 * phrase + 1]] < 0) continue;
    starts[ranks[phrases[2 * phrase + 1]] + 1]++;
    kept++;
  }
  for (let rank = 1; rank <= rankCount; rank++) starts[rank] += starts[rank - 1];
  for (let phrase = 0; phrase < count; phrase++) {
    if (ranks[phrases[2 * phrase]] < 0 || ranks[phrases[2 * phrase + 1]] < 0) continue;
    bySecond[starts[ranks[phrases[2 * phrase + 1]]]++] = phrase;
  }
  starts.fill(0, 0, rankCount + 1);
  for (let i = 0; i < kept; i++) starts[ranks[phrases[2 * bySecond[i]]] + 1]++;
  for (let rank = 1; rank <= rankCount; rank++) starts[rank] += starts[rank - 1];
  for (let i = 0; i < kept; i++) order[starts[ranks[phrases[2 * bySecond[i]]]]++] = bySecond[i];
  return kept;
}

/** A term's place in canonical order: its first word's rank, then its second's (0 for none), in one number. */
function canonicalOrder(rankOf: Int32Array, key: TermKey): number {
  return isPhrase(key) ? rankOf[firstWord(key)] * RANKS + rankOf[secondWord(key)] : rankOf[key] * RANKS;
}

/**
 * Working columns of termsOf, reused from one article to the next (a dictionary translates
 * one article at a time): six typed arrays made for each of a hundred thousand articles
 * cost more to allocate and collect than to fill.
 */
const scratch = {
  ids: new Int32Array(256),
  packed: new Float64Array(256),
  ranks: new Int32Array(256),
  order: new Uint32Array(256),
  bySecond: new Uint32Array(256),
  starts: new Uint32Array(256),
};
