/**
 * The JSON files a user writes under `.seed-curator/` (organisations, ignored passages,
 * themes): parsed leniently (comments, trailing commas) and checked against a JSON schema.
 * Every mistake becomes a problem with the offsets of the part of the file it concerns,
 * so the editor can underline it; the caller keeps the parts that are well formed.
 */
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'fs';
import { Node, ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Finding } from './report';
import { LineIndex } from './text';

export interface FileProblem {
  message: string;
  /** Offsets in the file's text; end exclusive. */
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export type JsonPath = (string | number)[];

export interface CheckedJson {
  /** What could be read, even from a file with syntax errors; undefined for an empty file. */
  value: unknown;
  problems: FileProblem[];
  /** Where the values the schema rejected are, so the caller can leave them out. */
  rejected: JsonPath[];
}

/** Messages for schema keywords whose generic wording would not help, e.g. `{pattern: 'must be ...'}`. */
export type KeywordMessages = Partial<Record<string, string>>;

/** Keywords that only say that a branch failed; the branch's own errors say why. */
const WRAPPER_KEYWORDS = new Set(['if', 'anyOf', 'oneOf']);

let ajv: Ajv | undefined;
const validators = new WeakMap<object, ValidateFunction>();

/**
 * Compiled when first needed, and once: compiling (Ajv's meta-schema first) took about 50 ms
 * of every start of the CLI and the server, for files most workspaces do not have. Ajv is
 * loaded then too: evaluating its modules took about 7 ms of every start of the CLI.
 */
function validatorOf(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    ajv ??= new (require('ajv') as { default: typeof Ajv }).default({ allErrors: true });
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/** `schema` is a JSON schema (draft-07). */
export function checkJson(text: string, schema: object, messages: KeywordMessages = {}): CheckedJson {
  if (text.trim() === '') return { value: undefined, problems: [], rejected: [] };
  const validate = validatorOf(schema);
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { allowTrailingComma: true, disallowComments: false });
  const problems: FileProblem[] = syntaxErrors.map((error) => ({
    message: `JSON syntax: ${printParseErrorCode(error.error)}`,
    start: error.offset,
    end: error.offset + Math.max(1, error.length),
    severity: 'error',
  }));
  if (!root) return { value: undefined, problems, rejected: [] };
  const value: unknown = getNodeValue(root);
  if (validate(value)) return { value, problems, rejected: [] };
  const errors = validate.errors ?? [];
  const meaningful = errors.some((error) => !WRAPPER_KEYWORDS.has(error.keyword))
    ? errors.filter((error) => !WRAPPER_KEYWORDS.has(error.keyword))
    : errors;
  const rejected: JsonPath[] = [];
  for (const error of meaningful) {
    const path = pointerSegments(error.instancePath);
    rejected.push(path);
    problems.push({ ...locate(root, error, path, text.length), message: describe(error, messages), severity: 'error' });
  }
  return { value, problems, rejected };
}

/** The indexes of the items of the list at `listPath` that the schema rejected (or that hold a rejected value). */
export function rejectedItems(checked: CheckedJson, listPath: JsonPath): Set<number> {
  const items = new Set<number>();
  for (const path of checked.rejected) {
    const inside = path.length > listPath.length && listPath.every((segment, i) => path[i] === segment);
    const item = path[listPath.length];
    if (inside && typeof item === 'number') items.add(item);
  }
  return items;
}

/** Problems as findings of the CLI's report, at their 1-based line and column in the file at `relativePath`. */
export function problemFindings(relativePath: string, text: string, problems: readonly FileProblem[]): Finding[] {
  const lines = new LineIndex(text);
  return problems.map((problem) => {
    const { line, character } = lines.positionAt(problem.start);
    return { path: relativePath, line: line + 1, column: character + 1, severity: problem.severity, message: problem.message };
  });
}

/** A file's text, or undefined when it cannot be read (usually: it does not exist). */
export function readTextIfPresent(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}

function pointerSegments(pointer: string): JsonPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The offsets of the value an error is about; for an unknown property, of its key. */
function locate(root: Node, error: ErrorObject, path: JsonPath, textLength: number): { start: number; end: number } {
  const node = findNodeAtLocation(root, path) ?? root;
  if (error.keyword === 'additionalProperties') {
    const property = node.children?.find((child) => child.children?.[0]?.value === error.params.additionalProperty);
    const key = property?.children?.[0];
    if (key) return { start: key.offset, end: key.offset + key.length };
  }
  return { start: Math.min(node.offset, textLength), end: Math.min(node.offset + Math.max(1, node.length), textLength) };
}

function describe(error: ErrorObject, messages: KeywordMessages): string {
  const where = error.instancePath === '' ? 'The file' : `${error.instancePath.slice(1).replace(/\//g, '.')}`;
  const custom = messages[error.keyword];
  if (custom) return `${where}: ${custom}`;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown property "${String(error.params.additionalProperty)}".`;
    case 'required':
      return `${where}: missing property "${String(error.params.missingProperty)}".`;
    case 'type':
      return `${where}: must be ${aOrAn(String(error.params.type))}.`;
    case 'const':
      return `${where}: must be ${JSON.stringify(error.params.allowedValue)}.`;
    case 'minLength':
      return `${where}: must not be empty.`;
    case 'minItems':
      return `${where}: must not be an empty list.`;
    default:
      return `${where}: ${error.message ?? 'is not valid'}.`;
  }
}

function aOrAn(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
