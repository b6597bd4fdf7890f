import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';

/**
 * What `npm run package` ships is what the tests load: the Chrome zip is dist/ and the Firefox
 * xpi is dist-firefox/, file for file and byte for byte, each with its manifest at the root,
 * no source map, and the icons the stores ask for. (`npm run test:release` then loads the
 * unzipped Chrome package in Chromium and runs the demo's browser tests against it.)
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** Every file of a build folder (dotfiles aside, which no package carries), '/'-separated. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative.split('/').some((part) => part.startsWith('.'))) continue;
    files.set(relative, readFileSync(path.join(dir, relative)));
  }
  return files;
}

/** The archive's files (directory entries aside). */
function entriesOf(archive: string): Map<string, Buffer> {
  const entries = unzipSync(readFileSync(archive));
  return new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')).map(([name, bytes]) => [name, Buffer.from(bytes)]));
}

function expectSameFiles(archive: Map<string, Buffer>, build: Map<string, Buffer>): void {
  expect([...archive.keys()].sort()).toEqual([...build.keys()].sort());
  for (const [name, bytes] of build) expect(archive.get(name)?.equals(bytes), name).toBe(true);
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer | undefined): [number, number] | null {
  if (!bytes || bytes.toString('latin1', 1, 4) !== 'PNG') return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const EXTENSION_PAGES = ['src/devtools/devtools.html', 'src/devtools/panel.html', 'src/devtools/rule.html', 'src/options/options.html', 'src/popup/popup.html'];

interface Manifest {
  version: string;
  icons: Record<string, string>;
  browser_specific_settings?: { gecko?: Record<string, unknown>; gecko_android?: Record<string, unknown> };
  background: { service_worker?: string; scripts?: string[] };
}

for (const [browser, archiveName, buildDir] of [
  ['chrome', `onesocket-chrome-${version}.zip`, 'dist'],
  ['firefox', `onesocket-firefox-${version}.xpi`, 'dist-firefox'],
] as const) {
  test(`release/${archiveName} is ${buildDir}/ byte for byte: manifest at the root, no source map or test page, icons at 16, 32, 48 and 128`, () => {
    const archive = entriesOf(path.join(ROOT, 'release', archiveName));
    expectSameFiles(archive, filesOf(path.join(ROOT, buildDir)));
    expect([...archive.keys()].filter((name) => name.endsWith('.map'))).toEqual([]);
    // The extension's own pages and nothing else (no test or demo page): a new page is added here on purpose.
    expect([...archive.keys()].filter((name) => name.endsWith('.html')).sort()).toEqual(EXTENSION_PAGES);

    const manifest = JSON.parse(archive.get('manifest.json')?.toString('utf8') ?? 'null') as Manifest;
    expect(manifest.version).toBe(version);
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    for (const [size, file] of Object.entries(manifest.icons)) expect(pngSize(archive.get(file)), file).toEqual([Number(size), Number(size)]);

    if (browser === 'chrome') expect(manifest.background.service_worker).toBeTruthy();
    else {
      expect(manifest.background.scripts?.length).toBeGreaterThan(0);
      expect(manifest.browser_specific_settings?.gecko).toEqual({
        id: 'onesocket@onesocket.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      });
    }
  });
}
