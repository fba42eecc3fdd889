/**
 * Reads a workspace's `.seed-curator/organisations.json`. The file is checked against
 * organisations.schema.json; every mistake becomes a problem with the offsets of the
 * part of the file it concerns, and the entries without mistakes are still used.
 */
import Ajv, { ErrorObject } from 'ajv';
import { Node, ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import schema from './organisations.schema.json';
import { GazetteerFile, OrganisationEntry, entryId } from './gazetteer';

/** Where the workspace's organisations live, relative to a workspace folder. */
export const WORKSPACE_ORGANISATIONS_PATH = '.seed-curator/organisations.json';

export interface FileProblem {
  message: string;
  /** Offsets in the file's text; end exclusive. */
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export interface WorkspaceFileResult {
  file: GazetteerFile;
  problems: FileProblem[];
}

interface RawEntry {
  id?: string;
  name: string;
  aliases?: string[];
  description?: string;
  ambiguous?: boolean;
}

const validate = new Ajv({ allErrors: true }).compile(schema);

export function readWorkspaceOrganisations(text: string): WorkspaceFileResult {
  const empty: GazetteerFile = { organisations: [], ignore: [] };
  if (text.trim() === '') return { file: empty, problems: [] };
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { allowTrailingComma: true, disallowComments: false });
  const problems: FileProblem[] = syntaxErrors.map((error) => ({
    message: `JSON syntax: ${printParseErrorCode(error.error)}`,
    start: error.offset,
    end: error.offset + Math.max(1, error.length),
    severity: 'error',
  }));
  if (!root) return { file: empty, problems };
  const value: unknown = getNodeValue(root);
  if (validate(value)) return { file: toGazetteerFile(value as { organisations?: RawEntry[]; ignore?: string[] }, new Set()), problems };

  const rejectedEntries = new Set<number>();
  for (const error of validate.errors ?? []) {
    const path = pointerSegments(error.instancePath);
    if (path[0] === 'organisations' && typeof path[1] === 'number') rejectedEntries.add(path[1]);
    problems.push({ ...locate(root, error, path, text.length), message: describe(error), severity: 'error' });
  }
  // The parts that are well formed are still used, so one typo does not hide every entry.
  const usable = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const organisations = Array.isArray(usable.organisations) ? (usable.organisations as RawEntry[]) : [];
  const ignore = Array.isArray(usable.ignore) ? usable.ignore.filter((item): item is string => typeof item === 'string' && item !== '') : [];
  return { file: toGazetteerFile({ organisations, ignore }, rejectedEntries), problems };
}

function toGazetteerFile(value: { organisations?: RawEntry[]; ignore?: string[] }, rejected: Set<number>): GazetteerFile {
  const organisations: OrganisationEntry[] = [];
  (value.organisations ?? []).forEach((raw, index) => {
    if (rejected.has(index)) return;
    const entry: OrganisationEntry = { id: entryId(raw), name: raw.name, aliases: raw.aliases ?? [] };
    if (raw.description !== undefined) entry.description = raw.description;
    if (raw.ambiguous !== undefined) entry.ambiguous = raw.ambiguous;
    organisations.push(entry);
  });
  return { organisations, ignore: value.ignore ?? [] };
}

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The offsets of the value an error is about; for an unknown property, of its key. */
function locate(root: Node, error: ErrorObject, path: (string | number)[], textLength: number): { start: number; end: number } {
  const node = findNodeAtLocation(root, path) ?? root;
  if (error.keyword === 'additionalProperties') {
    const property = node.children?.find((child) => child.children?.[0]?.value === error.params.additionalProperty);
    const key = property?.children?.[0];
    if (key) return { start: key.offset, end: key.offset + key.length };
  }
  return { start: Math.min(node.offset, textLength), end: Math.min(node.offset + Math.max(1, node.length), textLength) };
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'The file' : `${error.instancePath.slice(1).replace(/\//g, '.')}`;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown property "${String(error.params.additionalProperty)}".`;
    case 'required':
      return `${where}: missing property "${String(error.params.missingProperty)}".`;
    case 'type':
      return `${where}: must be ${aOrAn(String(error.params.type))}.`;
    case 'pattern':
      return `${where}: must be lower-case letters, digits and hyphens.`;
    case 'minLength':
      return `${where}: must not be empty.`;
    default:
      return `${where}: ${error.message ?? 'is not valid'}.`;
  }
}

function aOrAn(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
