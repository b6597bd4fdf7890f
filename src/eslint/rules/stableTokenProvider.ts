import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { calleeName, isFunction, walk, type AnyNode } from '../ast';
import { lintDocsUrl } from '../ruleDocs';

const WATCHED_OPTIONS = new Set(['tokenOrProvider', 'userData']);
const EFFECTS = new Set(['useEffect', 'useLayoutEffect']);
const CONNECTS = new Set(['connectUser', 'setUser']);

function isInlineValue(node: ESTree.Node | null | undefined): boolean {
  return node !== null && node !== undefined && (isFunction(node) || node.type === 'ObjectExpression');
}

function insideFunction(node: AnyNode): boolean {
  for (let current = node.parent as AnyNode | null; current; current = current.parent as AnyNode | null) if (isFunction(current)) return true;
  return false;
}

/** The inline function or object a name in a component is bound to, made anew on every render. */
function renderBoundValue(identifier: ESTree.Identifier, context: Rule.RuleContext): ESTree.Node | null {
  const reference = context.sourceCode.getScope(identifier).references.find((candidate) => candidate.identifier === identifier);
  const variable = reference?.resolved;
  if (!variable || variable.scope.type === 'module' || variable.scope.type === 'global') return null;
  // A parameter (props) is the caller's value, not one made here: only variables and functions declared in the component.
  const definition = variable.defs[0];
  const node = definition?.node as ESTree.Node | undefined;
  if (definition?.type === 'Variable' && node?.type === 'VariableDeclarator' && isInlineValue(node.init)) return node.init ?? null;
  if (definition?.type === 'FunctionName' && node?.type === 'FunctionDeclaration') return node;
  return null;
}

/**
 * stable-token-provider: an inline token provider or user object makes a new client on every
 * render (stream-chat-react's useCreateChatClient depends on it), or re-runs a connecting effect.
 */
export const stableTokenProvider: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Token providers and user objects given to a connect must keep their identity across renders', url: lintDocsUrl('stable-token-provider') },
    schema: [],
    messages: {
      inlineOption:
        'An inline {{kind}} as {{option}} of useCreateChatClient is a new value on every render: the hook makes a new client for it, whose connect re-renders, and so on (about a dozen clients a second). Define it at module level, or keep it with useCallback / useMemo. Runtime rules: reconnect-churn, duplicate-connection (docs/rules/reconnect-churn.md).',
      inlineDependency:
        '"{{name}}" is a new {{kind}} on every render and a dependency of an effect that connects: the effect reconnects on every render. Define it at module level, or keep it with useCallback / useMemo. Runtime rule: reconnect-churn (docs/rules/reconnect-churn.md).',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const name = calleeName(node.callee);
        if (name === 'useCreateChatClient') {
          const options = node.arguments[0];
          if (options?.type !== 'ObjectExpression' || !insideFunction(node as AnyNode)) return;
          for (const property of options.properties) {
            if (property.type !== 'Property' || property.key.type !== 'Identifier' || !WATCHED_OPTIONS.has(property.key.name)) continue;
            let value: ESTree.Node | null = property.value;
            if (value.type === 'Identifier') value = renderBoundValue(value, context);
            if (value && isInlineValue(value)) {
              context.report({ node: property, messageId: 'inlineOption', data: { option: property.key.name, kind: value.type === 'ObjectExpression' ? 'object' : 'function' } });
            }
          }
          return;
        }
        if (!name || !EFFECTS.has(name)) return;
        const [effect, dependencies] = node.arguments;
        if (!isFunction(effect) || dependencies?.type !== 'ArrayExpression') return;
        const connects = [...walk(effect.body)].some((inner) => inner.type === 'CallExpression' && CONNECTS.has(calleeName(inner.callee) ?? ''));
        if (!connects) return;
        for (const dependency of dependencies.elements) {
          if (dependency?.type !== 'Identifier') continue;
          const value = renderBoundValue(dependency, context);
          if (value) context.report({ node: dependency, messageId: 'inlineDependency', data: { name: dependency.name, kind: value.type === 'ObjectExpression' ? 'object' : 'function' } });
        }
      },
    };
  },
};
