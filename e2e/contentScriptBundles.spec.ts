import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CONTENT_SCRIPT_FILES } from '../src/background/contentScriptFiles';

/**
 * The two content scripts are classic scripts (standalone IIFEs, vite.config.ts) written as
 * strict modules. The bundler keeps strict mode only when the entry asks for it: without the
 * directive the hook ran sloppy in every page, its wrappers' `arguments` a live mapped object.
 */
const BUILDS = ['dist', 'dist-firefox'].map((dir) => path.resolve(import.meta.dirname, '..', dir));

for (const build of BUILDS) {
  for (const [name, file] of Object.entries(CONTENT_SCRIPT_FILES)) {
    test(`${path.basename(build)}: the ${name} script is one strict classic script`, () => {
      const source = readFileSync(path.join(build, file), 'utf8');
      expect(source.startsWith('"use strict";')).toBe(true);
      // Standalone: a classic script cannot import, and a loader would run after the page's first script.
      expect(source).not.toMatch(/^\s*import[\s{*]|\bimport\s*\(/m);
    });
  }
}
