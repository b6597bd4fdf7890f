import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The house's rules, enforced (docs/architecture.md, "Who may import what"). Each context is a
 * folder; a rule below says what a folder may not reach. `group` patterns are gitignore-style.
 */
const contexts = ['background', 'devtools', 'content', 'popup', 'options', 'cli', 'eslint'];
/** @param {string} self */
const otherContexts = (self) => contexts.filter((name) => name !== self).map((name) => `**/${name}/**`);
/** @param {object[]} patterns @returns {['error', { patterns: object[] }]} */
const restrict = (patterns) => ['error', { patterns }];

/** Globals a page can replace or whose prototype methods it can patch: the hook uses saved natives (page/natives.ts). */
const PAGE_PATCHABLE_GLOBALS = ['Array', 'Object', 'JSON', 'Reflect', 'Math', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'URL', 'URLSearchParams', 'String', 'Number', 'Date', 'Promise', 'RegExp', 'Symbol', 'Function', 'Error', 'CustomEvent', 'EventTarget'].map((name) => ({
  name,
  message: `A page can patch ${name}: take it from page/natives.ts, saved at document_start.`,
}));
/** Methods of strings and arrays the page can patch on their prototypes. */
const PAGE_PATCHABLE_METHODS = ['slice', 'trim', 'startsWith', 'endsWith', 'includes', 'indexOf', 'split', 'join', 'push', 'pop', 'shift', 'map', 'filter', 'forEach', 'reduce', 'concat', 'replace', 'test', 'exec', 'charCodeAt', 'find', 'some', 'every'].map((property) => ({
  property,
  message: `A page can patch .${property}(): use the saved native from page/natives.ts.`,
}));

export default tseslint.config(
  { ignores: ['.scratch*/', 'dist/', 'dist-firefox/', 'demo/dist/', 'test-results/', 'playwright-report/', 'bench/results/', 'release/', 'package-dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, chrome: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The wire is a leaf: nothing of ours.
  {
    files: ['src/core/wire/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict([{ group: ['../*', '../**'], message: 'The wire imports nothing of ours.' }]) },
  },
  // The core is pure: no context, no browser API.
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/wire/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: [...contexts.map((name) => `**/${name}/**`), '**/common/**'], message: 'src/core imports only itself and the wire.' },
        { group: ['webextension-polyfill', 'preact', 'preact/*', '@preact/*', '@playwright/*', 'node:*'], message: 'src/core is pure: no browser, UI or Node API.' },
      ]),
      'no-restricted-globals': ['error', { name: 'chrome', message: 'src/core is pure: no browser API.' }, { name: 'browser', message: 'src/core is pure: no browser API.' }],
    },
  },
  // The page hook: MAIN world, every global may be patched by the page, nothing with side effects.
  {
    files: ['src/content/page/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '(^|/)core/(?!wire/constants$)', allowTypeImports: true, message: 'The page hook imports only the wire constants (and types): it ships in every document.' },
        { group: ['**/relay/**', '**/common/**', ...otherContexts('content')], message: 'The page hook imports nothing of the other worlds.' },
        { group: ['valibot', 'webextension-polyfill', 'preact', '@preact/*'], message: 'The page hook carries no library.' },
      ]),
    },
  },
  {
    files: ['src/content/page/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/content/page/natives.ts'],
    rules: {
      'no-restricted-globals': ['error', ...PAGE_PATCHABLE_GLOBALS],
      'no-restricted-properties': ['error', ...PAGE_PATCHABLE_METHODS],
    },
  },
  // The isolated relay: the wire and the shared browser helpers, nothing of the page world.
  {
    files: ['src/content/relay/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/page/**', ...otherContexts('content')], message: 'The relay imports neither the page hook nor another context.' },
        { regex: '(^|/)core/(?!wire/)', allowTypeImports: true, message: 'The relay only checks and forwards: the wire is all it needs.' },
      ]),
    },
  },
  // Shared browser helpers serve every context and import none.
  {
    files: ['src/common/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict([{ group: contexts.map((name) => `**/${name}/**`), message: 'src/common is used by the contexts and imports none of them.' }]) },
  },
  // Contexts do not import each other.
  ...['background', 'devtools', 'popup', 'options', 'cli', 'eslint'].map((name) => ({
    files: [`src/${name}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': restrict([{ group: otherContexts(name), message: `src/${name} imports src/core and src/common, never another context.` }]) },
  })),
);
