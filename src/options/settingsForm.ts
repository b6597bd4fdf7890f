import { WIRE_LIMITS } from '../core/wire/constants';
import type { Settings } from '../core/types';
import { parseSitePatterns } from '../core/settings/watchedSites';

/** A number field of the settings page: its bounds and how it maps to the stored value. */
export interface NumberField {
  key: NumericKey;
  label: string;
  unit: string;
  min: number;
  max: number;
  /** Stored value = shown value × scale (seconds shown, milliseconds stored). */
  scale: number;
  help: string;
}

export type NumericKey =
  | 'graceWindowMs'
  | 'customConnectionLimit'
  | 'churnThreshold'
  | 'churnWindowMs'
  | 'userObjectLimitBytes'
  | 'framesPerSocket'
  | 'previewChars'
  | 'maxSocketsPerTab'
  | 'rateLimitHeadroomPercent'
  | 'queryRepeatCount'
  | 'queryRepeatWindowMs'
  | 'queryChannelsMaxLimit';

export const NUMBER_FIELDS: Record<NumericKey, NumberField> = {
  customConnectionLimit: { key: 'customConnectionLimit', label: 'Custom limit', unit: 'sockets per user', min: 1, max: 100_000, scale: 1, help: 'Used when the profile is custom.' },
  graceWindowMs: {
    key: 'graceWindowMs',
    label: 'Grace window',
    unit: 'ms',
    min: 0,
    max: 60_000,
    scale: 1,
    help: 'How long two sockets of one user may overlap before it is a duplicate (reconnect hand-overs and StrictMode double mounts overlap briefly).',
  },
  churnThreshold: { key: 'churnThreshold', label: 'Reconnect churn', unit: 'sockets', min: 2, max: 10_000, scale: 1, help: 'This many sockets opened for one user (or endpoint) in one tab…' },
  churnWindowMs: { key: 'churnWindowMs', label: 'within', unit: 's', min: 1, max: 3_600, scale: 1000, help: '…within this many seconds is reported as churn.' },
  userObjectLimitBytes: { key: 'userObjectLimitBytes', label: 'User object limit', unit: 'bytes', min: 1, max: 10_000_000, scale: 1, help: 'A user object sent on connect of this size or more is an error (Stream: 5 KB).' },
  framesPerSocket: { key: 'framesPerSocket', label: 'Frames kept per socket', unit: 'frames', min: 0, max: 1_000, scale: 1, help: 'The most recent frames each socket keeps for the Frames view.' },
  previewChars: { key: 'previewChars', label: 'Frame preview', unit: 'characters', min: 16, max: WIRE_LIMITS.previewChars, scale: 1, help: 'How much of each frame is copied (longer frames are cut).' },
  rateLimitHeadroomPercent: {
    key: 'rateLimitHeadroomPercent',
    label: 'Rate-limit headroom',
    unit: '% of the limit',
    min: 1,
    max: 99,
    scale: 1,
    help: 'An endpoint whose remaining calls this minute fall under this share of its limit is a warning (rate-limit-headroom).',
  },
  queryRepeatCount: { key: 'queryRepeatCount', label: 'Repeated queryChannels', unit: 'calls', min: 2, max: 1_000, scale: 1, help: 'The same queryChannels filter this many times…' },
  queryRepeatWindowMs: { key: 'queryRepeatWindowMs', label: 'within', unit: 's', min: 1, max: 600, scale: 1000, help: '…within this many seconds is a query on every render (query-channels-repeated).' },
  queryChannelsMaxLimit: {
    key: 'queryChannelsMaxLimit',
    label: 'Watched channels per query',
    unit: 'channels',
    min: 1,
    max: 1_000,
    scale: 1,
    help: 'A watched queryChannels with a larger limit, or none, is a warning (query-channels-unbounded; Stream recommends 30).',
  },
  maxSocketsPerTab: { key: 'maxSocketsPerTab', label: 'Sockets kept per tab', unit: 'sockets', min: 10, max: 100_000, scale: 1, help: 'Beyond this, the oldest closed sockets are dropped from the record (and counted).' },
};

/** What the form edits: numbers as typed (text), the rest as values. */
export type SettingsForm = Omit<Settings, NumericKey | 'watchedSites'> & Record<NumericKey, string> & { watchedSites: string };

export function formOf(settings: Settings): SettingsForm {
  const numbers = Object.fromEntries(Object.values(NUMBER_FIELDS).map((field) => [field.key, String(settings[field.key] / field.scale)])) as Record<NumericKey, string>;
  return { ...settings, ...numbers, watchedSites: settings.watchedSites.join('\n') };
}

export type FormResult = { ok: true; settings: Settings } | { ok: false; errors: Partial<Record<NumericKey, string>> };

/** The settings a form describes, or what is wrong with each field. */
export function settingsOf(form: SettingsForm): FormResult {
  const errors: Partial<Record<NumericKey, string>> = {};
  const numbers: Partial<Record<NumericKey, number>> = {};
  for (const field of Object.values(NUMBER_FIELDS)) {
    const text = form[field.key].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) errors[field.key] = `${field.label}: enter a number.`;
    else if (value < field.min || value > field.max) errors[field.key] = `${field.label}: between ${field.min} and ${field.max} ${field.unit}.`;
    else numbers[field.key] = Math.round(value * field.scale);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: { ...form, ...(numbers as Record<NumericKey, number>), watchedSites: parseSitePatterns(form.watchedSites) } };
}
