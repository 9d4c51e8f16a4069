import { describe, expect, it } from 'vitest';
import { namespaces, resources, type Namespace } from './resources';

/** Every leaf key of a nested resource object, as dotted paths. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

function lookUp(resource: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
}

// `evidence` is shared: its words live with renderer/src/components/evidence/.
const areaNamespaces: readonly Namespace[] = ['inbox', 'cases', 'workspace', 'settings', 'team'];
/** Namespaces whose area folder is named otherwise. */
const areaFolders: Partial<Record<Namespace, string>> = { workspace: 'case-workspace' };

// Vite inlines the sources, so this runs without touching the file system API.
const sources = import.meta.glob(['../**/*.tsx', '../**/*.ts', '!../**/*.test.*', '!../**/i18n/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/**
 * The namespaces a file's unprefixed keys resolve in: the first of each `useTranslation(...)` or
 * `TFunction<...>` it names, else `common` (the default namespace, as `i18n.t` reads it).
 */
function primaryNamespaces(source: string): string[] {
  const found = [...source.matchAll(/(?:useTranslation\(|TFunction<)\s*(?:readonly\s*)?\[?\s*'(\w+)'/g)].map((match) => match[1]!);
  return found.length > 0 ? found : ['common'];
}

describe.each(namespaces)('i18n namespace %s', (namespace) => {
  const zhCN = resources['zh-CN'][namespace];
  const en = resources.en[namespace];

  it('zh-CN and en have exactly the same keys', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(zhCN).sort());
  });

  it('has no empty strings', () => {
    for (const resource of [zhCN, en]) {
      for (const key of leafKeys(resource)) {
        expect(lookUp(resource, key), key).toMatch(/\S/);
      }
    }
  });

  it('uses the same interpolation placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const key of leafKeys(zhCN)) {
      expect(placeholders(lookUp(en, key) as string), key).toEqual(placeholders(lookUp(zhCN, key) as string));
    }
  });
});

describe('i18n keys in the components', () => {
  it('defines every literal key the components ask for', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const known = new Map(namespaces.map((namespace) => [namespace as string, new Set(leafKeys(resources['zh-CN'][namespace]))]));
    const missing: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      const primaries = primaryNamespaces(source);
      for (const match of source.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) {
        const [namespace, key] = match[1]!.includes(':') ? match[1]!.split(':') : [undefined, match[1]!];
        const candidates = namespace ? [namespace] : primaries;
        if (!candidates.some((candidate) => known.get(candidate)?.has(key!))) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("uses an area's namespace only inside that area", () => {
    const strays: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      for (const namespace of areaNamespaces) {
        if (file.startsWith(`../areas/${areaFolders[namespace] ?? namespace}/`)) continue;
        const asPrimary = new RegExp(`useTranslation\\(\\s*\\[?[^)]*'${namespace}'`);
        const asPrefix = new RegExp(`'${namespace}:`);
        if (asPrimary.test(source) || asPrefix.test(source)) strays.push(`${file}: ${namespace}`);
      }
    }
    expect(strays).toEqual([]);
  });
});
