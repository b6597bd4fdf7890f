import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { calleeName, place } from '../ast';
import { lintDocsUrl } from '../ruleDocs';

/**
 * connectUser call sites seen in this ESLint run, per file. ESLint lints file by file and gives
 * a rule no end-of-run hook, so the sites are kept across files in the process; a file linted
 * again replaces its own entry (an editor's long-running ESLint stays right).
 */
const sitesByFile = new Map<string, string[]>();

function allSites(): string[] {
  return [...sitesByFile.values()].flat();
}

/**
 * single-connect-call-site: Stream's "global search" for connectUser, done by the linter. One
 * report per file with a site after the first: it lists every site seen so far, so the last
 * file's report lists them all.
 */
export const singleConnectCallSite: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'One connectUser call site for the chat client across the files linted', url: lintDocsUrl('single-connect-call-site') },
    schema: [],
    messages: {
      several:
        'connectUser is called from {{count}} places ({{sites}}): Stream asks for a single call on a page, and each extra call site is a way to a second socket for the user. Connect in one place (a provider or a module) and share the client. Runtime rule: duplicate-connection (docs/rules/duplicate-connection.md).',
    },
  },
  create(context) {
    const here: ESTree.Node[] = [];
    return {
      CallExpression(node) {
        if (node.callee.type === 'MemberExpression' && calleeName(node.callee) === 'connectUser') here.push(node);
      },
      'Program:exit'() {
        const filename = context.filename;
        sitesByFile.delete(filename);
        if (here.length === 0) return;
        const before = allSites().length;
        sitesByFile.set(filename, here.map((node) => place(filename, node, context.cwd)));
        const sites = allSites();
        if (sites.length < 2) return;
        // The first site in this file that is not the first overall carries the report.
        const reportAt = before === 0 ? here[1] : here[0];
        if (reportAt) context.report({ node: reportAt, messageId: 'several', data: { count: String(sites.length), sites: sites.join(', ') } });
      },
    };
  },
};

/** For tests: forget the sites of earlier runs. */
export function forgetConnectCallSites(): void {
  sitesByFile.clear();
}
