import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CONTENT_SCRIPT_FILES } from '../src/background/contentScriptFiles';

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
  // The content scripts are registered at run time for the sites to watch: none in the
  // manifest, the permission to register them, and the files the worker registers.
  expect(manifest.content_scripts).toBeUndefined();
  expect(manifest.permissions).toContain('scripting');
  expect(manifest.host_permissions).toEqual(['<all_urls>']);
  const named: string[] = [
    ...manifest.background.scripts,
    ...Object.values(CONTENT_SCRIPT_FILES),
    manifest.devtools_page,
    manifest.action.default_popup,
    manifest.options_page,
    ...Object.values<string>(manifest.icons),
    ...Object.values<string>(manifest.action.default_icon),
  ];
  expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
  for (const file of named) expect(existsSync(path.join(DIST, file)), file).toBe(true);
});
