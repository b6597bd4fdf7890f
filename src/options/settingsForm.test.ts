import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import { formOf, settingsOf } from './settingsForm';

describe('settings form', () => {
  it('round-trips the defaults', () => {
    expect(settingsOf(formOf(DEFAULT_SETTINGS))).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('shows the churn window in seconds and stores milliseconds', () => {
    const form = formOf(DEFAULT_SETTINGS);
    expect(form.churnWindowMs).toBe('60');
    const result = settingsOf({ ...form, churnWindowMs: '90', watchedSites: 'localhost:8765\n*.example.com' });
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, churnWindowMs: 90_000, watchedSites: ['localhost:8765', '*.example.com'] } });
  });

  it('names each field that is out of range or not a number', () => {
    const result = settingsOf({ ...formOf(DEFAULT_SETTINGS), graceWindowMs: '-5', customConnectionLimit: 'many' });
    expect(result).toEqual({
      ok: false,
      errors: { graceWindowMs: 'Grace window: between 0 and 60000 ms.', customConnectionLimit: 'Custom limit: enter a number.' },
    });
  });
});
