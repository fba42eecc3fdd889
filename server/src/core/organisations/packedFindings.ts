/**
 * What a file taught (its Discovery) and the people it ties to organisations, packed for
 * the recognition memory (memory.ts): numbers in a typed array, each string as its number
 * in the memory's `texts`. As objects (at 100k articles about 100k names, 34k acronyms and
 * 130k ties, each with strings and spans of its own) they took two thirds of the time of
 * reading the memory back, as v8.deserialize builds every object and string anew; as
 * numbers they are read as bytes, and the strings they share are read once.
 */
import type { AcronymDefinition, DiscoveredName, Discovery, TextSpan } from './discover';
import type { Evidence } from './evidence';
import type { FileOrganisations } from './index';
import type { Numbering } from './mentions';

/** Name: name, key, id, evidence, then the spans. Acronym: short, id, longKey, long, then the spans. */
const FIELDS = 8;
/** The spans' fields: span start and end, sentence start and end. */
const SPANS_AT = 4;
/** The packed discovery starts with its number of names. */
const NAMES_AT = 1;
const TIE_FIELDS = 2;

type Ties = FileOrganisations['ties'];

export function packDiscovery({ names, acronyms }: Discovery, texts: Numbering): Int32Array {
  const packed = new Int32Array(NAMES_AT + (names.length + acronyms.length) * FIELDS);
  packed[0] = names.length;
  const put = (at: number, strings: string[], span: TextSpan, sentence: TextSpan): void => {
    strings.forEach((text, i) => (packed[at + i] = texts.numberOf(text)));
    packed.set([span.start, span.end, sentence.start, sentence.end], at + SPANS_AT);
  };
  names.forEach((name, i) => put(NAMES_AT + i * FIELDS, [name.name, name.key, name.id, name.evidence], name.span, name.sentence));
  const acronymsAt = NAMES_AT + names.length * FIELDS;
  acronyms.forEach((acronym, i) => put(acronymsAt + i * FIELDS, [acronym.short, acronym.id, acronym.longKey, acronym.long], acronym.span, acronym.sentence));
  return packed;
}

/** The discovery packed by packDiscovery; its strings are those of `texts`, not copies. */
export function unpackDiscovery(packed: Int32Array, texts: readonly string[]): Discovery {
  const acronymsAt = NAMES_AT + packed[0] * FIELDS;
  const names: DiscoveredName[] = [];
  const acronyms: AcronymDefinition[] = [];
  for (let at = NAMES_AT; at < acronymsAt; at += FIELDS) names.push(new UnpackedName(packed, at, texts));
  for (let at = acronymsAt; at < packed.length; at += FIELDS) acronyms.push(new UnpackedAcronym(packed, at, texts));
  return { names, acronyms };
}

/**
 * A name or acronym as unpacked: its spans are made from the packed numbers when read.
 * Of the 130k names and acronyms of a memory at 100k articles only the sentences of the
 * organisations learned are ever read, and two objects more for each, all kept, made the
 * collector copy them: restoring the index at a warm start (the first time, as a server
 * does) took 20-45 ms less CPU without them, though no less once its code is optimised and
 * the heap grown. (Fields declared, not defined: defined class fields cost more to set.)
 */
abstract class UnpackedSpans {
  declare private readonly packed: Int32Array;
  declare private readonly at: number;

  constructor(packed: Int32Array, at: number) {
    this.packed = packed;
    this.at = at;
  }

  get span(): TextSpan {
    return spanAt(this.packed, this.at + SPANS_AT);
  }

  get sentence(): TextSpan {
    return spanAt(this.packed, this.at + SPANS_AT + 2);
  }
}

class UnpackedName extends UnpackedSpans implements DiscoveredName {
  declare readonly name: string;
  declare readonly key: string;
  declare readonly id: string;
  declare readonly evidence: Evidence;

  constructor(packed: Int32Array, at: number, texts: readonly string[]) {
    super(packed, at);
    this.name = texts[packed[at]];
    this.key = texts[packed[at + 1]];
    this.id = texts[packed[at + 2]];
    this.evidence = texts[packed[at + 3]] as Evidence;
  }
}

class UnpackedAcronym extends UnpackedSpans implements AcronymDefinition {
  declare readonly short: string;
  declare readonly id: string;
  declare readonly longKey: string;
  declare readonly long: string;

  constructor(packed: Int32Array, at: number, texts: readonly string[]) {
    super(packed, at);
    this.short = texts[packed[at]];
    this.id = texts[packed[at + 1]];
    this.longKey = texts[packed[at + 2]];
    this.long = texts[packed[at + 3]];
  }
}

function spanAt(packed: Int32Array, at: number): TextSpan {
  return { start: packed[at], end: packed[at + 1] };
}

export function packTies(ties: Ties, texts: Numbering): Int32Array {
  const packed = new Int32Array(ties.length * TIE_FIELDS);
  ties.forEach(({ id, person }, i) => packed.set([texts.numberOf(id), texts.numberOf(person)], i * TIE_FIELDS));
  return packed;
}

export function unpackTies(packed: Int32Array, texts: readonly string[]): Ties {
  const ties: Ties = [];
  for (let at = 0; at < packed.length; at += TIE_FIELDS) ties.push({ id: texts[packed[at]], person: texts[packed[at + 1]] });
  return ties;
}

/**
 * unpackTies at the first call, the same ties at every later one. An index restored from a
 * memory holds about 130k ties at 100k articles: as objects they took 70 ms of its restore,
 * and only those of the files hovered or changed since are ever read.
 */
export function tiesWhenRead(packed: Int32Array, texts: readonly string[]): () => Ties {
  let ties: Ties | undefined;
  return () => (ties ??= unpackTies(packed, texts));
}
