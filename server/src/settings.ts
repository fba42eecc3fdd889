/**
 * The `seedCurator.*` settings as the server sees them, with their defaults. The defaults
 * here and in package.json's `contributes.configuration` must agree.
 */
export interface Settings {
  include: string[];
  exclude: string[];
  maxFileSizeKB: number;
  debounceMs: number;
  duplicates: DuplicateSettings;
  themes: ThemeSettings;
}

export type DiagnosticSeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface DuplicateSettings {
  enabled: boolean;
  minWords: number;
  minSimilarity: number;
  boilerplateMinCopies: number;
  severity: DiagnosticSeverityName;
  maxPerFile: number;
}

export interface ThemeSettings {
  /** Number of automatic themes; 0 chooses it. */
  count: number;
  /** User themes, `{name, keywords}` each; validated by the themes feature. */
  defined: unknown[];
}

export const defaultSettings: Settings = {
  include: ['**/*.txt', '**/*.md'],
  exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/build/**', '**/.seed-curator/**'],
  maxFileSizeKB: 2048,
  debounceMs: 200,
  duplicates: {
    enabled: true,
    minWords: 25,
    minSimilarity: 0.8,
    boilerplateMinCopies: 10,
    severity: 'information',
    maxPerFile: 100,
  },
  themes: { count: 0, defined: [] },
};

/**
 * Merges what the client sent over the defaults. A value of the wrong type keeps its
 * default and is described in `problems`, e.g. `seedCurator.duplicates.minWords is "x", not a number`.
 */
export function resolveSettings(raw: unknown, problems: string[] = []): Settings {
  const settings: Settings = structuredClone(defaultSettings);
  if (typeof raw !== 'object' || raw === null) return settings;
  mergeInto(settings as unknown as Record<string, unknown>, raw as Record<string, unknown>, 'seedCurator', problems);
  return settings;
}

/**
 * Resolves the settings each time they are read, and says in one log line which had the
 * wrong type; the same mistakes are not said again at the next read.
 */
export function settingsReader(warn: (message: string) => void): (raw: unknown) => Settings {
  let said = '';
  return (raw) => {
    const problems: string[] = [];
    const settings = resolveSettings(raw, problems);
    const summary = problems.join('; ');
    if (summary !== '' && summary !== said) warn(`Settings of the wrong type, their defaults are used instead: ${summary}.`);
    said = summary;
    return settings;
  };
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>, prefix: string, problems: string[]): void {
  for (const [key, defaultValue] of Object.entries(target)) {
    const name = `${prefix}.${key}`;
    const value = source[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(defaultValue)) {
      // An empty default says nothing about its items' type: the feature reading it validates them.
      const itemType = defaultValue.length === 0 ? undefined : typeof defaultValue[0];
      if (Array.isArray(value) && (itemType === undefined || value.every((item) => typeof item === itemType))) target[key] = value;
      else problems.push(wrongType(name, value, itemType === undefined ? 'a list' : `a list of ${itemType}s`));
    } else if (typeof defaultValue === 'object' && defaultValue !== null) {
      if (typeof value === 'object' && !Array.isArray(value)) mergeInto(defaultValue as Record<string, unknown>, value as Record<string, unknown>, name, problems);
      else problems.push(wrongType(name, value, 'an object'));
    } else if (typeof value === typeof defaultValue) {
      target[key] = value;
    } else {
      problems.push(wrongType(name, value, `a ${typeof defaultValue}`));
    }
  }
}

/** Longest part of a wrong value quoted in the log. */
const MAX_QUOTED = 40;

function wrongType(name: string, value: unknown, expected: string): string {
  const quoted = JSON.stringify(value) ?? String(value);
  return `${name} is ${quoted.length > MAX_QUOTED ? `${quoted.slice(0, MAX_QUOTED)}…` : quoted}, not ${expected}`;
}
