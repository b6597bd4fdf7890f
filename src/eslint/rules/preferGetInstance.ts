import type { Rule } from 'eslint';
import { calleeName, runsRepeatedly, type AnyNode } from '../ast';
import { lintDocsUrl } from '../ruleDocs';

/** prefer-get-instance: `new StreamChat(...)` where it can run more than once. */
export const preferGetInstance: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Create the chat client once: StreamChat.getInstance() or a module-level client', url: lintDocsUrl('prefer-get-instance') },
    schema: [],
    messages: {
      repeated:
        'new StreamChat() inside a function or a loop makes a new client (and a new socket) each time it runs: a component render, a hook, a retry. Use StreamChat.getInstance(apiKey) or one module-level client. Runtime rule: duplicate-connection (docs/rules/duplicate-connection.md).',
    },
  },
  create(context) {
    return {
      NewExpression(node) {
        if (calleeName(node.callee) !== 'StreamChat') return;
        if (runsRepeatedly(node as AnyNode)) context.report({ node, messageId: 'repeated' });
      },
    };
  },
};
