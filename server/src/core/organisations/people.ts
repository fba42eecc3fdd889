/**
 * People tied to an organisation by the text around one of its mentions:
 *   "Anna Charles writing at The King’s Fund"          (byline)
 *   "Andy Field, Chairman of Ashford … Trust"           (person, job title of/at organisation)
 *   "Sue Ryder Chief Executive Officer Heidi Travis"    (organisation, job title, person)
 *   "NHS Providers’ chief executive, Chris Hopson"      (the same with a possessive)
 */
import { isStopWord } from '../stopwords';
import { NAME_CONNECTORS, PERSONAL_TITLES, PLACES, ROLE_WORDS } from './lexicon';
import { Token } from './tokens';

export interface PersonTie {
  person: string;
  /** Token range of the organisation mention the person is tied to. */
  mentionStart: number;
  mentionEnd: number;
}

const MAX_ROLE_WORDS = 6;
/** "John Mortimer, previously at X": where someone works, without a job title. */
const FORMERLY = new Set(['previously', 'formerly', 'now', 'currently', 'until']);
const MAX_PERSON_WORDS = 4;

/** `taken(index)` is true for tokens inside any organisation mention. */
export function tiesAround(tokens: Token[], mentionStart: number, mentionEnd: number, taken: (index: number) => boolean): string[] {
  const people: string[] = [];
  const add = (person: string | undefined): void => {
    if (person && !people.includes(person)) people.push(person);
  };
  let before = mentionStart - 1;
  if (tokens[before]?.key === 'the') before--;
  const preposition = tokens[before];
  if (preposition && ['at', 'for', 'of'].includes(preposition.key)) {
    const verb = tokens[before - 1];
    if (verb && ['writing', 'writes', 'reporting', 'works', 'working'].includes(verb.key)) {
      add(personEndingAt(tokens, before - 2, taken));
    } else {
      // "Andy Field, Chairman of X" / "Samira ben Omar, previously Head of System Change at X"
      let i = before - 1;
      let roles = 0;
      let words = 0;
      while (i >= 0 && tokens[i].word && words < MAX_ROLE_WORDS && !taken(i)) {
        if (ROLE_WORDS.has(tokens[i].key) || FORMERLY.has(tokens[i].key)) roles++;
        words++;
        i--;
      }
      if (roles > 0 && tokens[i]?.text === ',') add(personEndingAt(tokens, i - 1, taken));
      // "chief executive of X, Chris Hopson"
      if (roles > 0 && tokens[mentionEnd + 1]?.text === ',') add(personStartingAt(tokens, mentionEnd + 2, taken));
    }
  }
  // "X Chief Executive Officer Heidi Travis", "X’s chief executive, Chris Hopson"
  let after = mentionEnd + 1;
  if (tokens[after]?.text === '’' || tokens[after]?.text === "'") after++;
  let roleWords = 0;
  while (tokens[after] && ROLE_WORDS.has(tokens[after].key) && roleWords < MAX_ROLE_WORDS) {
    after++;
    roleWords++;
  }
  if (roleWords > 0) {
    if (tokens[after]?.text === ',') after++;
    add(personStartingAt(tokens, after, taken));
  }
  return people;
}

/** A person's name of two to four capitalised words ending at `last`, titles dropped. */
function personEndingAt(tokens: Token[], last: number, taken: (index: number) => boolean): string | undefined {
  let first = last;
  while (first - 1 >= 0 && last - first + 1 < MAX_PERSON_WORDS + 2 && isPersonWord(tokens, first - 1, taken) && tokens[first - 1].line === tokens[last].line) first--;
  return personName(tokens, first, last, taken);
}

function personStartingAt(tokens: Token[], first: number, taken: (index: number) => boolean): string | undefined {
  let last = first;
  while (last + 1 < tokens.length && last - first + 1 < MAX_PERSON_WORDS + 2 && isPersonWord(tokens, last + 1, taken) && tokens[last + 1].line === tokens[first].line) last++;
  return personName(tokens, first, last, taken);
}

function isPersonWord(tokens: Token[], index: number, taken: (index: number) => boolean): boolean {
  const token = tokens[index];
  if (!token?.word || taken(index) || token.upper) return false;
  return token.cap || (NAME_CONNECTORS.has(token.key) && !['of', 'and', 'for', 'the'].includes(token.key));
}

function personName(tokens: Token[], first: number, last: number, taken: (index: number) => boolean): string | undefined {
  let start = first;
  while (start <= last && PERSONAL_TITLES.has(tokens[start].key)) start++;
  if (start > last || !isPersonWord(tokens, start, taken) || !isPersonWord(tokens, last, taken) || !tokens[start].cap) return undefined;
  const words = last - start + 1;
  if (words < 2 || words > MAX_PERSON_WORDS) return undefined;
  for (let i = start; i <= last; i++) {
    if (ROLE_WORDS.has(tokens[i].key) || isStopWord(tokens[i].key)) return undefined;
  }
  const name = tokens
    .slice(start, last + 1)
    .map((token) => token.possessive ? token.text.slice(0, -2) : token.text)
    .join(' ');
  return PLACES.has(name.toLowerCase()) ? undefined : name;
}
