// @ts-check
/**
 * `web-ext lint` (Mozilla's addons-linter, what addons.mozilla.org runs on upload) on the Firefox
 * build in dist-firefox/ (run `npm run build:firefox` first). Fails on any error, and on any
 * warning or notice not explained in docs/store.md ("What web-ext lint reports"). An explained
 * warning is recognised by the code it points at, not by file name: chunk names change with
 * every build, and a new innerHTML of our own must not pass as an old one.
 * Usage: node scripts/lintFirefox.mjs [sourceDir]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import webExt from 'web-ext';

const root = path.resolve(import.meta.dirname, '..');
const sourceDir = path.resolve(process.argv[2] ?? path.join(root, 'dist-firefox'));

/**
 * @typedef {import('web-ext').LintMessage} LintMessage
 * @typedef {{ code: string, why: string, at: RegExp }} Explained
 */

/** Each warning docs/store.md explains, with the minified code it points at. @type {Explained[]} */
const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "preact's support for dangerouslySetInnerHTML (OneSocket never uses it)",
    at: /^[\w$]+\.innerHTML=[\w$]+\.__html\b/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: 'the rule page shows its own bundled markdown (docs/rules/) rendered by marked',
    at: /^[\w$]+\.innerHTML=[\w$]+\?[\w$]+\.parse\([\w$]+,\{async:!1\}\):`<p>No page for rule/,
  },
];

/** @param {LintMessage} message */
function codeAt(message) {
  if (!message.file || !message.line || !message.column) return '';
  const line = readFileSync(path.join(sourceDir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  return line.slice(message.column - 1, message.column + 200);
}

/** @param {LintMessage} message */
function explanationOf(message) {
  const code = codeAt(message);
  return EXPLAINED.find((explained) => explained.code === message.code && explained.at.test(code));
}

/** @param {LintMessage} message */
function describe(message) {
  const where = message.file ? ` (${message.file}${message.line ? `:${message.line}:${message.column}` : ''})` : '';
  return `${message.code}${where}: ${message.message}`;
}

const result = await webExt.cmd.lint({ sourceDir, output: 'none' }, { shouldExitProgram: false });
const unexplained = [...result.warnings, ...result.notices].filter((message) => !explanationOf(message));
for (const message of [...result.warnings, ...result.notices]) {
  const explained = explanationOf(message);
  if (explained) console.log(`web-ext lint: explained in docs/store.md: ${describe(message)} (${explained.why})`);
}
for (const message of result.errors) console.error(`web-ext lint: error: ${describe(message)}`);
for (const message of unexplained) console.error(`web-ext lint: not explained in docs/store.md: ${describe(message)}`);
if (result.errors.length > 0 || unexplained.length > 0) {
  console.error(`web-ext lint: ${result.errors.length} errors, ${unexplained.length} unexplained warnings or notices in ${path.relative(root, sourceDir)}`);
  process.exit(1);
}
console.log(`web-ext lint: ${path.relative(root, sourceDir)} is clean (${result.warnings.length} warnings, each explained in docs/store.md)`);
