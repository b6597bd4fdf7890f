import { DEFAULT_IDENTITY_RULES } from '../identityRules';
import type { Settings } from '../types';
import { DEFAULT_FRAMES_PER_SOCKET, DEFAULT_PREVIEW_CHARS } from '../wire/constants';

/** What every setting is until the user changes it (the settings page says what each does). */
export const DEFAULT_SETTINGS: Settings = {
  graceWindowMs: 1000,
  framesPerSocket: DEFAULT_FRAMES_PER_SOCKET,
  maxSocketsPerTab: 1000,
  redact: true,
  captureFrames: true,
  previewChars: DEFAULT_PREVIEW_CHARS,
  watchedSites: [],
  limitProfile: 'development',
  customConnectionLimit: 10,
  churnThreshold: 5,
  churnWindowMs: 60_000,
  userObjectLimitBytes: 5 * 1024,
  identityRules: DEFAULT_IDENTITY_RULES,
  rateLimitHeadroomPercent: 20,
  queryRepeatCount: 3,
  queryRepeatWindowMs: 5_000,
  queryChannelsMaxLimit: 30,
};
