// @ts-check
// The browser helpers live with the CLI (src/cli/chromium.mjs), which ships in the package;
// the scripts, tests and benchmark import them from here as before.
export { contentScriptsRegistered, extensionLaunchOptions, findChromiumExecutable, findOnPath } from '../src/cli/chromium.mjs';
