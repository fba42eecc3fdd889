/**
 * The keys of a text's capitalised words, for the index of the files that contain them
 * (see capitals.ts), which counts each key of a file once: a name is written many times in
 * a file, and looking its words up there as often as they were written cost more than
 * listing each once here, by the key's number in the table of keys (see keyTable.ts).
 */
import { grown } from '../typedArrays';
import type { Tokens } from './tokens';

/** By number in the table of keys (see Tokens.keyNumber): the listing that last listed the key. */
let listedIn = new Int32Array(1 << 12);
let listings = 0;

/** Each key once (one without a number in the table as often as it is written), possessives also without their "'s". */
export function capitalisedKeys(tokens: Tokens): string[] {
  const listing = ++listings;
  const keys: string[] = [];
  for (const i of tokens.capitalised) {
    if (tokens.possessiveAt(i) >= 0) {
      keys.push(tokens.key(i), tokens.possessiveKey(i));
      continue;
    }
    const number = tokens.keyNumber(i);
    if (number >= 0) {
      if (number >= listedIn.length) listedIn = grown(listedIn, number + 1);
      if (listedIn[number] === listing) continue;
      listedIn[number] = listing;
    }
    keys.push(tokens.key(i));
  }
  return keys;
}
