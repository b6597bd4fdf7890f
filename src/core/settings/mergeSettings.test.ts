import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './defaults';
import { mergeSettings } from './mergeSettings';

describe('mergeSettings', () => {
  it('starts from the defaults, with redaction on', () => {
    expect(mergeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings(undefined).redact).toBe(true);
  });

  it('keeps stored fields of the right type and drops the rest', () => {
    const merged = mergeSettings({ graceWindowMs: 2500, redact: 'no', watchedSites: 'x', framesPerSocket: Number.NaN, stale: 1 });
    expect(merged).toEqual({ ...DEFAULT_SETTINGS, graceWindowMs: 2500 });
  });
});
