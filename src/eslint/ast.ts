import type { Rule } from 'eslint';
import type * as ESTree from 'estree';

/** Helpers over ESTree nodes (what ESLint's parsers give, typescript-eslint's too). */

export type AnyNode = ESTree.Node & Rule.NodeParentExtension;
export type FunctionNode = ESTree.ArrowFunctionExpression | ESTree.FunctionExpression | ESTree.FunctionDeclaration;

const FUNCTION_TYPES = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration']);
const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

export function isFunction(node: ESTree.Node | null | undefined): node is FunctionNode {
  return node !== null && node !== undefined && FUNCTION_TYPES.has(node.type);
}

/** The name a callee is called by: `useEffect`, `React.useEffect` → useEffect; `client.connectUser` → connectUser. */
export function calleeName(callee: ESTree.Node): string | null {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return null;
}

/** Every node under `root` (itself included), without descending into nodes `skip` refuses. */
export function* walk(root: ESTree.Node, skip: (node: ESTree.Node) => boolean = () => false): Generator<ESTree.Node> {
  const stack: ESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ESTree.Node;
    yield node;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string' && !skip(child as ESTree.Node)) stack.push(child as ESTree.Node);
      }
    }
  }
}

/** True when `node` runs inside a function or a loop: code that can run more than once. */
export function runsRepeatedly(node: AnyNode): boolean {
  for (let current = node.parent as AnyNode | null; current; current = current.parent as AnyNode | null) {
    if (FUNCTION_TYPES.has(current.type) || LOOP_TYPES.has(current.type)) return true;
  }
  return false;
}

/** `where:line` for a message that lists places. */
export function place(filename: string, node: ESTree.Node, cwd: string): string {
  const relative = filename.startsWith(`${cwd}/`) ? filename.slice(cwd.length + 1) : filename;
  return `${relative}:${node.loc?.start.line ?? 0}`;
}
