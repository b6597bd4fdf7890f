import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * `npm run build:firefox` writes dist-firefox/. This checks the build itself: what Firefox MV3
 * needs is there, and every file the manifest names exists. That Firefox runs it and records
 * sockets: firefoxSmoke.spec.ts.
 */
const DIST = path.resolve(import.meta.dirname, '../dist-firefox');

test('the Firefox build has background scripts, a gecko id and every file its manifest names', () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.background.service_worker).toBeUndefined();
  expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: expect.any(String), strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } });
  expect(manifest.minimum_chrome_version).toBeUndefined();
  const hook = manifest.content_scripts.find((script: { world?: string }) => script.world === 'MAIN');
  expect(hook).toMatchObject({ run_at: 'document_start', all_frames: true });
  const named: string[] = [
    ...manifest.background.scripts,
    ...manifest.content_scripts.flatMap((script: { js: string[] }) => script.js),
    manifest.devtools_page,
    manifest.action.default_popup,
    manifest.options_page,
    ...Object.values<string>(manifest.icons),
    ...Object.values<string>(manifest.action.default_icon),
  ];
  expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
  for (const file of named) expect(existsSync(path.join(DIST, file)), file).toBe(true);
});
