/**
 * The passages a curator chose to keep in several places, stored per workspace folder in
 * `.seed-curator/ignored-passages.json` so that the choice lasts and can be committed.
 * Passages are keyed by the fingerprint of their normalised words; a short preview and the
 * word count are kept only so that a person reading the file knows what each entry is.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

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

/** The entries of a folder's ignore list; a missing or malformed file is an empty list. */
export function readIgnoredPassages(folder: string): IgnoredPassage[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(folder, IGNORE_FILE), 'utf8'));
  } catch {
    return [];
  }
  const passages = (raw as Partial<IgnoreFile> | null)?.passages;
  if (!Array.isArray(passages)) return [];
  return passages.filter(
    (entry): entry is IgnoredPassage => typeof entry === 'object' && entry !== null && typeof entry.fingerprint === 'string',
  );
}

/**
 * Adds entries (those not already listed) and rewrites the file atomically, so a crash
 * never leaves half a list. Returns the new list.
 */
export function addIgnoredPassages(folder: string, entries: IgnoredPassage[]): IgnoredPassage[] {
  const passages = readIgnoredPassages(folder);
  const known = new Set(passages.map((entry) => entry.fingerprint));
  for (const entry of entries) {
    if (known.has(entry.fingerprint)) continue;
    known.add(entry.fingerprint);
    passages.push({ fingerprint: entry.fingerprint, words: entry.words, preview: entry.preview });
  }
  const file = path.join(folder, IGNORE_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  const content: IgnoreFile = { version: 1, passages };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
  renameSync(temporary, file);
  return passages;
}
