import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = 'onesocket';

interface PackageJson {
  name?: string;
  version?: string;
}

function readPackageJson(dir: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return null;
  }
}

let cached: { dir: string; version: string } | null = null;

/**
 * The folder of the onesocket package: a clone of the repository (the sources run from src/cli/)
 * or the installed package (the compiled files run from package-dist/). Found by walking up to
 * our package.json, so the code does not care which of the two it runs from.
 */
export function packageRoot(): { dir: string; version: string } {
  if (cached) return cached;
  let dir = import.meta.dirname;
  for (;;) {
    const pkg = readPackageJson(dir);
    if (pkg?.name === PACKAGE_NAME) return (cached = { dir, version: pkg.version ?? 'unknown' });
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${import.meta.dirname}`);
    dir = parent;
  }
}

/** A clone can build its extension (npm run build); an installed package ships it built. */
export function isRepositoryClone(): boolean {
  return existsSync(path.join(packageRoot().dir, 'vite.config.ts'));
}

/**
 * Where a rule's page is, as a path a person can open from where the command runs: the page
 * ships with the package (docs/rules/), e.g. node_modules/onesocket/docs/rules/<rule>.md.
 */
export function rulePagePath(rule: string): string {
  const file = path.join(packageRoot().dir, 'docs', 'rules', `${rule}.md`);
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
