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

/** Merges what the client sent over the defaults, ignoring values of the wrong type. */
export function resolveSettings(raw: unknown): Settings {
  const settings: Settings = structuredClone(defaultSettings);
  if (typeof raw !== 'object' || raw === null) return settings;
  mergeInto(settings as unknown as Record<string, unknown>, raw as Record<string, unknown>);
  return settings;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, defaultValue] of Object.entries(target)) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(defaultValue)) {
      // An empty default says nothing about its items' type: the feature reading it validates them.
      if (Array.isArray(value) && (defaultValue.length === 0 || value.every((item) => typeof item === typeof defaultValue[0]))) {
        target[key] = value;
      }
    } else if (typeof defaultValue === 'object' && defaultValue !== null) {
      if (typeof value === 'object') mergeInto(defaultValue as Record<string, unknown>, value as Record<string, unknown>);
    } else if (typeof value === typeof defaultValue) {
      target[key] = value;
    }
  }
}
