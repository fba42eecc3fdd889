/**
 * File texts kept in the smaller of two forms. V8 stores a string with any character past
 * U+00FF (a curly quote, a dash) at two bytes a character; curated articles are mostly
 * ASCII with such punctuation, so their UTF-8 bytes take about half that. At 100k articles
 * the corpus's texts take about 250 MB instead of 500 MB.
 *
 * A text kept as bytes is decoded whenever it is read. The last few texts decoded are kept,
 * because readers go over one file many times in a row (a slice for each mention in it).
 */

/** Texts decoded most recently, by their bytes; a handful is enough for readers that go file by file. */
const RECENT_TEXTS = 16;
const recent = new Map<Buffer, string>();

export interface StoredText {
  readonly length: number;
  read(): string;
}

/** `text` as it is best kept; `read()` gives back exactly `text`. */
export function storeText(text: string): StoredText {
  // Lone surrogates do not survive UTF-8: such a text is kept as it is.
  if (!hasTwoByteCharacters(text) || !(text as string & { isWellFormed(): boolean }).isWellFormed()) return plain(text);
  const bytes = Buffer.from(text, 'utf8');
  // Text mostly outside Latin-1 (Greek, Chinese) takes as much or more as UTF-8.
  if (bytes.length >= text.length * 1.5) return plain(text);
  return { length: text.length, read: () => decoded(bytes) };
}

function plain(text: string): StoredText {
  return { length: text.length, read: () => text };
}

function decoded(bytes: Buffer): string {
  let text = recent.get(bytes);
  if (text === undefined) {
    text = bytes.toString('utf8');
    if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value as Buffer);
  } else {
    recent.delete(bytes);
  }
  recent.set(bytes, text);
  return text;
}

const TWO_BYTE = /[^\u0000-\u00ff]/;

function hasTwoByteCharacters(text: string): boolean {
  return TWO_BYTE.test(text);
}
