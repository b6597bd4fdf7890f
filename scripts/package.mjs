// @ts-check
/**
 * The store-ready packages, from the builds in dist/ and dist-firefox/ (`npm run package` builds
 * both first), named by the version in package.json:
 *
 *   release/onesocket-chrome-<version>.zip    for the Chrome Web Store, or to unzip and load unpacked
 *   release/onesocket-firefox-<version>.xpi   for addons.mozilla.org, made by `web-ext build`
 *
 * The Chrome zip holds every file of dist/ at its root, byte for byte (a source map there is a
 * broken build and stops the packaging): what the tests load is what ships. Entries are
 * sorted and dated alike, so one build always makes the same zip.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import webExt from 'web-ext';

const root = path.resolve(import.meta.dirname, '..');
const releaseDir = path.join(root, 'release');
/** zip keeps local times from 1980 on; any fixed date makes the archive reproducible. */
const ENTRY_DATE = new Date(2000, 0, 1);

/** @param {string} file */
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * Every file under `dir` that a package carries, as paths relative to it with '/' separators:
 * dotfiles are left out, as `web-ext build` leaves them out of the xpi.
 * @param {string} dir
 * @returns {string[]}
 */
function packagedFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/**
 * Checks that `buildDir` holds a built extension of this version, and no source map.
 * @param {string} buildDir
 * @param {string} version
 */
function checkBuild(buildDir, version) {
  const where = path.relative(root, buildDir);
  let manifest;
  try {
    manifest = readJson(path.join(buildDir, 'manifest.json'));
  } catch {
    throw new Error(`${where}/manifest.json not found: build first (npm run package builds both)`);
  }
  if (manifest.version !== version) throw new Error(`${where} is version ${manifest.version}, package.json says ${version}: keep manifest.json's version in step`);
  const maps = packagedFiles(buildDir).filter((file) => file.endsWith('.map'));
  if (maps.length > 0) throw new Error(`${where} holds source maps (${maps.join(', ')}): the release build must not`);
}

/**
 * @param {string} sourceDir
 * @param {string} zipFile
 */
function writeZip(sourceDir, zipFile) {
  /** @type {import('fflate').Zippable} */
  const entries = {};
  for (const file of packagedFiles(sourceDir)) entries[file] = [readFileSync(path.join(sourceDir, file)), { mtime: ENTRY_DATE, level: 9 }];
  writeFileSync(zipFile, zipSync(entries));
}

async function main() {
  const { version } = readJson(path.join(root, 'package.json'));
  const chromeBuild = path.join(root, 'dist');
  const firefoxBuild = path.join(root, 'dist-firefox');
  checkBuild(chromeBuild, version);
  checkBuild(firefoxBuild, version);
  mkdirSync(releaseDir, { recursive: true });

  const chromeZip = path.join(releaseDir, `onesocket-chrome-${version}.zip`);
  writeZip(chromeBuild, chromeZip);
  console.log(`package: wrote ${path.relative(root, chromeZip)}`);

  const { extensionPath } = await webExt.cmd.build(
    { sourceDir: firefoxBuild, artifactsDir: releaseDir, filename: `onesocket-firefox-${version}.xpi`, overwriteDest: true },
    { showReadyMessage: false },
  );
  console.log(`package: wrote ${path.relative(root, extensionPath)}`);
}

main().catch((error) => {
  console.error(`package: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
