/**
 * The "sites to watch" setting: an empty list watches every site. A pattern is a host
 * (`app.example.com`), a host and port (`localhost:8765`), a wildcard host (`*.example.com`,
 * which also matches example.com itself), or a URL prefix (`https://app.example.com/chat`).
 */
export function isWatchedSite(url: string, patterns: readonly string[]): boolean {
  const cleaned = patterns.map((pattern) => pattern.trim().toLowerCase()).filter(Boolean);
  if (cleaned.length === 0) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return cleaned.some((pattern) => matches(parsed, url.toLowerCase(), pattern));
}

function matches(url: URL, lowerHref: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.includes('://')) return lowerHref.startsWith(pattern);
  const host = pattern.includes(':') ? url.host : url.hostname;
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === pattern;
}

/** One pattern per line (or comma), as typed in the settings page. */
export function parseSitePatterns(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** What the browser injects into when every site is watched. */
export const EVERY_SITE = '<all_urls>';

// A host as a match pattern may name it: letters, digits, `-`, `_`, dots, an IPv6 literal.
const MATCHABLE_HOST = /^(?:\*\.)?[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$|^\[[0-9a-f:.]+\]$/;
const MATCHABLE_SCHEMES = new Set(['http', 'https', 'file']);

/**
 * The match patterns to register the content scripts for, so that a site the settings do not
 * watch gets nothing injected (docs/architecture.md). Patterns are per host: match patterns can
 * say neither a port (Firefox) nor, with `matchOriginAsFallback`, a path, so `localhost:8765`
 * and `https://app.example.com/chat` register their whole host, and the worker, which checks
 * each page against the list itself, quiets the other ports and paths. A line no match pattern
 * can express matches no page, and registers nothing.
 */
export function contentScriptMatches(patterns: readonly string[]): string[] {
  const cleaned = patterns.map((pattern) => pattern.trim().toLowerCase()).filter(Boolean);
  if (cleaned.length === 0 || cleaned.includes('*')) return [EVERY_SITE];
  const matches = new Set<string>();
  for (const pattern of cleaned) {
    const match = pattern.includes('://') ? prefixMatch(pattern) : hostMatch(pattern);
    if (match !== null) matches.add(match);
  }
  return [...matches];
}

function hostMatch(pattern: string): string | null {
  const host = pattern.startsWith('[') ? pattern.slice(0, pattern.indexOf(']') + 1) : pattern.replace(/:\d*$/, '');
  return MATCHABLE_HOST.test(host) ? `*://${host}/*` : null;
}

function prefixMatch(pattern: string): string | null {
  let url: URL;
  try {
    url = new URL(pattern);
  } catch {
    return null;
  }
  const scheme = url.protocol.slice(0, -1);
  if (!MATCHABLE_SCHEMES.has(scheme)) return null;
  if (scheme === 'file') return 'file:///*';
  return MATCHABLE_HOST.test(url.hostname) ? `${scheme}://${url.hostname}/*` : null;
}
