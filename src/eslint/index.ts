/**
 * `onesocket/eslint`: the runtime rules' mistakes, found in the source before it runs. A flat
 * config plugin (ESLint 9):
 *
 *   import onesocket from 'onesocket/eslint';
 *   export default [onesocket.configs.recommended];
 *
 * Works on JavaScript and, with typescript-eslint's parser, TypeScript and JSX. See docs/eslint.md.
 */
import type { ESLint, Linter } from 'eslint';
import { connectInEffectNeedsCleanup } from './rules/connectInEffectNeedsCleanup';
import { preferGetInstance } from './rules/preferGetInstance';
import { singleConnectCallSite } from './rules/singleConnectCallSite';
import { stableTokenProvider } from './rules/stableTokenProvider';

export const rules = {
  'connect-in-effect-needs-cleanup': connectInEffectNeedsCleanup,
  'prefer-get-instance': preferGetInstance,
  'stable-token-provider': stableTokenProvider,
  'single-connect-call-site': singleConnectCallSite,
};

const plugin: ESLint.Plugin & { configs: { recommended: Linter.Config } } = {
  meta: { name: 'onesocket' },
  rules,
  configs: { recommended: {} },
};

plugin.configs.recommended = {
  name: 'onesocket/recommended',
  plugins: { onesocket: plugin },
  rules: Object.fromEntries(Object.keys(rules).map((name) => [`onesocket/${name}`, 'error'])),
};

export default plugin;
