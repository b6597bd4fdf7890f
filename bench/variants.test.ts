import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * bench/README.md's account of what the frame path's guarantees cost rests on builds made with
 * these patches (bench/buildVariant.ts). A patch that no longer applies to the source would
 * leave that account impossible to check again: this fails first.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const VARIANTS_DIR = path.join(import.meta.dirname, 'variants');
const patches = readdirSync(VARIANTS_DIR).filter((name) => name.endsWith('.patch'));

describe('bench variants', () => {
  it('has the variants bench/README.md names', () => {
    expect(patches.sort()).toEqual(['exact-size-only.patch', 'length-only.patch']);
  });

  it.each(patches)('%s still applies to the source', (patch) => {
    const file = path.join(VARIANTS_DIR, patch);
    expect(readFileSync(file, 'utf8')).toMatch(/^\+\+\+ b\/src\//m);
    // --check reads the working tree and changes nothing; it throws (exit 1) when a hunk does not fit.
    expect(() => execFileSync('git', ['apply', '--check', file], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
