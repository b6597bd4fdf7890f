/** The command could not run (no browser, page unreachable, bad file...): the message says why. Exit 2. */
export class AuditError extends Error {}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
