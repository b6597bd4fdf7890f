/**
 * Each lint rule's page: a section of docs/eslint.md, shipped with the package, which links to
 * the runtime rule it mirrors (docs/rules/). A path in the package, not a web address: the
 * package has no home page of its own yet.
 */
export function lintDocsUrl(rule: string): string {
  return `docs/eslint.md#${rule}`;
}
