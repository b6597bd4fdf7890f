import { readFile } from 'node:fs/promises';
import { mergeSettings } from '../core/settings/mergeSettings';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import type { Settings } from '../core/types';
import { AuditError, messageOf } from './errors';

/**
 * Settings from a JSON object of settings fields, the shape the settings page keeps and exports
 * (a `{ "settings": {...} }` wrapper is accepted too). Unlike the extension's storage, which
 * falls back quietly, a CI's settings file that says something we would ignore is an error:
 * a misspelt `graceWindowMS` must not silently leave the default in place.
 */
export function settingsFromJson(value: unknown, source: string): Settings {
  const wrapped = typeof value === 'object' && value !== null && 'settings' in value && !Object.keys(value).some((key) => key in DEFAULT_SETTINGS);
  const fields = wrapped ? (value as { settings: unknown }).settings : value;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new AuditError(`${source} is not a settings object (expected {"limitProfile": "production", ...})`);
  const merged = mergeSettings(fields);
  const problems: string[] = [];
  for (const [key, given] of Object.entries(fields)) {
    if (!(key in DEFAULT_SETTINGS)) problems.push(`unknown setting "${key}"`);
    else if (JSON.stringify(merged[key as keyof Settings]) !== JSON.stringify(given)) problems.push(`"${key}" has the wrong type (${JSON.stringify(given)}; the default is ${JSON.stringify(DEFAULT_SETTINGS[key as keyof Settings])})`);
  }
  if (problems.length > 0) throw new AuditError(`${source}: ${problems.join('; ')}`);
  return merged;
}

export async function readSettingsFile(file: string): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AuditError(`cannot read the settings file ${file}: ${messageOf(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AuditError(`the settings file ${file} is not JSON: ${messageOf(error)}`);
  }
  return settingsFromJson(value, `the settings file ${file}`);
}
