/**
 * The passages a curator chose to keep in several places, stored per workspace folder in
 * `.seed-curator/ignored-passages.json` so that the choice lasts and can be committed.
 * Passages are keyed by the fingerprint of their normalised words; a short preview and the
 * word count are kept only so that a person reading the file knows what each entry is.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { temporaryFor } from '../cache/temporaryFiles';
import { FileProblem, checkJson, readTextIfPresent, rejectedItems } from '../jsonFile';
import schema from './ignored-passages.schema.json';

export const IGNORE_FILE = path.join('.seed-curator', 'ignored-passages.json');

export interface IgnoredPassage {
  fingerprint: string;
  words: number;
  preview: string;
}

interface IgnoreFile {
  version: 1;
  passages: IgnoredPassage[];
}

export interface IgnoreList {
  /** Undefined when the folder has no ignore list. */
  text: string | undefined;
  /** The well-formed entries; a file with mistakes keeps the others. */
  passages: IgnoredPassage[];
  problems: FileProblem[];
}

export function parseIgnoreList(text: string): Omit<IgnoreList, 'text'> {
  const checked = checkJson(text, schema);
  const raw = (checked.value as { passages?: unknown } | undefined)?.passages;
  const rejected = rejectedItems(checked, ['passages']);
  const passages = (Array.isArray(raw) ? raw : [])
    .filter((entry, index): entry is Partial<IgnoredPassage> & { fingerprint: string } => !rejected.has(index) && typeof entry?.fingerprint === 'string')
    .map((entry) => ({ fingerprint: entry.fingerprint, words: entry.words ?? 0, preview: entry.preview ?? '' }));
  return { passages, problems: checked.problems };
}

export function readIgnoreList(folder: string): IgnoreList {
  const text = readTextIfPresent(path.join(folder, IGNORE_FILE));
  return text === undefined ? { text, passages: [], problems: [] } : { text, ...parseIgnoreList(text) };
}

/** The entries of a folder's ignore list; a missing file is an empty list. */
export function readIgnoredPassages(folder: string): IgnoredPassage[] {
  return readIgnoreList(folder).passages;
}

/**
 * Adds entries (those not already listed) and rewrites the file atomically, so a crash
 * never leaves half a list. Returns the new list; throws when the file cannot be written
 * or has mistakes.
 */
export function addIgnoredPassages(folder: string, entries: IgnoredPassage[]): IgnoredPassage[] {
  const current = readIgnoreList(folder);
  // Rewriting a file with mistakes would drop what its author meant: they fix it first.
  if (current.problems.length > 0) throw new Error(`${IGNORE_FILE} has mistakes; fix them first (they are shown in the file).`);
  const { passages } = current;
  const known = new Set(passages.map((entry) => entry.fingerprint));
  for (const entry of entries) {
    if (known.has(entry.fingerprint)) continue;
    known.add(entry.fingerprint);
    passages.push({ fingerprint: entry.fingerprint, words: entry.words, preview: entry.preview });
  }
  const file = path.join(folder, IGNORE_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  const content: IgnoreFile = { version: 1, passages };
  const temporary = temporaryFor(file);
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
  renameSync(temporary, file);
  return passages;
}
