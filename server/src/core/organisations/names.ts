/**
 * Names as keys and ids: the same organisation whatever the spelling ("The King’s Fund",
 * "King's Fund", "Kings Fund" -> key "kings fund", id "kings-fund"), and a name as it reads
 * once taken out of its file.
 */
import { TokenColumns, Tokens, isAmpersand, tokenise } from './tokens';

/**
 * A name as it reads, from its text in a file: straight apostrophes, and one space where a
 * hard-wrapped line broke it ("Royal College of\nPsychiatrists").
 */
export function nameAsWritten(text: string): string {
  const oneLine = collapseLineBreaks(text);
  return oneLine.includes('’') ? oneLine.replace(/’/g, "'") : oneLine;
}

/** One space where a hard-wrapped line broke a name; its apostrophes stay as written. */
export function collapseLineBreaks(name: string): string {
  return name.includes('\n') || name.includes('\r') ? name.replace(/\s+/g, ' ') : name;
}

/** A word, or "&" standing for "and": the tokens a name's key is made of. */
function isKeyWord(tokens: Tokens, i: number): boolean {
  return tokens.isWord(i) || isAmpersand(tokens, i);
}

export interface NameWord {
  key: string;
  /** As written, with straight apostrophes. */
  text: string;
  /** A comma stands before it ("Department for Environment, Food and Rural Affairs"). */
  afterComma: boolean;
}

/** Every name's tokens, one name at a time: nameWords is done with them before it returns. */
const nameColumns = new TokenColumns(64);

/** The words of a name, without a leading "the" or a final possessive "'s". */
export function nameWords(name: string): NameWord[] {
  const tokens = tokenise(name, nameColumns);
  const words: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (isKeyWord(tokens, i)) words.push(i);
  if (words.length > 1 && tokens.key(words[0]) === 'the') words.shift();
  return words.map((i, index) => {
    const text = tokens.text(i).replace(/’/g, "'");
    const afterComma = index > 0 && tokens.is(i - 1, ',');
    const possessive = index === words.length - 1 && words.length > 1 && tokens.possessiveAt(i) >= 0;
    return possessive ? { key: tokens.possessiveKey(i), text: text.slice(0, -2), afterComma } : { key: tokens.key(i), text, afterComma };
  });
}

/** The key of a name: its word keys joined by spaces ("The King’s Fund" -> "kings fund"). */
export function nameKey(name: string): string {
  return nameWords(name)
    .map((word) => word.key)
    .join(' ');
}

/** The name key of tokens `start`..`end` (inclusive): as nameKey() of their text, without tokenising it again. */
export function tokensKey(tokens: Tokens, start: number, end: number): string {
  let first = start;
  while (first <= end && !isKeyWord(tokens, first)) first++;
  let last = end;
  while (last >= first && !isKeyWord(tokens, last)) last--;
  if (first > last) return '';
  if (first < last && tokens.key(first) === 'the') {
    first++;
    while (!isKeyWord(tokens, first)) first++;
  }
  let key = '';
  for (let i = first; i <= last; i++) {
    if (!isKeyWord(tokens, i)) continue;
    const word = i === last && first < last ? tokens.possessiveKey(i) : tokens.key(i);
    key = key === '' ? word : `${key} ${word}`;
  }
  return key;
}

/** A stable identifier made from a name: "The King’s Fund" -> "kings-fund". */
export function organisationId(name: string): string {
  return idFromKey(nameKey(name));
}

/** The id for a name key (see nameKey). */
export function idFromKey(key: string): string {
  if (/^[a-z0-9]+(?: [a-z0-9]+)*$/.test(key)) return key.replace(/ /g, '-');
  const slug = key
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'organisation';
}
