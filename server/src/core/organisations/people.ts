/**
 * People tied to an organisation by the text around one of its mentions:
 *   "Anna Charles writing at The King’s Fund"          (byline)
 *   "Andy Field, Chairman of Ashford … Trust"           (person, job title of/at organisation)
 *   "Sue Ryder Chief Executive Officer Heidi Travis"    (organisation, job title, person)
 *   "NHS Providers’ chief executive, Chris Hopson"      (the same with a possessive)
 */
import { isStopWord } from '../stopwords';
import { NAME_CONNECTORS, PERSONAL_TITLES, PLACES, ROLE_WORDS } from './lexicon';
import { Tokens } from './tokens';

const MAX_ROLE_WORDS = 6;
/** "John Mortimer, previously at X": where someone works, without a job title. */
const FORMERLY = new Set(['previously', 'formerly', 'now', 'currently', 'until']);
const MAX_PERSON_WORDS = 4;
const WORKPLACE_PREPOSITIONS = new Set(['at', 'for', 'of']);
/** "Anna Charles writing at X": a byline. */
const WORKING_AT = new Set(['writing', 'writes', 'reporting', 'works', 'working']);
/** Connectors of organisations' names, not of people's ("van", "de" are). */
const ORGANISATION_CONNECTORS = new Set(['of', 'and', 'for', 'the']);

/** `taken(index)` is true for tokens inside any organisation mention. */
export function tiesAround(tokens: Tokens, mentionStart: number, mentionEnd: number, taken: (index: number) => boolean): readonly string[] {
  // Most mentions have no one around them: nothing is allocated for those.
  let people: string[] | undefined;
  let before = mentionStart - 1;
  if (tokens.key(before) === 'the') before--;
  if (WORKPLACE_PREPOSITIONS.has(tokens.key(before))) {
    if (WORKING_AT.has(tokens.key(before - 1))) {
      people = withPerson(people, personEndingAt(tokens, before - 2, taken));
    } else {
      // "Andy Field, Chairman of X" / "Samira ben Omar, previously Head of System Change at X"
      let i = before - 1;
      let roles = 0;
      let words = 0;
      while (i >= 0 && tokens.isWord(i) && words < MAX_ROLE_WORDS && !taken(i)) {
        if (ROLE_WORDS.has(tokens.key(i)) || FORMERLY.has(tokens.key(i))) roles++;
        words++;
        i--;
      }
      if (roles > 0 && tokens.is(i, ',')) people = withPerson(people, personEndingAt(tokens, i - 1, taken));
      // "chief executive of X, Chris Hopson"
      if (roles > 0 && tokens.is(mentionEnd + 1, ',')) people = withPerson(people, personStartingAt(tokens, mentionEnd + 2, taken));
    }
  }
  // "X Chief Executive Officer Heidi Travis", "X’s chief executive, Chris Hopson"
  let after = mentionEnd + 1;
  if (tokens.is(after, '’') || tokens.is(after, "'")) after++;
  let roleWords = 0;
  while (after < tokens.length && ROLE_WORDS.has(tokens.key(after)) && roleWords < MAX_ROLE_WORDS) {
    after++;
    roleWords++;
  }
  if (roleWords > 0) {
    if (tokens.is(after, ',')) after++;
    people = withPerson(people, personStartingAt(tokens, after, taken));
  }
  return people ?? NO_ONE;
}

const NO_ONE: readonly string[] = [];

function withPerson(people: string[] | undefined, person: string | undefined): string[] | undefined {
  if (person === undefined || people?.includes(person)) return people;
  if (!people) return [person];
  people.push(person);
  return people;
}

/** A person's name of two to four capitalised words ending at `last`, titles dropped. */
function personEndingAt(tokens: Tokens, last: number, taken: (index: number) => boolean): string | undefined {
  let first = last;
  while (first - 1 >= 0 && last - first + 1 < MAX_PERSON_WORDS + 2 && isPersonWord(tokens, first - 1, taken) && tokens.line(first - 1) === tokens.line(last)) first--;
  return personName(tokens, first, last, taken);
}

function personStartingAt(tokens: Tokens, first: number, taken: (index: number) => boolean): string | undefined {
  let last = first;
  while (last + 1 < tokens.length && last - first + 1 < MAX_PERSON_WORDS + 2 && isPersonWord(tokens, last + 1, taken) && tokens.line(last + 1) === tokens.line(first)) last++;
  return personName(tokens, first, last, taken);
}

function isPersonWord(tokens: Tokens, index: number, taken: (index: number) => boolean): boolean {
  if (!tokens.isWord(index) || taken(index) || tokens.upper(index)) return false;
  const key = tokens.key(index);
  return tokens.cap(index) || (NAME_CONNECTORS.has(key) && !ORGANISATION_CONNECTORS.has(key));
}

function personName(tokens: Tokens, first: number, last: number, taken: (index: number) => boolean): string | undefined {
  let start = first;
  while (start <= last && PERSONAL_TITLES.has(tokens.key(start))) start++;
  if (start > last || !isPersonWord(tokens, start, taken) || !isPersonWord(tokens, last, taken) || !tokens.cap(start)) return undefined;
  const words = last - start + 1;
  if (words < 2 || words > MAX_PERSON_WORDS) return undefined;
  for (let i = start; i <= last; i++) {
    if (ROLE_WORDS.has(tokens.key(i)) || isStopWord(tokens.key(i))) return undefined;
  }
  const parts: string[] = [];
  for (let i = start; i <= last; i++) {
    const possessiveAt = tokens.possessiveAt(i);
    parts.push(tokens.source.slice(tokens.start(i), possessiveAt >= 0 ? possessiveAt : tokens.end(i)));
  }
  const name = parts.join(' ');
  return PLACES.has(name.toLowerCase()) ? undefined : name;
}
