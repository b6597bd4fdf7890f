import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { calleeName, isFunction, walk, type FunctionNode } from '../ast';
import { lintDocsUrl } from '../ruleDocs';

const EFFECTS = new Set(['useEffect', 'useLayoutEffect']);
const CONNECTS = new Set(['connectUser', 'setUser']);
const DISCONNECTS = new Set(['disconnectUser', 'disconnect']);

/** The connect an effect makes: `x.connectUser(...)`, `x.setUser(...)`, or a StreamVideoClient created. */
function connectIn(effect: FunctionNode): ESTree.Node | null {
  for (const node of walk(effect.body)) {
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && CONNECTS.has(calleeName(node.callee) ?? '')) return node;
    if (node.type === 'NewExpression' && calleeName(node.callee) === 'StreamVideoClient') return node;
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && calleeName(node.callee) === 'getOrCreateInstance' && calleeName(node.callee.object) === 'StreamVideoClient') return node;
  }
  return null;
}

/** The function the effect returns as its cleanup, if it returns one it defines in place or by name. */
function cleanupOf(effect: FunctionNode, context: Rule.RuleContext): ESTree.Node | null {
  if (effect.body.type !== 'BlockStatement') return isFunction(effect.body) ? effect.body : null;
  // Only the effect's own return statements, not those of functions inside it.
  for (const node of walk(effect.body, (child) => isFunction(child))) {
    if (node.type !== 'ReturnStatement' || !node.argument) continue;
    if (isFunction(node.argument)) return node.argument;
    if (node.argument.type === 'Identifier') {
      const variable = context.sourceCode.getScope(node).references.find((reference) => reference.identifier === node.argument)?.resolved;
      const definition = variable?.defs[0];
      const defined = definition?.node as ESTree.Node | undefined;
      if (definition?.type === 'FunctionName' && defined?.type === 'FunctionDeclaration') return defined;
      if (definition?.type === 'Variable' && defined?.type === 'VariableDeclarator' && isFunction(defined.init)) return defined.init;
      return node.argument; // a cleanup made elsewhere: give it the benefit of the doubt
    }
  }
  return null;
}

function disconnects(cleanup: ESTree.Node): boolean {
  if (cleanup.type === 'Identifier') return true;
  for (const node of walk(cleanup)) if (node.type === 'CallExpression' && DISCONNECTS.has(calleeName(node.callee) ?? '')) return true;
  return false;
}

/** connect-in-effect-needs-cleanup: the source form of duplicate-connection's commonest cause. */
export const connectInEffectNeedsCleanup: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'A connect inside useEffect / useLayoutEffect needs a cleanup that disconnects', url: lintDocsUrl('connect-in-effect-needs-cleanup') },
    schema: [],
    messages: {
      missingCleanup:
        '{{connect}} in {{effect}} without a cleanup that calls disconnectUser() / disconnect(): every re-run of the effect (and React StrictMode\'s double mount) opens one more socket for the user. Return () => client.disconnectUser(). Runtime rule: duplicate-connection (docs/rules/duplicate-connection.md).',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const effectName = calleeName(node.callee);
        if (!effectName || !EFFECTS.has(effectName)) return;
        const effect = node.arguments[0];
        if (!isFunction(effect)) return;
        const connect = connectIn(effect);
        if (!connect) return;
        const cleanup = cleanupOf(effect, context);
        if (cleanup && disconnects(cleanup)) return;
        const connectName = connect.type === 'NewExpression' ? 'new StreamVideoClient()' : `${calleeName((connect as ESTree.CallExpression).callee)}()`;
        context.report({ node: connect, messageId: 'missingCleanup', data: { connect: connectName, effect: effectName } });
      },
    };
  },
};
