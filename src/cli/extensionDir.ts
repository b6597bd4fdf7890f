import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AuditError } from './errors';
import { isRepositoryClone, packageRoot } from './packageRoot';

/**
 * The built extension to load: ONESOCKET_DIST, else the package's dist/ (shipped built in the
 * package; in a clone, built with `npm run build` first when missing).
 */
export function extensionDir(log: (line: string) => void): string {
  const fromEnv = process.env.ONESOCKET_DIST;
  const dist = fromEnv ? path.resolve(fromEnv) : path.join(packageRoot().dir, 'dist');
  if (existsSync(path.join(dist, 'manifest.json'))) return dist;
  if (fromEnv) throw new AuditError(`ONESOCKET_DIST=${dist} holds no built extension (no manifest.json)`);
  if (!isRepositoryClone()) throw new AuditError(`this onesocket installation has no built extension (${dist} is missing): reinstall the package`);
  log('Building the extension first (npm run build)…');
  // Its output goes to stderr: with --json, stdout carries the report alone.
  const build = spawnSync('npm', ['run', 'build'], { cwd: packageRoot().dir, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new AuditError('npm run build failed; see its output above');
  return dist;
}
