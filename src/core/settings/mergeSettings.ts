import type { Settings } from '../types';
import { DEFAULT_SETTINGS } from './defaults';

function sameShape(value: unknown, fallback: unknown): boolean {
  if (Array.isArray(fallback)) return Array.isArray(value);
  if (typeof fallback === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (fallback === null) return true;
  return typeof value === typeof fallback && value !== null && !Array.isArray(value);
}

/**
 * Stored settings over the defaults, field by field. Storage can hold anything (an older build,
 * a hand edit): a field of the wrong type falls back to its default, unknown fields are
 * dropped, and a field added in a newer build starts at its default.
 */
export function mergeSettings(stored: unknown, defaults: Settings = DEFAULT_SETTINGS): Settings {
  const merged: Record<string, unknown> = { ...defaults };
  if (typeof stored !== 'object' || stored === null) return merged as unknown as Settings;
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = (stored as Record<string, unknown>)[key];
    if (value !== undefined && sameShape(value, fallback)) merged[key] = value;
  }
  return merged as unknown as Settings;
}
