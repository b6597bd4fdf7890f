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
