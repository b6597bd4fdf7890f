/**
 * Shared by the real-client pages: each page runs one exchange and publishes what it saw,
 * in order, as `window.clientRun` (a promise of lines). The test compares the lines of a run
 * with the extension to those of a run without it.
 */
export function publishRun(run: () => Promise<string[]>): void {
  const published = run().catch((error: unknown) => [`failed: ${error instanceof Error ? error.message : String(error)}`]);
  (window as unknown as { clientRun: Promise<string[]> }).clientRun = published;
}

/** Resolves after `ms`; used only to let a server-side close reach the client. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** An unsigned JWT naming `userId`, as an app puts it in a connect URL. */
export function unsignedToken(userId: string): string {
  const part = (value: object): string => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ user_id: userId })}.signature`;
}
