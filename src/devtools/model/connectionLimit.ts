import type { Settings } from '../../core/types';

export interface ConnectionLimit {
  /** e.g. "development", "production", "custom" */
  profile: string;
  limit: number;
}

/** Stream's documented per-user limits (product spec): development 3 is the default. */
const PROFILE_LIMITS: Record<string, number> = { development: 3, production: 50 };

/**
 * The per-user connection limit the settings ask for. Read field by field so a settings object
 * from an older or newer build still yields a limit.
 */
export function connectionLimitOf(settings: Settings): ConnectionLimit {
  const fields = settings as unknown as Record<string, unknown>;
  const profile = typeof fields['limitProfile'] === 'string' ? fields['limitProfile'] : 'development';
  const custom = fields['customConnectionLimit'];
  if (profile === 'custom' && typeof custom === 'number' && custom > 0) return { profile, limit: custom };
  return { profile: profile in PROFILE_LIMITS ? profile : 'development', limit: PROFILE_LIMITS[profile] ?? 3 };
}
