import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import { settingsFromJson } from './settingsFile';

describe('a --settings file', () => {
  it('sets the fields it names over the defaults, bare or wrapped', () => {
    expect(settingsFromJson({ limitProfile: 'production', graceWindowMs: 2500 }, 'f')).toEqual({ ...DEFAULT_SETTINGS, limitProfile: 'production', graceWindowMs: 2500 });
    expect(settingsFromJson({ settings: { churnThreshold: 8 } }, 'f').churnThreshold).toBe(8);
  });

  it('refuses what it would otherwise ignore, saying which field', () => {
    expect(() => settingsFromJson({ graceWindowMS: 2500 }, 'the settings file s.json')).toThrow('the settings file s.json: unknown setting "graceWindowMS"');
    expect(() => settingsFromJson({ graceWindowMs: '2500' }, 'f')).toThrow('"graceWindowMs" has the wrong type ("2500"; the default is 1000)');
    expect(() => settingsFromJson([1], 'f')).toThrow('f is not a settings object');
  });
});
