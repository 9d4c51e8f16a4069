import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The app's version from its package.json, found by walking up from this module: the same code
 * runs from source (tsx), from the bundle in out/main, and inside the packaged app.
 */
export function readAppVersion(from: string = import.meta.dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'reviewdesk' && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}
