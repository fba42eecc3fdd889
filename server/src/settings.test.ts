import { strict as assert } from 'assert';
import manifest from '../../package.json';
import { defaultSettings, resolveSettings, settingsReader } from './settings';

describe('settings', () => {
  it('has the defaults that package.json declares, setting by setting', () => {
    const properties: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;
    for (const [name, { default: declared }] of Object.entries(properties)) {
      const value = name
        .split('.')
        .slice(1)
        .reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], defaultSettings);
      assert.deepEqual(value, declared, name);
    }
  });

  it('takes values of the right type and keeps the default of each wrong one, naming it', () => {
    const problems: string[] = [];
    const settings = resolveSettings(
      { maxFileSizeKB: 64, debounceMs: '5', include: ['**/*.txt', 3], duplicates: { minWords: 'x', severity: 'warning', enabled: 1 }, themes: 'many' },
      problems,
    );
    assert.equal(settings.maxFileSizeKB, 64);
    assert.equal(settings.duplicates.severity, 'warning');
    assert.equal(settings.debounceMs, defaultSettings.debounceMs);
    assert.deepEqual(settings.include, defaultSettings.include);
    assert.equal(settings.duplicates.minWords, defaultSettings.duplicates.minWords);
    assert.equal(settings.duplicates.enabled, true);
    assert.deepEqual(settings.themes, defaultSettings.themes);
    assert.deepEqual(problems, [
      'seedCurator.include is ["**/*.txt",3], not a list of strings',
      'seedCurator.debounceMs is "5", not a number',
      'seedCurator.duplicates.enabled is 1, not a boolean',
      'seedCurator.duplicates.minWords is "x", not a number',
      'seedCurator.themes is "many", not an object',
    ]);
  });

  it('takes no settings at all, or settings that are not an object, for the defaults', () => {
    for (const raw of [undefined, null, 'seed', 42, []]) assert.deepEqual(resolveSettings(raw), defaultSettings);
  });

  it('says what is wrong in one log line, and not again until it changes', () => {
    const lines: string[] = [];
    const read = settingsReader((line) => lines.push(line));
    read({ duplicates: { minWords: 'x', maxPerFile: '9' } });
    read({ duplicates: { minWords: 'x', maxPerFile: '9' } });
    assert.deepEqual(lines, [
      'Settings of the wrong type, their defaults are used instead: seedCurator.duplicates.minWords is "x", not a number; seedCurator.duplicates.maxPerFile is "9", not a number.',
    ]);
    read({ duplicates: { minWords: 30 } });
    read({ duplicates: { minWords: 'y' } });
    assert.equal(lines.length, 2);
    assert.match(lines[1], /minWords is "y"/);
  });
});
