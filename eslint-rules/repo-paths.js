// Where a file sits in the repository, and which layer that is. The layer roots are the folders
// docs/ARCHITECTURE.md "Layering" names; the lint rules decide by path, never by guessing from a
// specifier's spelling, so `../../db/x` and `../db/x` are the same import wherever they are written.
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Longest root first, so electron/core wins over a hypothetical electron/. */
export const layerRoots = ['electron/preload', 'electron/core', 'electron/main', 'renderer', 'shared', 'bench', 'tests', 'db'];

export const areasRoot = 'renderer/src/areas';

const sourceExtension = /\.(?:[cm]?[jt]sx?)$/;

/** Repo-relative posix path of a file, or null when it lies outside the repository. */
export function repoPath(absoluteFile) {
  const relative = path.relative(repoRoot, absoluteFile);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}

export function layerOf(file) {
  if (file === null) return null;
  return layerRoots.find((root) => file === root || file.startsWith(`${root}/`)) ?? null;
}

/** A specifier that names a file by path rather than a package. */
export function isPathSpecifier(specifier) {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
}

/**
 * The repo-relative path a path specifier points at (without resolving extensions: the layer only
 * depends on the folder), or null when it points outside the repository. Vite queries (`?raw`) are
 * not part of the path.
 */
export function resolveSpecifier(importerAbsolute, specifier) {
  const bare = specifier.replace(/[?#].*$/, '');
  const target = bare.startsWith('/') ? bare : path.resolve(path.dirname(importerAbsolute), bare);
  return repoPath(target);
}

/** The same module whether written with or without an extension: `x`, `x.ts`, `x.js`. */
export function withoutExtension(file) {
  return file.replace(sourceExtension, '');
}

/** Test code: `*.test.ts(x)` anywhere, and the test-support folders. */
export function isTestFile(file) {
  return /\.test\.[cm]?[jt]sx?$/.test(file) || file.startsWith('tests/') || file.startsWith('renderer/src/test/');
}

/**
 * The renderer area a path belongs to: `renderer/src/areas/<area>/…`, or `renderer/src/areas/<area>`
 * when that is a folder (an import of the area's index). A loose file directly in areas/ is no area.
 */
export function areaOf(file) {
  if (file === null || !file.startsWith(`${areasRoot}/`)) return null;
  const rest = file.slice(areasRoot.length + 1).split('/');
  if (rest.length > 1) return rest[0];
  try {
    return statSync(path.join(repoRoot, areasRoot, rest[0])).isDirectory() ? rest[0] : null;
  } catch {
    return null;
  }
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`, `node:fs/promises` → `node:fs/promises`. */
export function packageName(specifier) {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
